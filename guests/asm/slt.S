/*
 * slt.S: SLT SLTU SLTI SLTIU across the sign boundary (0x7fffffff vs
 * 0x80000000, -1 vs 0), equal operands, sign-extended immediates (SLTIU with
 * -1 compares against 0xffffffff; sltiu rd, rs, 1 is seqz), x0 cases.
 * Self-checking: exit 0 when every check passes.
 */
#include "test_macros.h"

KP_TEST_BEGIN
        /* SLT */
        KP_TEST_RR slt, 0x0, 0x0, 0x00000000
        KP_TEST_RR slt, 0x1, 0x0, 0x00000000
        KP_TEST_RR slt, 0x0, 0x1, 0x00000001
        KP_TEST_RR slt, 0xffffffff, 0x0, 0x00000001
        KP_TEST_RR slt, 0x0, 0xffffffff, 0x00000000
        KP_TEST_RR slt, 0x7fffffff, 0x80000000, 0x00000000
        KP_TEST_RR slt, 0x80000000, 0x7fffffff, 0x00000001
        KP_TEST_RR slt, 0xffffffff, 0xffffffff, 0x00000000
        KP_TEST_RR slt, 0xfffffffe, 0xffffffff, 0x00000001
        KP_TEST_RR slt, 0xffffffff, 0xfffffffe, 0x00000000
        KP_TEST_RR slt, 0x80000000, 0x0, 0x00000001
        KP_TEST_RR slt, 0x0, 0x80000000, 0x00000000
        KP_TEST_RR slt, 0x80000000, 0x80000001, 0x00000001
        KP_TEST_RR slt, 0x7ffffffe, 0x7fffffff, 0x00000001
        /* SLTU */
        KP_TEST_RR sltu, 0x0, 0x0, 0x00000000
        KP_TEST_RR sltu, 0x1, 0x0, 0x00000000
        KP_TEST_RR sltu, 0x0, 0x1, 0x00000001
        KP_TEST_RR sltu, 0xffffffff, 0x0, 0x00000000
        KP_TEST_RR sltu, 0x0, 0xffffffff, 0x00000001
        KP_TEST_RR sltu, 0x7fffffff, 0x80000000, 0x00000001
        KP_TEST_RR sltu, 0x80000000, 0x7fffffff, 0x00000000
        KP_TEST_RR sltu, 0xffffffff, 0xffffffff, 0x00000000
        KP_TEST_RR sltu, 0xfffffffe, 0xffffffff, 0x00000001
        KP_TEST_RR sltu, 0xffffffff, 0xfffffffe, 0x00000000
        KP_TEST_RR sltu, 0x80000000, 0x0, 0x00000000
        KP_TEST_RR sltu, 0x0, 0x80000000, 0x00000001
        KP_TEST_RR sltu, 0x80000000, 0x80000001, 0x00000001
        KP_TEST_RR sltu, 0x7ffffffe, 0x7fffffff, 0x00000001
        /* SLTI (immediate sign-extended, then compared signed/unsigned) */
        KP_TEST_RI slti, 0x0, 0, 0x00000000
        KP_TEST_RI slti, 0x0, 1, 0x00000001
        KP_TEST_RI slti, 0x1, 1, 0x00000000
        KP_TEST_RI slti, 0x2, 1, 0x00000000
        KP_TEST_RI slti, 0xffffffff, 0, 0x00000001
        KP_TEST_RI slti, 0xffffffff, -1, 0x00000000
        KP_TEST_RI slti, 0xfffffffe, -1, 0x00000001
        KP_TEST_RI slti, 0x7fffffff, 2047, 0x00000000
        KP_TEST_RI slti, 0x7fe, 2047, 0x00000001
        KP_TEST_RI slti, 0x7ff, 2047, 0x00000000
        KP_TEST_RI slti, 0xfffff7ff, -2048, 0x00000001
        KP_TEST_RI slti, 0xfffff800, -2048, 0x00000000
        KP_TEST_RI slti, 0x80000000, -2048, 0x00000001
        KP_TEST_RI slti, 0xfffffffe, -1, 0x00000001
        KP_TEST_RI slti, 0xfffff800, -2048, 0x00000000
        KP_TEST_RI slti, 0xfffff7ff, -2048, 0x00000001
        KP_TEST_RI slti, 0x0, -1, 0x00000000
        KP_TEST_RI slti, 0x5, -1, 0x00000000
        /* SLTIU (immediate sign-extended, then compared signed/unsigned) */
        KP_TEST_RI sltiu, 0x0, 0, 0x00000000
        KP_TEST_RI sltiu, 0x0, 1, 0x00000001
        KP_TEST_RI sltiu, 0x1, 1, 0x00000000
        KP_TEST_RI sltiu, 0x2, 1, 0x00000000
        KP_TEST_RI sltiu, 0xffffffff, 0, 0x00000000
        KP_TEST_RI sltiu, 0xffffffff, -1, 0x00000000
        KP_TEST_RI sltiu, 0xfffffffe, -1, 0x00000001
        KP_TEST_RI sltiu, 0x7fffffff, 2047, 0x00000000
        KP_TEST_RI sltiu, 0x7fe, 2047, 0x00000001
        KP_TEST_RI sltiu, 0x7ff, 2047, 0x00000000
        KP_TEST_RI sltiu, 0xfffff7ff, -2048, 0x00000001
        KP_TEST_RI sltiu, 0xfffff800, -2048, 0x00000000
        KP_TEST_RI sltiu, 0x80000000, -2048, 0x00000001
        KP_TEST_RI sltiu, 0xfffffffe, -1, 0x00000001
        KP_TEST_RI sltiu, 0xfffff800, -2048, 0x00000000
        KP_TEST_RI sltiu, 0xfffff7ff, -2048, 0x00000001
        KP_TEST_RI sltiu, 0x0, -1, 0x00000001
        KP_TEST_RI sltiu, 0x5, -1, 0x00000001
        /* snez = sltu rd, x0, rs; seqz = sltiu rd, rs, 1 */
        li      a0, 0x80000000
        sltu    a2, zero, a0
        KP_CHECK a2, 1
        sltu    a2, zero, zero
        KP_CHECK a2, 0
        sltiu   a2, a0, 1
        KP_CHECK a2, 0
        sltiu   a2, zero, 1
        KP_CHECK a2, 1
        /* sgtz / sltz via x0 */
        slt     a2, zero, a0
        KP_CHECK a2, 0
        slt     a2, a0, zero
        KP_CHECK a2, 1
        /* x0 destination */
        slti    zero, a0, 1
        KP_CHECK zero, 0
KP_TEST_END
