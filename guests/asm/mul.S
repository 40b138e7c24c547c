/*
 * mul.S: MUL MULH MULHSU MULHU with signs, INT_MIN (0x80000000), -1,
 * 0x7fffffff and 0xffffffff operands; x0 cases.
 * Self-checking: exit 0 when every check passes.
 */
#include "test_macros.h"

KP_TEST_BEGIN
        /* MUL */
        KP_TEST_RR mul, 0x0, 0x0, 0x00000000
        KP_TEST_RR mul, 0x3, 0x7, 0x00000015
        KP_TEST_RR mul, 0xfffffff9, 0x3, 0xffffffeb
        KP_TEST_RR mul, 0x7, 0xfffffffd, 0xffffffeb
        KP_TEST_RR mul, 0xfffffff9, 0xfffffffd, 0x00000015
        KP_TEST_RR mul, 0xffffffff, 0xffffffff, 0x00000001
        KP_TEST_RR mul, 0xffffffff, 0x1, 0xffffffff
        KP_TEST_RR mul, 0x1, 0xffffffff, 0xffffffff
        KP_TEST_RR mul, 0x80000000, 0x80000000, 0x00000000
        KP_TEST_RR mul, 0x80000000, 0xffffffff, 0x80000000
        KP_TEST_RR mul, 0xffffffff, 0x80000000, 0x80000000
        KP_TEST_RR mul, 0x80000000, 0x1, 0x80000000
        KP_TEST_RR mul, 0x7fffffff, 0x7fffffff, 0x00000001
        KP_TEST_RR mul, 0x7fffffff, 0x80000000, 0x80000000
        KP_TEST_RR mul, 0x12345678, 0x9abcdef0, 0x242d2080
        KP_TEST_RR mul, 0xdeadbeef, 0xcafebabe, 0x88cf5b62
        KP_TEST_RR mul, 0x10000, 0x10000, 0x00000000
        KP_TEST_RR mul, 0xffff, 0xffff, 0xfffe0001
        KP_TEST_RR mul, 0x0, 0xffffffff, 0x00000000
        /* MULH */
        KP_TEST_RR mulh, 0x0, 0x0, 0x00000000
        KP_TEST_RR mulh, 0x3, 0x7, 0x00000000
        KP_TEST_RR mulh, 0xfffffff9, 0x3, 0xffffffff
        KP_TEST_RR mulh, 0x7, 0xfffffffd, 0xffffffff
        KP_TEST_RR mulh, 0xfffffff9, 0xfffffffd, 0x00000000
        KP_TEST_RR mulh, 0xffffffff, 0xffffffff, 0x00000000
        KP_TEST_RR mulh, 0xffffffff, 0x1, 0xffffffff
        KP_TEST_RR mulh, 0x1, 0xffffffff, 0xffffffff
        KP_TEST_RR mulh, 0x80000000, 0x80000000, 0x40000000
        KP_TEST_RR mulh, 0x80000000, 0xffffffff, 0x00000000
        KP_TEST_RR mulh, 0xffffffff, 0x80000000, 0x00000000
        KP_TEST_RR mulh, 0x80000000, 0x1, 0xffffffff
        KP_TEST_RR mulh, 0x7fffffff, 0x7fffffff, 0x3fffffff
        KP_TEST_RR mulh, 0x7fffffff, 0x80000000, 0xc0000000
        KP_TEST_RR mulh, 0x12345678, 0x9abcdef0, 0xf8cc93d6
        KP_TEST_RR mulh, 0xdeadbeef, 0xcafebabe, 0x06e631ce
        KP_TEST_RR mulh, 0x10000, 0x10000, 0x00000001
        KP_TEST_RR mulh, 0xffff, 0xffff, 0x00000000
        KP_TEST_RR mulh, 0x0, 0xffffffff, 0x00000000
        /* MULHSU */
        KP_TEST_RR mulhsu, 0x0, 0x0, 0x00000000
        KP_TEST_RR mulhsu, 0x3, 0x7, 0x00000000
        KP_TEST_RR mulhsu, 0xfffffff9, 0x3, 0xffffffff
        KP_TEST_RR mulhsu, 0x7, 0xfffffffd, 0x00000006
        KP_TEST_RR mulhsu, 0xfffffff9, 0xfffffffd, 0xfffffff9
        KP_TEST_RR mulhsu, 0xffffffff, 0xffffffff, 0xffffffff
        KP_TEST_RR mulhsu, 0xffffffff, 0x1, 0xffffffff
        KP_TEST_RR mulhsu, 0x1, 0xffffffff, 0x00000000
        KP_TEST_RR mulhsu, 0x80000000, 0x80000000, 0xc0000000
        KP_TEST_RR mulhsu, 0x80000000, 0xffffffff, 0x80000000
        KP_TEST_RR mulhsu, 0xffffffff, 0x80000000, 0xffffffff
        KP_TEST_RR mulhsu, 0x80000000, 0x1, 0xffffffff
        KP_TEST_RR mulhsu, 0x7fffffff, 0x7fffffff, 0x3fffffff
        KP_TEST_RR mulhsu, 0x7fffffff, 0x80000000, 0x3fffffff
        KP_TEST_RR mulhsu, 0x12345678, 0x9abcdef0, 0x0b00ea4e
        KP_TEST_RR mulhsu, 0xdeadbeef, 0xcafebabe, 0xe593f0bd
        KP_TEST_RR mulhsu, 0x10000, 0x10000, 0x00000001
        KP_TEST_RR mulhsu, 0xffff, 0xffff, 0x00000000
        KP_TEST_RR mulhsu, 0x0, 0xffffffff, 0x00000000
        /* MULHU */
        KP_TEST_RR mulhu, 0x0, 0x0, 0x00000000
        KP_TEST_RR mulhu, 0x3, 0x7, 0x00000000
        KP_TEST_RR mulhu, 0xfffffff9, 0x3, 0x00000002
        KP_TEST_RR mulhu, 0x7, 0xfffffffd, 0x00000006
        KP_TEST_RR mulhu, 0xfffffff9, 0xfffffffd, 0xfffffff6
        KP_TEST_RR mulhu, 0xffffffff, 0xffffffff, 0xfffffffe
        KP_TEST_RR mulhu, 0xffffffff, 0x1, 0x00000000
        KP_TEST_RR mulhu, 0x1, 0xffffffff, 0x00000000
        KP_TEST_RR mulhu, 0x80000000, 0x80000000, 0x40000000
        KP_TEST_RR mulhu, 0x80000000, 0xffffffff, 0x7fffffff
        KP_TEST_RR mulhu, 0xffffffff, 0x80000000, 0x7fffffff
        KP_TEST_RR mulhu, 0x80000000, 0x1, 0x00000000
        KP_TEST_RR mulhu, 0x7fffffff, 0x7fffffff, 0x3fffffff
        KP_TEST_RR mulhu, 0x7fffffff, 0x80000000, 0x3fffffff
        KP_TEST_RR mulhu, 0x12345678, 0x9abcdef0, 0x0b00ea4e
        KP_TEST_RR mulhu, 0xdeadbeef, 0xcafebabe, 0xb092ab7b
        KP_TEST_RR mulhu, 0x10000, 0x10000, 0x00000001
        KP_TEST_RR mulhu, 0xffff, 0xffff, 0x00000000
        KP_TEST_RR mulhu, 0x0, 0xffffffff, 0x00000000
        /* rd == rs1 == rs2 (square) */
        li      a0, 0xfffffffd      /* -3 */
        mulh    a1, a0, a0
        KP_CHECK a1, 0
        mulhu   a1, a0, a0
        KP_CHECK a1, 0xfffffffa
        mulhsu  a1, a0, a0          /* -3 * 0xfffffffd */
        KP_CHECK a1, 0xfffffffd
        mul     a0, a0, a0
        KP_CHECK a0, 9
        /* x0 */
        li      a0, 12345
        mul     a2, a0, zero
        KP_CHECK a2, 0
        mulhu   zero, a0, a0
        KP_CHECK zero, 0
KP_TEST_END
