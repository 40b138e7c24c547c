/*
 * branches.S: BEQ BNE BLT BGE BLTU BGEU, each taken and not taken, forward
 * and backward, across the signed/unsigned boundary; counted backward loops;
 * x0 operands; rs1 == rs2; branches whose offsets need immediate bits 11 and
 * 12 (about +-3 KiB).
 * Self-checking: exit 0 when every check passes.
 */
#include "test_macros.h"

/* Forward branch: a2 = 1 if taken, 0 if not. */
.macro BR_FWD op, a, b, taken
        li      a0, \a
        li      a1, \b
        li      a2, 1
        \op     a0, a1, .Lf\@
        li      a2, 0
.Lf\@:
        KP_CHECK a2, \taken
.endm

/* Backward branch: a2 = 1 if taken, 0 if not. */
.macro BR_BACK op, a, b, taken
        li      a0, \a
        li      a1, \b
        li      a2, 0
        j       .Lb\@
.Lt\@:
        li      a2, 1
        j       .Ld\@
.Lb\@:
        \op     a0, a1, .Lt\@
.Ld\@:
        KP_CHECK a2, \taken
.endm

KP_TEST_BEGIN
        /* BEQ: forward and backward, taken and not taken */
        BR_FWD  beq, 0x1, 0x1, 1
        BR_BACK beq, 0x1, 0x1, 1
        BR_FWD  beq, 0x1, 0x2, 0
        BR_BACK beq, 0x1, 0x2, 0
        BR_FWD  beq, 0x2, 0x1, 0
        BR_BACK beq, 0x2, 0x1, 0
        BR_FWD  beq, 0xffffffff, 0x1, 0
        BR_BACK beq, 0xffffffff, 0x1, 0
        BR_FWD  beq, 0x1, 0xffffffff, 0
        BR_BACK beq, 0x1, 0xffffffff, 0
        BR_FWD  beq, 0x80000000, 0x7fffffff, 0
        BR_BACK beq, 0x80000000, 0x7fffffff, 0
        BR_FWD  beq, 0x7fffffff, 0x80000000, 0
        BR_BACK beq, 0x7fffffff, 0x80000000, 0
        BR_FWD  beq, 0xffffffff, 0xffffffff, 1
        BR_BACK beq, 0xffffffff, 0xffffffff, 1
        BR_FWD  beq, 0x0, 0xffffffff, 0
        BR_BACK beq, 0x0, 0xffffffff, 0
        BR_FWD  beq, 0x0, 0x80000000, 0
        BR_BACK beq, 0x0, 0x80000000, 0
        /* BNE: forward and backward, taken and not taken */
        BR_FWD  bne, 0x1, 0x1, 0
        BR_BACK bne, 0x1, 0x1, 0
        BR_FWD  bne, 0x1, 0x2, 1
        BR_BACK bne, 0x1, 0x2, 1
        BR_FWD  bne, 0x2, 0x1, 1
        BR_BACK bne, 0x2, 0x1, 1
        BR_FWD  bne, 0xffffffff, 0x1, 1
        BR_BACK bne, 0xffffffff, 0x1, 1
        BR_FWD  bne, 0x1, 0xffffffff, 1
        BR_BACK bne, 0x1, 0xffffffff, 1
        BR_FWD  bne, 0x80000000, 0x7fffffff, 1
        BR_BACK bne, 0x80000000, 0x7fffffff, 1
        BR_FWD  bne, 0x7fffffff, 0x80000000, 1
        BR_BACK bne, 0x7fffffff, 0x80000000, 1
        BR_FWD  bne, 0xffffffff, 0xffffffff, 0
        BR_BACK bne, 0xffffffff, 0xffffffff, 0
        BR_FWD  bne, 0x0, 0xffffffff, 1
        BR_BACK bne, 0x0, 0xffffffff, 1
        BR_FWD  bne, 0x0, 0x80000000, 1
        BR_BACK bne, 0x0, 0x80000000, 1
        /* BLT: forward and backward, taken and not taken */
        BR_FWD  blt, 0x1, 0x1, 0
        BR_BACK blt, 0x1, 0x1, 0
        BR_FWD  blt, 0x1, 0x2, 1
        BR_BACK blt, 0x1, 0x2, 1
        BR_FWD  blt, 0x2, 0x1, 0
        BR_BACK blt, 0x2, 0x1, 0
        BR_FWD  blt, 0xffffffff, 0x1, 1
        BR_BACK blt, 0xffffffff, 0x1, 1
        BR_FWD  blt, 0x1, 0xffffffff, 0
        BR_BACK blt, 0x1, 0xffffffff, 0
        BR_FWD  blt, 0x80000000, 0x7fffffff, 1
        BR_BACK blt, 0x80000000, 0x7fffffff, 1
        BR_FWD  blt, 0x7fffffff, 0x80000000, 0
        BR_BACK blt, 0x7fffffff, 0x80000000, 0
        BR_FWD  blt, 0xffffffff, 0xffffffff, 0
        BR_BACK blt, 0xffffffff, 0xffffffff, 0
        BR_FWD  blt, 0x0, 0xffffffff, 0
        BR_BACK blt, 0x0, 0xffffffff, 0
        BR_FWD  blt, 0x0, 0x80000000, 0
        BR_BACK blt, 0x0, 0x80000000, 0
        /* BGE: forward and backward, taken and not taken */
        BR_FWD  bge, 0x1, 0x1, 1
        BR_BACK bge, 0x1, 0x1, 1
        BR_FWD  bge, 0x1, 0x2, 0
        BR_BACK bge, 0x1, 0x2, 0
        BR_FWD  bge, 0x2, 0x1, 1
        BR_BACK bge, 0x2, 0x1, 1
        BR_FWD  bge, 0xffffffff, 0x1, 0
        BR_BACK bge, 0xffffffff, 0x1, 0
        BR_FWD  bge, 0x1, 0xffffffff, 1
        BR_BACK bge, 0x1, 0xffffffff, 1
        BR_FWD  bge, 0x80000000, 0x7fffffff, 0
        BR_BACK bge, 0x80000000, 0x7fffffff, 0
        BR_FWD  bge, 0x7fffffff, 0x80000000, 1
        BR_BACK bge, 0x7fffffff, 0x80000000, 1
        BR_FWD  bge, 0xffffffff, 0xffffffff, 1
        BR_BACK bge, 0xffffffff, 0xffffffff, 1
        BR_FWD  bge, 0x0, 0xffffffff, 1
        BR_BACK bge, 0x0, 0xffffffff, 1
        BR_FWD  bge, 0x0, 0x80000000, 1
        BR_BACK bge, 0x0, 0x80000000, 1
        /* BLTU: forward and backward, taken and not taken */
        BR_FWD  bltu, 0x1, 0x1, 0
        BR_BACK bltu, 0x1, 0x1, 0
        BR_FWD  bltu, 0x1, 0x2, 1
        BR_BACK bltu, 0x1, 0x2, 1
        BR_FWD  bltu, 0x2, 0x1, 0
        BR_BACK bltu, 0x2, 0x1, 0
        BR_FWD  bltu, 0xffffffff, 0x1, 0
        BR_BACK bltu, 0xffffffff, 0x1, 0
        BR_FWD  bltu, 0x1, 0xffffffff, 1
        BR_BACK bltu, 0x1, 0xffffffff, 1
        BR_FWD  bltu, 0x80000000, 0x7fffffff, 0
        BR_BACK bltu, 0x80000000, 0x7fffffff, 0
        BR_FWD  bltu, 0x7fffffff, 0x80000000, 1
        BR_BACK bltu, 0x7fffffff, 0x80000000, 1
        BR_FWD  bltu, 0xffffffff, 0xffffffff, 0
        BR_BACK bltu, 0xffffffff, 0xffffffff, 0
        BR_FWD  bltu, 0x0, 0xffffffff, 1
        BR_BACK bltu, 0x0, 0xffffffff, 1
        BR_FWD  bltu, 0x0, 0x80000000, 1
        BR_BACK bltu, 0x0, 0x80000000, 1
        /* BGEU: forward and backward, taken and not taken */
        BR_FWD  bgeu, 0x1, 0x1, 1
        BR_BACK bgeu, 0x1, 0x1, 1
        BR_FWD  bgeu, 0x1, 0x2, 0
        BR_BACK bgeu, 0x1, 0x2, 0
        BR_FWD  bgeu, 0x2, 0x1, 1
        BR_BACK bgeu, 0x2, 0x1, 1
        BR_FWD  bgeu, 0xffffffff, 0x1, 1
        BR_BACK bgeu, 0xffffffff, 0x1, 1
        BR_FWD  bgeu, 0x1, 0xffffffff, 0
        BR_BACK bgeu, 0x1, 0xffffffff, 0
        BR_FWD  bgeu, 0x80000000, 0x7fffffff, 1
        BR_BACK bgeu, 0x80000000, 0x7fffffff, 1
        BR_FWD  bgeu, 0x7fffffff, 0x80000000, 0
        BR_BACK bgeu, 0x7fffffff, 0x80000000, 0
        BR_FWD  bgeu, 0xffffffff, 0xffffffff, 1
        BR_BACK bgeu, 0xffffffff, 0xffffffff, 1
        BR_FWD  bgeu, 0x0, 0xffffffff, 0
        BR_BACK bgeu, 0x0, 0xffffffff, 0
        BR_FWD  bgeu, 0x0, 0x80000000, 0
        BR_BACK bgeu, 0x0, 0x80000000, 0

        /* rs1 == rs2 */
        li      a0, 0x80000000
        li      a2, 0
        blt     a0, a0, 1f
        addi    a2, a2, 1
