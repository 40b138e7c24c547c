/*
 * Shared boilerplate for the kprove assembly guests (guests/asm/*.S,
 * guests/programs/insn_coverage.S, guests/faults/*.S).  Included from .S files,
 * so it is run through the C preprocessor and then holds GNU as macros.
 *
 * Self-checking tests:
 *
 *     #include "test_macros.h"
 *     KP_TEST_BEGIN
 *         li      a0, 2
 *         addi    a1, a0, 3
 *         KP_CHECK a1, 5          # records a1, compares it with 5
 *     KP_TEST_END
 *
 * Output of a test (little-endian u32 words):
 *     word 0      number of KP_CHECKs executed
 *     word 1      index (1-based) of the first failing KP_CHECK, 0 if all passed
 *     word 2..    every KP_RESULT / KP_CHECK value, in execution order
 * Exit code: 0 if every check passed, otherwise min(first failing index, 255).
 *
 * Reserved registers while a test runs: s11 (result cursor), s10 (check
 * counter), s9 (first failing check), t6 (scratch of KP_CHECK).  gp and sp
 * are set as in crt0.S (gp = __global_pointer$, sp = __stack_top).
 */
#ifndef KPROVE_TEST_MACROS_H
#define KPROVE_TEST_MACROS_H

#define KP_SYS_READ  63
#define KP_SYS_WRITE 64
#define KP_SYS_EXIT  93

/* Words of result space (KP_RESULT / KP_CHECK slots). */
#ifndef KP_MAX_RESULTS
#define KP_MAX_RESULTS 4096
#endif

/* exit(code) with an immediate code. */
.macro KP_EXIT code
        li      a0, \code
        li      a7, KP_SYS_EXIT
        ecall
.endm

/* exit(reg). */
.macro KP_EXIT_REG reg
        mv      a0, \reg
        li      a7, KP_SYS_EXIT
        ecall
.endm

/* write(1, buf, len) with buf and len in registers (clobbers a0, a1, a2, a7). */
.macro KP_WRITE buf, len
        mv      a1, \buf
        mv      a2, \len
        li      a0, 1
        li      a7, KP_SYS_WRITE
        ecall
.endm

/* gp and sp as crt0.S sets them.  gp matters even in pure assembly: the linker
 * relaxes "la" of symbols near __global_pointer$ into gp-relative addi. */
.macro KP_SETUP_GP_SP
        .option push
        .option norelax
        la      gp, __global_pointer$
        .option pop
        la      sp, __stack_top
.endm

/* Entry point: must be the first code of the object (e_entry = 0x00010000). */
.macro KP_TEST_BEGIN
        .text
        .globl  _start
        .type   _start, @function
_start:
        KP_SETUP_GP_SP
        la      s11, kp_results
        li      s10, 0
        li      s9, 0
.endm

/* Appends reg to the result buffer. */
.macro KP_RESULT reg
        sw      \reg, 0(s11)
        addi    s11, s11, 4
.endm

/* Appends reg to the result buffer and compares it with the constant expect. */
.macro KP_CHECK reg, expect
        KP_RESULT \reg
        addi    s10, s10, 1
        li      t6, \expect
        beq     \reg, t6, .Lkp_ok\@
        bnez    s9, .Lkp_ok\@
        mv      s9, s10
.Lkp_ok\@:
.endm

/* rd = op(a, b) on a0, a1 -> a2, checked against expect. */
.macro KP_TEST_RR op, a, b, expect
        li      a0, \a
        li      a1, \b
        \op     a2, a0, a1
        KP_CHECK a2, \expect
.endm

/* rd = op(a, imm) on a0 -> a2, checked against expect. */
.macro KP_TEST_RI op, a, imm, expect
        li      a0, \a
        \op     a2, a0, \imm
        KP_CHECK a2, \expect
.endm

/* Records that control reached a point a check expected it not to reach. */
.macro KP_FAIL
        li      t6, 0x0badc0de
        KP_CHECK t6, 0
.endm

/* Writes the header and results, exits 0 or with the first failing index. */
.macro KP_TEST_END
        la      t0, kp_out
        sw      s10, 0(t0)
        sw      s9, 4(t0)
        sub     t1, s11, t0
        KP_WRITE t0, t1
        beqz    s9, .Lkp_pass\@
        li      t0, 255
        bleu    s9, t0, .Lkp_code\@
        mv      s9, t0
.Lkp_code\@:
        KP_EXIT_REG s9
.Lkp_pass\@:
        KP_EXIT 0
.Lkp_hang\@:
        j       .Lkp_hang\@
        .size   _start, . - _start

        .bss
        .balign 4
kp_out:
        .space  8
kp_results:
        .space  4 * KP_MAX_RESULTS
        .text
.endm

/* Entry point of a fault program (no result buffer, no checks). */
.macro KP_FAULT_BEGIN
        .text
        .globl  _start
        .type   _start, @function
_start:
        KP_SETUP_GP_SP
.endm

#endif /* KPROVE_TEST_MACROS_H */
