/*
 * div.S: DIV DIVU REM REMU: truncation toward zero with every sign
 * combination, division by zero (quotient all ones, remainder = dividend),
 * signed overflow INT_MIN / -1 (quotient INT_MIN, remainder 0); x0 cases.
 * Self-checking: exit 0 when every check passes.
 */
#include "test_macros.h"

KP_TEST_BEGIN
        /* DIV */
        KP_TEST_RR div, 0x14, 0x6, 0x00000003
        KP_TEST_RR div, 0xffffffec, 0x6, 0xfffffffd
        KP_TEST_RR div, 0x14, 0xfffffffa, 0xfffffffd
        KP_TEST_RR div, 0xffffffec, 0xfffffffa, 0x00000003
        KP_TEST_RR div, 0x7, 0x1, 0x00000007
        KP_TEST_RR div, 0x7, 0xffffffff, 0xfffffff9
        KP_TEST_RR div, 0x0, 0x5, 0x00000000
        KP_TEST_RR div, 0x5, 0x0, 0xffffffff
        KP_TEST_RR div, 0x0, 0x0, 0xffffffff
        KP_TEST_RR div, 0xffffffff, 0x0, 0xffffffff
        KP_TEST_RR div, 0x80000000, 0x0, 0xffffffff
        KP_TEST_RR div, 0x80000000, 0xffffffff, 0x80000000
        KP_TEST_RR div, 0x80000000, 0x1, 0x80000000
        KP_TEST_RR div, 0x80000000, 0x2, 0xc0000000
        KP_TEST_RR div, 0x7fffffff, 0xffffffff, 0x80000001
        KP_TEST_RR div, 0xffffffff, 0xffffffff, 0x00000001
        KP_TEST_RR div, 0xffffffff, 0x2, 0x00000000
        KP_TEST_RR div, 0x1, 0xfffffffe, 0x00000000
        KP_TEST_RR div, 0x3, 0x5, 0x00000000
        KP_TEST_RR div, 0xdeadbeef, 0x1234, 0xfffe2b63
        KP_TEST_RR div, 0xffffffff, 0xfffffffe, 0x00000000
        KP_TEST_RR div, 0x80000001, 0x80000000, 0x00000000
        KP_TEST_RR div, 0x12345678, 0x9abcdef0, 0x00000000
        /* DIVU */
        KP_TEST_RR divu, 0x14, 0x6, 0x00000003
        KP_TEST_RR divu, 0xffffffec, 0x6, 0x2aaaaaa7
        KP_TEST_RR divu, 0x14, 0xfffffffa, 0x00000000
        KP_TEST_RR divu, 0xffffffec, 0xfffffffa, 0x00000000
        KP_TEST_RR divu, 0x7, 0x1, 0x00000007
        KP_TEST_RR divu, 0x7, 0xffffffff, 0x00000000
        KP_TEST_RR divu, 0x0, 0x5, 0x00000000
        KP_TEST_RR divu, 0x5, 0x0, 0xffffffff
        KP_TEST_RR divu, 0x0, 0x0, 0xffffffff
        KP_TEST_RR divu, 0xffffffff, 0x0, 0xffffffff
        KP_TEST_RR divu, 0x80000000, 0x0, 0xffffffff
        KP_TEST_RR divu, 0x80000000, 0xffffffff, 0x00000000
        KP_TEST_RR divu, 0x80000000, 0x1, 0x80000000
        KP_TEST_RR divu, 0x80000000, 0x2, 0x40000000
        KP_TEST_RR divu, 0x7fffffff, 0xffffffff, 0x00000000
        KP_TEST_RR divu, 0xffffffff, 0xffffffff, 0x00000001
        KP_TEST_RR divu, 0xffffffff, 0x2, 0x7fffffff
        KP_TEST_RR divu, 0x1, 0xfffffffe, 0x00000000
        KP_TEST_RR divu, 0x3, 0x5, 0x00000000
        KP_TEST_RR divu, 0xdeadbeef, 0x1234, 0x000c3ba5
        KP_TEST_RR divu, 0xffffffff, 0xfffffffe, 0x00000001
        KP_TEST_RR divu, 0x80000001, 0x80000000, 0x00000001
        KP_TEST_RR divu, 0x12345678, 0x9abcdef0, 0x00000000
        /* REM */
        KP_TEST_RR rem, 0x14, 0x6, 0x00000002
        KP_TEST_RR rem, 0xffffffec, 0x6, 0xfffffffe
        KP_TEST_RR rem, 0x14, 0xfffffffa, 0x00000002
        KP_TEST_RR rem, 0xffffffec, 0xfffffffa, 0xfffffffe
        KP_TEST_RR rem, 0x7, 0x1, 0x00000000
        KP_TEST_RR rem, 0x7, 0xffffffff, 0x00000000
        KP_TEST_RR rem, 0x0, 0x5, 0x00000000
        KP_TEST_RR rem, 0x5, 0x0, 0x00000005
        KP_TEST_RR rem, 0x0, 0x0, 0x00000000
        KP_TEST_RR rem, 0xffffffff, 0x0, 0xffffffff
        KP_TEST_RR rem, 0x80000000, 0x0, 0x80000000
        KP_TEST_RR rem, 0x80000000, 0xffffffff, 0x00000000
        KP_TEST_RR rem, 0x80000000, 0x1, 0x00000000
        KP_TEST_RR rem, 0x80000000, 0x2, 0x00000000
        KP_TEST_RR rem, 0x7fffffff, 0xffffffff, 0x00000000
        KP_TEST_RR rem, 0xffffffff, 0xffffffff, 0x00000000
        KP_TEST_RR rem, 0xffffffff, 0x2, 0xffffffff
        KP_TEST_RR rem, 0x1, 0xfffffffe, 0x00000001
        KP_TEST_RR rem, 0x3, 0x5, 0x00000003
        KP_TEST_RR rem, 0xdeadbeef, 0x1234, 0xfffff8d3
        KP_TEST_RR rem, 0xffffffff, 0xfffffffe, 0xffffffff
        KP_TEST_RR rem, 0x80000001, 0x80000000, 0x80000001
        KP_TEST_RR rem, 0x12345678, 0x9abcdef0, 0x12345678
        /* REMU */
        KP_TEST_RR remu, 0x14, 0x6, 0x00000002
        KP_TEST_RR remu, 0xffffffec, 0x6, 0x00000002
        KP_TEST_RR remu, 0x14, 0xfffffffa, 0x00000014
        KP_TEST_RR remu, 0xffffffec, 0xfffffffa, 0xffffffec
        KP_TEST_RR remu, 0x7, 0x1, 0x00000000
        KP_TEST_RR remu, 0x7, 0xffffffff, 0x00000007
        KP_TEST_RR remu, 0x0, 0x5, 0x00000000
        KP_TEST_RR remu, 0x5, 0x0, 0x00000005
        KP_TEST_RR remu, 0x0, 0x0, 0x00000000
        KP_TEST_RR remu, 0xffffffff, 0x0, 0xffffffff
        KP_TEST_RR remu, 0x80000000, 0x0, 0x80000000
        KP_TEST_RR remu, 0x80000000, 0xffffffff, 0x80000000
        KP_TEST_RR remu, 0x80000000, 0x1, 0x00000000
        KP_TEST_RR remu, 0x80000000, 0x2, 0x00000000
        KP_TEST_RR remu, 0x7fffffff, 0xffffffff, 0x7fffffff
        KP_TEST_RR remu, 0xffffffff, 0xffffffff, 0x00000000
        KP_TEST_RR remu, 0xffffffff, 0x2, 0x00000001
        KP_TEST_RR remu, 0x1, 0xfffffffe, 0x00000001
        KP_TEST_RR remu, 0x3, 0x5, 0x00000003
        KP_TEST_RR remu, 0xdeadbeef, 0x1234, 0x0000076b
        KP_TEST_RR remu, 0xffffffff, 0xfffffffe, 0x00000001
        KP_TEST_RR remu, 0x80000001, 0x80000000, 0x00000001
        KP_TEST_RR remu, 0x12345678, 0x9abcdef0, 0x12345678
        /* x0 as the divisor and the dividend */
        li      a0, 77
        divu    a2, a0, zero
        KP_CHECK a2, 0xffffffff
        remu    a2, a0, zero
        KP_CHECK a2, 77
        div     a2, zero, a0
        KP_CHECK a2, 0
        rem     zero, a0, a0
        KP_CHECK zero, 0
        /* rd == rs1 */
        li      a0, -100
        li      a1, 7
        rem     a0, a0, a1
        KP_CHECK a0, -2
KP_TEST_END
