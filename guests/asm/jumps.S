/*
 * jumps.S: JAL and JALR.  Link values (rd = pc + 4) are checked against "la"
 * of the return address; JALR with positive/negative immediates, with an odd
 * target (bit 0 is cleared: odd base, odd immediate, odd sum of both),
 * rd == rs1 (the target uses the old rs1), rd = x0 (j / jr), a call/return
 * pair, and JALs whose offsets need immediate bits 11..14 (+-20 KiB).
 * Self-checking: exit 0 when every check passes.
 */
#include "test_macros.h"

KP_TEST_BEGIN
        /* JAL forward; link = address of the next instruction */
        li      a2, 0
        jal     ra, .LA_tgt
.LA_ret:
        li      a2, 1               /* skipped */
.LA_tgt:
        KP_CHECK a2, 0
        la      a1, .LA_ret
        sub     a3, ra, a1
        KP_CHECK a3, 0

        /* JAL backward */
        j       .LB_start
.LB_tgt:
        addi    a2, a2, 1
        j       .LB_done
.LB_start:
        li      a2, 0
        jal     t1, .LB_tgt
.LB_ret:
        li      a2, 99              /* skipped */
.LB_done:
        KP_CHECK a2, 1
        la      a1, .LB_ret
        sub     a3, t1, a1
        KP_CHECK a3, 0

        /* JAL x0 (j): no link written */
        li      a2, 0
        jal     zero, 1f
        li      a2, 1               /* skipped */
1:      KP_CHECK a2, 0
        KP_CHECK zero, 0

        /* JALR with a positive immediate */
        li      a2, 0
        la      t0, .LC_base
        jalr    ra, 8(t0)
.LC_ret:
.LC_base:
        li      a2, 1               /* skipped (base + 0) */
        li      a2, 2               /* skipped (base + 4) */
        /* base + 8: */
        KP_CHECK a2, 0
        la      a1, .LC_ret
        sub     a3, ra, a1
        KP_CHECK a3, 0

        /* JALR with a negative immediate */
        li      a2, 0
        la      t0, .LD_tgt + 16
        jalr    a5, -16(t0)
.LD_ret:
        li      a2, 1               /* skipped */
.LD_tgt:
        KP_CHECK a2, 0
        la      a1, .LD_ret
        sub     a3, a5, a1
        KP_CHECK a3, 0

        /* JALR to an odd address: the low bit of rs1 + imm is cleared */
        li      a2, 0
        la      t0, .LE_tgt
        addi    t0, t0, 1           /* odd base, imm 0 */
        jalr    ra, 0(t0)
        li      a2, 1               /* skipped */
.LE_tgt:
        KP_CHECK a2, 0
        la      t0, .LE_tgt2
        jalr    ra, 1(t0)           /* even base, odd imm */
        li      a2, 2               /* skipped */
.LE_tgt2:
        KP_CHECK a2, 0
        la      t0, .LE_tgt3
        addi    t0, t0, 3
        jalr    ra, -2(t0)          /* odd sum: base + 3 - 2 = target + 1 */
.LE_ret3:
        li      a2, 3               /* skipped */
.LE_tgt3:
        KP_CHECK a2, 0
        la      a1, .LE_ret3
        sub     a3, ra, a1
        KP_CHECK a3, 0

        /* rd == rs1: the target comes from the old value */
        li      a2, 0
        la      ra, .LF_tgt
        jalr    ra, 0(ra)
.LF_ret:
        li      a2, 1               /* skipped */
.LF_tgt:
        KP_CHECK a2, 0
        la      a1, .LF_ret
        sub     a3, ra, a1
        KP_CHECK a3, 0

        /* JALR x0 (jr): no link written, rs1 unchanged */
        la      t0, .LG_tgt
        mv      t2, t0
        jalr    zero, 0(t0)
        li      a2, 1               /* skipped */
.LG_tgt:
        KP_CHECK a2, 0
        sub     a3, t0, t2
        KP_CHECK a3, 0
        KP_CHECK zero, 0

        /* call / return */
        li      a2, 0
        jal     ra, .Lsub           /* call */
        jal     ra, .Lsub
        KP_CHECK a2, 2

        /* long JALs (offsets about +-20 KiB) */
        li      a2, 0
        jal     t3, .Lfar_fwd
.Lfar_fwd_ret:
        .rept   5000
        addi    a2, a2, 1
        .endr
.Lfar_fwd:
        KP_CHECK a2, 0
        la      a1, .Lfar_fwd_ret
        sub     a3, t3, a1
        KP_CHECK a3, 0
        li      a4, 0
        jal     zero, .Lfar_back_src
.Lfar_back_dst:
        addi    a4, a4, 1
        jal     zero, .Lfar_back_done
        .rept   5000
        addi    a2, a2, 1
        .endr
.Lfar_back_src:
        jal     t4, .Lfar_back_dst
.Lfar_back_done:
        KP_CHECK a2, 0
        KP_CHECK a4, 1
        j       .Lend

.Lsub:
        addi    a2, a2, 1
        jalr    zero, 0(ra)         /* ret */

.Lend:
KP_TEST_END
