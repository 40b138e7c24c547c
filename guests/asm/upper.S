/*
 * upper.S: LUI (positive, negative, 0x80000 and 0 upper immediates, x0 as the
 * destination) and AUIPC (checked relative to "la" of the same address, so the
 * test does not depend on where it is linked).
 * Self-checking: exit 0 when every check passes.
 */
#include "test_macros.h"

KP_TEST_BEGIN
        lui     a0, 0x12345
        KP_CHECK a0, 0x12345000
        lui     a0, 0xfffff
        KP_CHECK a0, 0xfffff000
        lui     a0, 0x80000
        KP_CHECK a0, 0x80000000
        lui     a0, 0x7ffff
        KP_CHECK a0, 0x7ffff000
        lui     a0, 0
        KP_CHECK a0, 0
        li      a0, -1
        lui     a0, 1               /* the low 12 bits are cleared */
        KP_CHECK a0, 0x00001000
        lui     zero, 0x12345
        KP_CHECK zero, 0
        /* lui + addi with a negative low part */
        lui     a0, 0x12346
        addi    a0, a0, -0x789
        KP_CHECK a0, 0x12345877

        /* auipc rd, imm: rd = address of the auipc + (imm << 12) */
.Lp0:   auipc   a0, 0
        la      a1, .Lp0
        sub     a2, a0, a1
        KP_CHECK a2, 0
.Lp1:   auipc   a0, 0x12345
        la      a1, .Lp1
        sub     a2, a0, a1
        KP_CHECK a2, 0x12345000
.Lp2:   auipc   a0, 0xfffff
        la      a1, .Lp2
        sub     a2, a0, a1
        KP_CHECK a2, 0xfffff000
.Lp3:   auipc   a0, 0x80000
        la      a1, .Lp3
        sub     a2, a0, a1
        KP_CHECK a2, 0x80000000
        /* two auipcs 8 bytes apart */
        auipc   a0, 0
        nop
        auipc   a1, 0
        sub     a2, a1, a0
        KP_CHECK a2, 8
        /* auipc into x0 */
        auipc   zero, 1
        KP_CHECK zero, 0
        /* the entry point is the first instruction of .text, at 0x00010000 */
        la      a0, _start
        KP_CHECK a0, 0x00010000
KP_TEST_END
