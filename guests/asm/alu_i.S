/*
 * alu_i.S: ADDI XORI ORI ANDI with sign-extended 12-bit immediates (0, +-1,
 * 2047, -2048, ...), NOT via xori -1, writes to x0, x0 as a source.
 * Self-checking: exit 0 when every check passes.
 */
#include "test_macros.h"

KP_TEST_BEGIN
        /* ADDI */
        KP_TEST_RI addi, 0x0, 0, 0x00000000
        KP_TEST_RI addi, 0x1, 2047, 0x00000800
        KP_TEST_RI addi, 0xffffffff, -1366, 0xfffffaa9
        KP_TEST_RI addi, 0x7fffffff, -1, 0x7ffffffe
        KP_TEST_RI addi, 0x80000000, 1365, 0x80000555
        KP_TEST_RI addi, 0x12345678, 1, 0x12345679
        KP_TEST_RI addi, 0xfffff800, -2048, 0xfffff000
        KP_TEST_RI addi, 0x0, 0, 0x00000000
        KP_TEST_RI addi, 0x1, 2047, 0x00000800
        KP_TEST_RI addi, 0xffffffff, -1366, 0xfffffaa9
        KP_TEST_RI addi, 0x7fffffff, -1, 0x7ffffffe
        KP_TEST_RI addi, 0x80000000, 1365, 0x80000555
        KP_TEST_RI addi, 0x12345678, 1, 0x12345679
        KP_TEST_RI addi, 0xfffff800, -2048, 0xfffff000
        /* XORI */
        KP_TEST_RI xori, 0x0, 0, 0x00000000
        KP_TEST_RI xori, 0x1, 2047, 0x000007fe
        KP_TEST_RI xori, 0xffffffff, -1366, 0x00000555
        KP_TEST_RI xori, 0x7fffffff, -1, 0x80000000
        KP_TEST_RI xori, 0x80000000, 1365, 0x80000555
        KP_TEST_RI xori, 0x12345678, 1, 0x12345679
        KP_TEST_RI xori, 0xfffff800, -2048, 0x00000000
        KP_TEST_RI xori, 0x0, 0, 0x00000000
        KP_TEST_RI xori, 0x1, 2047, 0x000007fe
        KP_TEST_RI xori, 0xffffffff, -1366, 0x00000555
        KP_TEST_RI xori, 0x7fffffff, -1, 0x80000000
        KP_TEST_RI xori, 0x80000000, 1365, 0x80000555
        KP_TEST_RI xori, 0x12345678, 1, 0x12345679
        KP_TEST_RI xori, 0xfffff800, -2048, 0x00000000
        /* ORI */
        KP_TEST_RI ori, 0x0, 0, 0x00000000
        KP_TEST_RI ori, 0x1, 2047, 0x000007ff
        KP_TEST_RI ori, 0xffffffff, -1366, 0xffffffff
        KP_TEST_RI ori, 0x7fffffff, -1, 0xffffffff
        KP_TEST_RI ori, 0x80000000, 1365, 0x80000555
        KP_TEST_RI ori, 0x12345678, 1, 0x12345679
        KP_TEST_RI ori, 0xfffff800, -2048, 0xfffff800
        KP_TEST_RI ori, 0x0, 0, 0x00000000
        KP_TEST_RI ori, 0x1, 2047, 0x000007ff
        KP_TEST_RI ori, 0xffffffff, -1366, 0xffffffff
        KP_TEST_RI ori, 0x7fffffff, -1, 0xffffffff
        KP_TEST_RI ori, 0x80000000, 1365, 0x80000555
        KP_TEST_RI ori, 0x12345678, 1, 0x12345679
        KP_TEST_RI ori, 0xfffff800, -2048, 0xfffff800
        /* ANDI */
        KP_TEST_RI andi, 0x0, 0, 0x00000000
        KP_TEST_RI andi, 0x1, 2047, 0x00000001
        KP_TEST_RI andi, 0xffffffff, -1366, 0xfffffaaa
        KP_TEST_RI andi, 0x7fffffff, -1, 0x7fffffff
        KP_TEST_RI andi, 0x80000000, 1365, 0x00000000
        KP_TEST_RI andi, 0x12345678, 1, 0x00000000
        KP_TEST_RI andi, 0xfffff800, -2048, 0xfffff800
        KP_TEST_RI andi, 0x0, 0, 0x00000000
        KP_TEST_RI andi, 0x1, 2047, 0x00000001
        KP_TEST_RI andi, 0xffffffff, -1366, 0xfffffaaa
        KP_TEST_RI andi, 0x7fffffff, -1, 0x7fffffff
        KP_TEST_RI andi, 0x80000000, 1365, 0x00000000
        KP_TEST_RI andi, 0x12345678, 1, 0x00000000
        KP_TEST_RI andi, 0xfffff800, -2048, 0xfffff800
        /* li through addi x0 */
        addi    a2, zero, -5
        KP_CHECK a2, -5
        addi    a2, x0, 2047
        KP_CHECK a2, 2047
        /* not = xori -1 */
        li      a0, 0x0f0f1234
        xori    a2, a0, -1
        KP_CHECK a2, 0xf0f0edcb
        /* andi with a negative immediate keeps the high bits */
        li      a0, 0xabcdef12
        andi    a2, a0, -16
        KP_CHECK a2, 0xabcdef10
        /* writes to x0 are ignored (including the canonical nop) */
        addi    zero, zero, 1
        KP_CHECK zero, 0
        nop
        ori     x0, a0, 0x7ff
        mv      a2, zero
        KP_CHECK a2, 0
        /* rd == rs1 */
        li      a0, 100
        addi    a0, a0, -101
        KP_CHECK a0, -1
KP_TEST_END