1:      bltu    a0, a0, 1f
        addi    a2, a2, 2
1:      bne     a0, a0, 1f
        addi    a2, a2, 4
1:      KP_CHECK a2, 7
        li      a2, 0
        bge     a0, a0, 1f
        addi    a2, a2, 1
1:      bgeu    a0, a0, 1f
        addi    a2, a2, 2
1:      beq     a0, a0, 1f
        addi    a2, a2, 4
1:      KP_CHECK a2, 0

        /* x0 operands (beqz, bnez, bltz, bgez, bgtz, blez) */
        li      a0, -5
        li      a2, 0
        beqz    a0, 1f
        addi    a2, a2, 1
1:      bnez    a0, 1f
        addi    a2, a2, 2
1:      bltz    a0, 1f
        addi    a2, a2, 4
1:      bgez    a0, 1f
        addi    a2, a2, 8
1:      bgtz    a0, 1f
        addi    a2, a2, 16
1:      blez    a0, 1f
        addi    a2, a2, 32
1:      bltu    zero, a0, 1f        /* 0 <u 0xfffffffb */
        addi    a2, a2, 64
1:      bgeu    zero, a0, 1f
        addi    a2, a2, 128
1:      beq     zero, zero, 1f
        addi    a2, a2, 256
1:      KP_CHECK a2, 153            /* 1 + 8 + 16 + 128 */

        /* backward loops */
        li      a0, 0
        li      a1, 10
