/*
 * stores.S: SB into every byte and SH into every half of a word, SW, checked
 * by loading the word (and the bytes/halves) back; negative and +-2 KiB
 * offsets; stores into .data (file-backed) and .bss (zero-filled); x0 as the
 * stored value; the base register stored into memory.
 * Self-checking: exit 0 when every check passes.
 */
#include "test_macros.h"

        .data
        .balign 4
dword:  .word   0x01020304

        .bss
        .balign 16
sbuf:   .space  4096

/* word at 0(t0) = 0x11223344, then store a1 with op at offset off, load the word */
.macro ST_POS op, off, expect
        li      a0, 0x11223344
        sw      a0, 0(t0)
        \op     a1, \off(t0)
        lw      a2, 0(t0)
        KP_CHECK a2, \expect
.endm

KP_TEST_BEGIN
        la      t0, sbuf
        li      a1, 0xaabbccdd
        ST_POS  sb, 0, 0x112233dd
        ST_POS  sb, 1, 0x1122dd44
        ST_POS  sb, 2, 0x11dd3344
        ST_POS  sb, 3, 0xdd223344
        ST_POS  sh, 0, 0x1122ccdd
        ST_POS  sh, 2, 0xccdd3344
        ST_POS  sw, 0, 0xaabbccdd

        /* build a word byte by byte, then half by half */
        sw      zero, 4(t0)
        li      a0, 0x01
        sb      a0, 4(t0)
        li      a0, 0x82
        sb      a0, 5(t0)
        li      a0, 0x03
        sb      a0, 6(t0)
        li      a0, 0xf4
        sb      a0, 7(t0)
        lw      a2, 4(t0)
        KP_CHECK a2, 0xf4038201
        lb      a2, 5(t0)
        KP_CHECK a2, 0xffffff82
        li      a0, 0x8765
        sh      a0, 10(t0)
        li      a0, 0x4321
        sh      a0, 8(t0)
        lw      a2, 8(t0)
        KP_CHECK a2, 0x87654321
        lh      a2, 10(t0)
        KP_CHECK a2, 0xffff8765
        lhu     a2, 8(t0)
        KP_CHECK a2, 0x4321

        /* sb / sh store only the low byte / half of rs2 */
        li      a0, -1
        sw      a0, 12(t0)
        li      a0, 0x12345600
        sb      a0, 13(t0)
        lw      a2, 12(t0)
        KP_CHECK a2, 0xffff00ff
        li      a0, 0x7fff0000
        sh      a0, 14(t0)
        lw      a2, 12(t0)
        KP_CHECK a2, 0x000000ff

        /* x0 as the stored value */
        li      a0, -1
        sw      a0, 16(t0)
        sb      zero, 16(t0)
        sh      zero, 18(t0)
        lw      a2, 16(t0)
        KP_CHECK a2, 0x0000ff00
        sw      zero, 16(t0)
        lw      a2, 16(t0)
        KP_CHECK a2, 0

        /* negative offsets */
        addi    t1, t0, 64
        li      a0, 0x0badf00d
        sw      a0, -4(t1)
        lw      a2, 60(t0)
        KP_CHECK a2, 0x0badf00d
        li      a0, 0x5a
        sb      a0, -61(t1)
        lbu     a2, 3(t0)
        KP_CHECK a2, 0x5a
        li      a0, 0xbeef
        sh      a0, -2(t1)
        lhu     a2, 62(t0)
        KP_CHECK a2, 0xbeef

        /* offsets at the ends of the 12-bit range */
        li      a0, 0x13579bdf
        sw      a0, 2044(t0)
        lw      a2, 2044(t0)
        KP_CHECK a2, 0x13579bdf
        li      t2, 2048
        add     t1, t0, t2
        li      a0, 0x2468ace0
        sw      a0, -2048(t1)
        lw      a2, 0(t0)
        KP_CHECK a2, 0x2468ace0
        li      a0, 0x77
        sb      a0, 2047(t0)
        lbu     a2, 2047(t0)
        KP_CHECK a2, 0x77

        /* the base register stored at its own address */
        sw      t0, 20(t0)
        lw      a2, 20(t0)
        sub     a3, a2, t0
        KP_CHECK a3, 0

        /* .data: initial value, then overwrite */
        la      t1, dword
        lw      a2, 0(t1)
        KP_CHECK a2, 0x01020304
        li      a0, 0xee
        sb      a0, 2(t1)
        lw      a2, 0(t1)
        KP_CHECK a2, 0x01ee0304
KP_TEST_END
