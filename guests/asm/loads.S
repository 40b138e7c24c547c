/*
 * loads.S: LB LH LW LBU LHU at every byte/half/word position, sign extension
 * of 0x80, 0xff, 0x8000, 0xff80; negative, large (+-2047/-2048) offsets;
 * loads from .rodata, .data and .bss; rd == base; rd = x0.
 * Self-checking: exit 0 when every check passes.
 */
#include "test_macros.h"

        .section .rodata
        .balign 4
ltab:
        .byte   0x80, 0x7f, 0xff, 0x01      /* +0:  0x01ff7f80 */
        .half   0xff80, 0x7fff              /* +4:  0x7fffff80 */
        .word   0xdeadbeef                  /* +8 */
        .word   0x00000000                  /* +12 */
        .byte   0x00, 0x80, 0x00, 0xff      /* +16: 0xff008000 */
ltab_end:

        .data
        .balign 4
dword:  .word   0x8899aabb

        .bss
        .balign 4
bword:  .space  4

KP_TEST_BEGIN
        la      t0, ltab
        /* LB / LBU at each byte of word 0 */
        lb      a2, 0(t0)
        KP_CHECK a2, 0xffffff80
        lb      a2, 1(t0)
        KP_CHECK a2, 0x7f
        lb      a2, 2(t0)
        KP_CHECK a2, 0xffffffff
        lb      a2, 3(t0)
        KP_CHECK a2, 0x01
        lbu     a2, 0(t0)
        KP_CHECK a2, 0x80
        lbu     a2, 1(t0)
        KP_CHECK a2, 0x7f
        lbu     a2, 2(t0)
        KP_CHECK a2, 0xff
        lbu     a2, 3(t0)
        KP_CHECK a2, 0x01
        /* LH / LHU at both halves of words 0 and 1 */
        lh      a2, 0(t0)
        KP_CHECK a2, 0x7f80
        lh      a2, 2(t0)
        KP_CHECK a2, 0x01ff
        lhu     a2, 0(t0)
        KP_CHECK a2, 0x7f80
        lhu     a2, 2(t0)
        KP_CHECK a2, 0x01ff
        lh      a2, 4(t0)
        KP_CHECK a2, 0xffffff80
        lhu     a2, 4(t0)
        KP_CHECK a2, 0xff80
        lh      a2, 6(t0)
        KP_CHECK a2, 0x7fff
        lhu     a2, 6(t0)
        KP_CHECK a2, 0x7fff
        /* LW */
        lw      a2, 0(t0)
        KP_CHECK a2, 0x01ff7f80
        lw      a2, 4(t0)
        KP_CHECK a2, 0x7fffff80
        lw      a2, 8(t0)
        KP_CHECK a2, 0xdeadbeef
        lw      a2, 12(t0)
        KP_CHECK a2, 0
        lw      a2, 16(t0)
        KP_CHECK a2, 0xff008000
        /* word 2 (0xdeadbeef) byte by byte and half by half */
        lb      a2, 8(t0)
        KP_CHECK a2, 0xffffffef
        lb      a2, 9(t0)
        KP_CHECK a2, 0xffffffbe
        lb      a2, 10(t0)
        KP_CHECK a2, 0xffffffad
        lb      a2, 11(t0)
        KP_CHECK a2, 0xffffffde
        lbu     a2, 8(t0)
        KP_CHECK a2, 0xef
        lbu     a2, 9(t0)
        KP_CHECK a2, 0xbe
        lbu     a2, 10(t0)
        KP_CHECK a2, 0xad
        lbu     a2, 11(t0)
        KP_CHECK a2, 0xde
        lh      a2, 8(t0)
        KP_CHECK a2, 0xffffbeef
        lh      a2, 10(t0)
        KP_CHECK a2, 0xffffdead
        lhu     a2, 8(t0)
        KP_CHECK a2, 0xbeef
        lhu     a2, 10(t0)
        KP_CHECK a2, 0xdead
        /* word 4 (bytes 00 80 00 ff) */
        lb      a2, 17(t0)
        KP_CHECK a2, 0xffffff80
        lb      a2, 16(t0)
        KP_CHECK a2, 0
        lh      a2, 16(t0)
        KP_CHECK a2, 0xffff8000
        lhu     a2, 16(t0)
        KP_CHECK a2, 0x8000
        lh      a2, 18(t0)
        KP_CHECK a2, 0xffffff00
        lhu     a2, 18(t0)
        KP_CHECK a2, 0xff00
        lbu     a2, 19(t0)
        KP_CHECK a2, 0xff

        /* negative offsets */
        la      t1, ltab_end
        lw      a2, -12(t1)
        KP_CHECK a2, 0xdeadbeef
        lb      a2, -20(t1)
        KP_CHECK a2, 0xffffff80
        lhu     a2, -14(t1)
        KP_CHECK a2, 0x7fff
        /* offsets at the ends of the 12-bit range */
        la      t1, ltab - 2047
        lbu     a2, 2047(t1)
        KP_CHECK a2, 0x80
        la      t1, ltab + 2048
        lw      a2, -2040(t1)
        KP_CHECK a2, 0xdeadbeef

        /* .data and .bss (the loader zero-fills .bss) */
        la      t1, dword
        lw      a2, 0(t1)
        KP_CHECK a2, 0x8899aabb
        lh      a2, 2(t1)
        KP_CHECK a2, 0xffff8899
        lb      a2, 0(t1)
        KP_CHECK a2, 0xffffffbb
        la      t1, bword
        lw      a2, 0(t1)
        KP_CHECK a2, 0

        /* rd == base */
        la      a0, ltab
        lw      a0, 8(a0)
        KP_CHECK a0, 0xdeadbeef
        /* rd = x0: the load happens, the write is dropped */
        lw      zero, 8(t0)
        KP_CHECK zero, 0
        lb      x0, 0(t0)
        KP_CHECK zero, 0
        /* x0 as the base (address 0 + offset is unmapped, so only rd = x0
         * with a real base is tested; see guests/faults/load_unmapped.S) */
KP_TEST_END