1:      addi    a0, a0, 1
        blt     a0, a1, 1b
        KP_CHECK a0, 10
        li      a0, 3               /* signed count down through zero: 3 2 1 0 -1 */
        li      a2, 0
1:      addi    a2, a2, 1
        addi    a0, a0, -1
        bge     a0, zero, 1b
        KP_CHECK a2, 4
        KP_CHECK a0, -1
        li      a0, 0xfffffff0      /* unsigned count up to wrap: 16 iterations */
        li      a2, 0
1:      addi    a2, a2, 1
        addi    a0, a0, 1
        bnez    a0, 1b
        KP_CHECK a2, 16
        li      a0, 0
        li      a1, 0x80000004
        li      a2, 0
        li      a3, 0x80000000
        mv      a0, a3
1:      addi    a2, a2, 1
        addi    a0, a0, 1
        bltu    a0, a1, 1b
        KP_CHECK a2, 4
        li      a0, 5
        li      a1, 1
        li      a2, 0
1:      addi    a2, a2, 1
        addi    a0, a0, -1
        bgeu    a0, a1, 1b
        KP_CHECK a2, 5
        li      a0, 7
        li      a1, 0
1:      addi    a1, a1, 1
        bne     a1, a0, 1b
        KP_CHECK a1, 7
        li      a0, 0
        li      a2, 0
1:      addi    a2, a2, 1
        beq     a2, a0, 1b          /* never loops */
        KP_CHECK a2, 1

        /* long forward branch (offset > 2 KiB: imm bit 11) */
        li      a2, 0
        beq     zero, zero, .Lfar_fwd
        .rept   800
        addi    a2, a2, 1
        .endr
.Lfar_fwd:
        KP_CHECK a2, 0
        /* long backward branch (offset < -2 KiB, about -3.2 KiB: imm bits 11, 12) */
        li      a2, 0
        li      a3, 0
        j       .Lfar_back_src
.Lfar_back_dst:
        addi    a3, a3, 1
        j       .Lfar_back_done
        .rept   800
        addi    a2, a2, 1
        .endr
.Lfar_back_src:
        bne     a2, a3, .Lfar_back_done   /* not taken: both 0 */
        bge     zero, zero, .Lfar_back_dst
.Lfar_back_done:
        KP_CHECK a2, 0
        KP_CHECK a3, 1
KP_TEST_END
