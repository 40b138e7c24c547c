/*
 * alu_r.S: ADD SUB XOR OR AND (register-register), wrap-around, x0 as source
 * and destination, rd == rs1 == rs2.  Self-checking (see test_macros.h):
 * exit 0 when every check passes.
 */
#include "test_macros.h"

KP_TEST_BEGIN
        /* ADD */
        KP_TEST_RR add, 0x0, 0x0, 0x00000000
        KP_TEST_RR add, 0x1, 0x1, 0x00000002
        KP_TEST_RR add, 0x1, 0xffffffff, 0x00000000
        KP_TEST_RR add, 0xffffffff, 0xffffffff, 0xfffffffe
        KP_TEST_RR add, 0x7fffffff, 0x1, 0x80000000
        KP_TEST_RR add, 0x80000000, 0xffffffff, 0x7fffffff
        KP_TEST_RR add, 0x80000000, 0x80000000, 0x00000000
        KP_TEST_RR add, 0x12345678, 0x9abcdef0, 0xacf13568
        KP_TEST_RR add, 0xfedcba98, 0x1234567, 0xffffffff
        KP_TEST_RR add, 0xf0f0f0f, 0xf0f0f0f0, 0xffffffff
        KP_TEST_RR add, 0xff00ff00, 0xff00ff0, 0x0ef10ef0
        KP_TEST_RR add, 0x0, 0xdeadbeef, 0xdeadbeef
        /* SUB */
        KP_TEST_RR sub, 0x0, 0x0, 0x00000000
        KP_TEST_RR sub, 0x1, 0x1, 0x00000000
        KP_TEST_RR sub, 0x1, 0xffffffff, 0x00000002
        KP_TEST_RR sub, 0xffffffff, 0xffffffff, 0x00000000
        KP_TEST_RR sub, 0x7fffffff, 0x1, 0x7ffffffe
        KP_TEST_RR sub, 0x80000000, 0xffffffff, 0x80000001
        KP_TEST_RR sub, 0x80000000, 0x80000000, 0x00000000
        KP_TEST_RR sub, 0x12345678, 0x9abcdef0, 0x77777788
        KP_TEST_RR sub, 0xfedcba98, 0x1234567, 0xfdb97531
        KP_TEST_RR sub, 0xf0f0f0f, 0xf0f0f0f0, 0x1e1e1e1f
        KP_TEST_RR sub, 0xff00ff00, 0xff00ff0, 0xef10ef10
        KP_TEST_RR sub, 0x0, 0xdeadbeef, 0x21524111
        /* XOR */
        KP_TEST_RR xor, 0x0, 0x0, 0x00000000
        KP_TEST_RR xor, 0x1, 0x1, 0x00000000
        KP_TEST_RR xor, 0x1, 0xffffffff, 0xfffffffe
        KP_TEST_RR xor, 0xffffffff, 0xffffffff, 0x00000000
        KP_TEST_RR xor, 0x7fffffff, 0x1, 0x7ffffffe
        KP_TEST_RR xor, 0x80000000, 0xffffffff, 0x7fffffff
        KP_TEST_RR xor, 0x80000000, 0x80000000, 0x00000000
        KP_TEST_RR xor, 0x12345678, 0x9abcdef0, 0x88888888
        KP_TEST_RR xor, 0xfedcba98, 0x1234567, 0xffffffff
        KP_TEST_RR xor, 0xf0f0f0f, 0xf0f0f0f0, 0xffffffff
        KP_TEST_RR xor, 0xff00ff00, 0xff00ff0, 0xf0f0f0f0
        KP_TEST_RR xor, 0x0, 0xdeadbeef, 0xdeadbeef
        /* OR */
        KP_TEST_RR or, 0x0, 0x0, 0x00000000
        KP_TEST_RR or, 0x1, 0x1, 0x00000001
        KP_TEST_RR or, 0x1, 0xffffffff, 0xffffffff
        KP_TEST_RR or, 0xffffffff, 0xffffffff, 0xffffffff
        KP_TEST_RR or, 0x7fffffff, 0x1, 0x7fffffff
        KP_TEST_RR or, 0x80000000, 0xffffffff, 0xffffffff
        KP_TEST_RR or, 0x80000000, 0x80000000, 0x80000000
        KP_TEST_RR or, 0x12345678, 0x9abcdef0, 0x9abcdef8
        KP_TEST_RR or, 0xfedcba98, 0x1234567, 0xffffffff
        KP_TEST_RR or, 0xf0f0f0f, 0xf0f0f0f0, 0xffffffff
        KP_TEST_RR or, 0xff00ff00, 0xff00ff0, 0xfff0fff0
        KP_TEST_RR or, 0x0, 0xdeadbeef, 0xdeadbeef
        /* AND */
        KP_TEST_RR and, 0x0, 0x0, 0x00000000
        KP_TEST_RR and, 0x1, 0x1, 0x00000001
        KP_TEST_RR and, 0x1, 0xffffffff, 0x00000001
        KP_TEST_RR and, 0xffffffff, 0xffffffff, 0xffffffff
        KP_TEST_RR and, 0x7fffffff, 0x1, 0x00000001
        KP_TEST_RR and, 0x80000000, 0xffffffff, 0x80000000
        KP_TEST_RR and, 0x80000000, 0x80000000, 0x80000000
        KP_TEST_RR and, 0x12345678, 0x9abcdef0, 0x12345670
        KP_TEST_RR and, 0xfedcba98, 0x1234567, 0x00000000
        KP_TEST_RR and, 0xf0f0f0f, 0xf0f0f0f0, 0x00000000
        KP_TEST_RR and, 0xff00ff00, 0xff00ff0, 0x0f000f00
        KP_TEST_RR and, 0x0, 0xdeadbeef, 0x00000000
        /* x0 as a source: sub rd, x0, rs = -rs; add rd, x0, x0 = 0 */
        li      a0, 5
        sub     a2, zero, a0
        KP_CHECK a2, -5
        add     a2, zero, zero
        KP_CHECK a2, 0
        or      a2, a0, zero
        KP_CHECK a2, 5
        /* writes to x0 are ignored */
        li      a0, 0x1234
        li      a1, 0x4321
        add     zero, a0, a1
        KP_CHECK zero, 0
        xor     x0, a0, a1
        mv      a2, x0
        KP_CHECK a2, 0
        /* rd == rs1 == rs2 */
        li      a0, 0x40000001
        add     a0, a0, a0
        KP_CHECK a0, 0x80000002
        sub     a0, a0, a0
        KP_CHECK a0, 0
        li      a0, 0x5a5a5a5a
        xor     a0, a0, a0
        KP_CHECK a0, 0
        /* rd == rs2 */
        li      a0, 10
        li      a1, 3
        sub     a1, a0, a1
        KP_CHECK a1, 7
KP_TEST_END
