/*
 * shifts.S: SLL SRL SRA with register amounts (only the low 5 bits count:
 * 32 -> 0, 33 -> 1, 63 -> 31, -1 -> 31, 0x7fffffe0 -> 0, 0x80000003 -> 3) and
 * SLLI SRLI SRAI by 0, 1, 4, 16, 31; sign fill of SRA/SRAI; x0 cases.
 * Self-checking: exit 0 when every check passes.
 */
#include "test_macros.h"

KP_TEST_BEGIN
        /* SLL (register amount: low 5 bits) */
        KP_TEST_RR sll, 0x80000001, 0x0, 0x80000001
        KP_TEST_RR sll, 0x12345678, 0x1, 0x2468acf0
        KP_TEST_RR sll, 0xffffffff, 0x4, 0xfffffff0
        KP_TEST_RR sll, 0x1, 0x10, 0x00010000
        KP_TEST_RR sll, 0x7fffffff, 0x1f, 0x80000000
        KP_TEST_RR sll, 0x80000001, 0x20, 0x80000001
        KP_TEST_RR sll, 0x12345678, 0x21, 0x2468acf0
        KP_TEST_RR sll, 0xffffffff, 0x3f, 0x80000000
        KP_TEST_RR sll, 0x1, 0xffffffff, 0x80000000
        KP_TEST_RR sll, 0x7fffffff, 0x7fffffe0, 0x7fffffff
        KP_TEST_RR sll, 0x80000001, 0x80000003, 0x00000008
        KP_TEST_RR sll, 0x12345678, 0x0, 0x12345678
        KP_TEST_RR sll, 0xffffffff, 0x1, 0xfffffffe
        KP_TEST_RR sll, 0x1, 0x4, 0x00000010
        KP_TEST_RR sll, 0x7fffffff, 0x10, 0xffff0000
        KP_TEST_RR sll, 0x80000001, 0x1f, 0x80000000
        KP_TEST_RR sll, 0x12345678, 0x20, 0x12345678
        KP_TEST_RR sll, 0xffffffff, 0x21, 0xfffffffe
        KP_TEST_RR sll, 0x1, 0x3f, 0x80000000
        KP_TEST_RR sll, 0x7fffffff, 0xffffffff, 0x80000000
        KP_TEST_RR sll, 0x80000001, 0x7fffffe0, 0x80000001
        KP_TEST_RR sll, 0x12345678, 0x80000003, 0x91a2b3c0
        /* SRL (register amount: low 5 bits) */
        KP_TEST_RR srl, 0x80000001, 0x0, 0x80000001
        KP_TEST_RR srl, 0x12345678, 0x1, 0x091a2b3c
        KP_TEST_RR srl, 0xffffffff, 0x4, 0x0fffffff
        KP_TEST_RR srl, 0x1, 0x10, 0x00000000
        KP_TEST_RR srl, 0x7fffffff, 0x1f, 0x00000000
        KP_TEST_RR srl, 0x80000001, 0x20, 0x80000001
        KP_TEST_RR srl, 0x12345678, 0x21, 0x091a2b3c
        KP_TEST_RR srl, 0xffffffff, 0x3f, 0x00000001
        KP_TEST_RR srl, 0x1, 0xffffffff, 0x00000000
        KP_TEST_RR srl, 0x7fffffff, 0x7fffffe0, 0x7fffffff
        KP_TEST_RR srl, 0x80000001, 0x80000003, 0x10000000
        KP_TEST_RR srl, 0x12345678, 0x0, 0x12345678
        KP_TEST_RR srl, 0xffffffff, 0x1, 0x7fffffff
        KP_TEST_RR srl, 0x1, 0x4, 0x00000000
        KP_TEST_RR srl, 0x7fffffff, 0x10, 0x00007fff
        KP_TEST_RR srl, 0x80000001, 0x1f, 0x00000001
        KP_TEST_RR srl, 0x12345678, 0x20, 0x12345678
        KP_TEST_RR srl, 0xffffffff, 0x21, 0x7fffffff
        KP_TEST_RR srl, 0x1, 0x3f, 0x00000000
        KP_TEST_RR srl, 0x7fffffff, 0xffffffff, 0x00000000
        KP_TEST_RR srl, 0x80000001, 0x7fffffe0, 0x80000001
        KP_TEST_RR srl, 0x12345678, 0x80000003, 0x02468acf
        /* SRA (register amount: low 5 bits) */
        KP_TEST_RR sra, 0x80000001, 0x0, 0x80000001
        KP_TEST_RR sra, 0x12345678, 0x1, 0x091a2b3c
        KP_TEST_RR sra, 0xffffffff, 0x4, 0xffffffff
        KP_TEST_RR sra, 0x1, 0x10, 0x00000000
        KP_TEST_RR sra, 0x7fffffff, 0x1f, 0x00000000
        KP_TEST_RR sra, 0x80000001, 0x20, 0x80000001
        KP_TEST_RR sra, 0x12345678, 0x21, 0x091a2b3c
        KP_TEST_RR sra, 0xffffffff, 0x3f, 0xffffffff
        KP_TEST_RR sra, 0x1, 0xffffffff, 0x00000000
        KP_TEST_RR sra, 0x7fffffff, 0x7fffffe0, 0x7fffffff
        KP_TEST_RR sra, 0x80000001, 0x80000003, 0xf0000000
        KP_TEST_RR sra, 0x12345678, 0x0, 0x12345678
        KP_TEST_RR sra, 0xffffffff, 0x1, 0xffffffff
        KP_TEST_RR sra, 0x1, 0x4, 0x00000000
        KP_TEST_RR sra, 0x7fffffff, 0x10, 0x00007fff
        KP_TEST_RR sra, 0x80000001, 0x1f, 0xffffffff
        KP_TEST_RR sra, 0x12345678, 0x20, 0x12345678
        KP_TEST_RR sra, 0xffffffff, 0x21, 0xffffffff
        KP_TEST_RR sra, 0x1, 0x3f, 0x00000000
        KP_TEST_RR sra, 0x7fffffff, 0xffffffff, 0x00000000
        KP_TEST_RR sra, 0x80000001, 0x7fffffe0, 0x80000001
        KP_TEST_RR sra, 0x12345678, 0x80000003, 0x02468acf
        /* SLLI */
        KP_TEST_RI slli, 0x80000001, 0, 0x80000001
        KP_TEST_RI slli, 0x80000001, 1, 0x00000002
        KP_TEST_RI slli, 0x80000001, 4, 0x00000010
        KP_TEST_RI slli, 0x80000001, 16, 0x00010000
        KP_TEST_RI slli, 0x80000001, 31, 0x80000000
        KP_TEST_RI slli, 0xf0f0f0f0, 0, 0xf0f0f0f0
        KP_TEST_RI slli, 0xf0f0f0f0, 1, 0xe1e1e1e0
        KP_TEST_RI slli, 0xf0f0f0f0, 4, 0x0f0f0f00
        KP_TEST_RI slli, 0xf0f0f0f0, 16, 0xf0f00000
        KP_TEST_RI slli, 0xf0f0f0f0, 31, 0x00000000
        KP_TEST_RI slli, 0xffffffff, 0, 0xffffffff
        KP_TEST_RI slli, 0xffffffff, 1, 0xfffffffe
        KP_TEST_RI slli, 0xffffffff, 4, 0xfffffff0
        KP_TEST_RI slli, 0xffffffff, 16, 0xffff0000
        KP_TEST_RI slli, 0xffffffff, 31, 0x80000000
        /* SRLI */
        KP_TEST_RI srli, 0x80000001, 0, 0x80000001
        KP_TEST_RI srli, 0x80000001, 1, 0x40000000
        KP_TEST_RI srli, 0x80000001, 4, 0x08000000
        KP_TEST_RI srli, 0x80000001, 16, 0x00008000
        KP_TEST_RI srli, 0x80000001, 31, 0x00000001
        KP_TEST_RI srli, 0xf0f0f0f0, 0, 0xf0f0f0f0
        KP_TEST_RI srli, 0xf0f0f0f0, 1, 0x78787878
        KP_TEST_RI srli, 0xf0f0f0f0, 4, 0x0f0f0f0f
        KP_TEST_RI srli, 0xf0f0f0f0, 16, 0x0000f0f0
        KP_TEST_RI srli, 0xf0f0f0f0, 31, 0x00000001
        KP_TEST_RI srli, 0xffffffff, 0, 0xffffffff
        KP_TEST_RI srli, 0xffffffff, 1, 0x7fffffff
        KP_TEST_RI srli, 0xffffffff, 4, 0x0fffffff
        KP_TEST_RI srli, 0xffffffff, 16, 0x0000ffff
        KP_TEST_RI srli, 0xffffffff, 31, 0x00000001
        /* SRAI */
        KP_TEST_RI srai, 0x80000001, 0, 0x80000001
        KP_TEST_RI srai, 0x80000001, 1, 0xc0000000
        KP_TEST_RI srai, 0x80000001, 4, 0xf8000000
        KP_TEST_RI srai, 0x80000001, 16, 0xffff8000
        KP_TEST_RI srai, 0x80000001, 31, 0xffffffff
        KP_TEST_RI srai, 0xf0f0f0f0, 0, 0xf0f0f0f0
        KP_TEST_RI srai, 0xf0f0f0f0, 1, 0xf8787878
        KP_TEST_RI srai, 0xf0f0f0f0, 4, 0xff0f0f0f
        KP_TEST_RI srai, 0xf0f0f0f0, 16, 0xfffff0f0
        KP_TEST_RI srai, 0xf0f0f0f0, 31, 0xffffffff
        KP_TEST_RI srai, 0xffffffff, 0, 0xffffffff
        KP_TEST_RI srai, 0xffffffff, 1, 0xffffffff
        KP_TEST_RI srai, 0xffffffff, 4, 0xffffffff
        KP_TEST_RI srai, 0xffffffff, 16, 0xffffffff
        KP_TEST_RI srai, 0xffffffff, 31, 0xffffffff
        /* shift amount register == value register */
        li      a0, 0x21            /* low 5 bits = 1 */
        sll     a2, a0, a0
        KP_CHECK a2, 0x42
        li      a0, 0x8000001f      /* low 5 bits = 31 */
        sra     a2, a0, a0
        KP_CHECK a2, -1
        srl     a2, a0, a0
        KP_CHECK a2, 1
        /* x0 as the amount and as the value; x0 as the destination */
        li      a0, 0x87654321
        sll     a2, a0, zero
        KP_CHECK a2, 0x87654321
        sra     a2, zero, a0
        KP_CHECK a2, 0
        srai    zero, a0, 3
        KP_CHECK zero, 0
KP_TEST_END
