/*
 * insn_coverage: executes every RV32IM instruction (LUI AUIPC JAL JALR BEQ BNE
 * BLT BGE BLTU BGEU LB LH LW LBU LHU SB SH SW ADDI SLTI SLTIU XORI ORI ANDI
 * SLLI SRLI SRAI ADD SUB SLL SLT SLTU XOR SRL SRA OR AND MUL MULH MULHSU
 * MULHU DIV DIVU REM REMU ECALL) over edge-case operands and appends every
 * result to a buffer, written to the output at the end (for a differential
 * run against qemu-riscv32).  Not self-checking.
 *
 * Input: none (ignored).  Output: u32 0, u32 0 (the test_macros.h header, no
 * checks), then the result words in the order of this file.  Exit code 0.
 *
 * Operand table (16 words): 0, 1, 2, 3, -1, -2, 0x7fffffff, 0x80000000,
 * 0x80000001, 31, 32, 33, 0x12345678, 0xdeadbeef, 0x0000ffff, 0xaaaaaaaa.
 * It holds every edge the brief asks for: shift amounts 0/31/32/33/-1 and
 * 0x80000000 (low 5 bits 0), the sign boundary, division by 0 and
 * INT_MIN / -1, MULH* with negative and INT_MIN operands.
 */
#define KP_MAX_RESULTS 16384
#include "../asm/test_macros.h"

        .section .rodata
        .balign 4
vals:
        .word   0, 1, 2, 3, 0xffffffff, 0xfffffffe, 0x7fffffff, 0x80000000
        .word   0x80000001, 31, 32, 33, 0x12345678, 0xdeadbeef, 0x0000ffff, 0xaaaaaaaa
vals_end:
ltab:
        .byte   0x80, 0x7f, 0xff, 0x01, 0x00, 0x80, 0xff, 0x7f
        .half   0xff80, 0x8000, 0x7fff, 0x0001
        .word   0xdeadbeef, 0x80000000, 0x7fffffff, 0xffffffff

        .bss
        .balign 16
sbuf:   .space  64

/* every (a, b) in vals x vals: rd = op(a, b) */
.macro RR_SWEEP op
        la      s0, vals
        la      s2, vals_end
.Lo\@:
        la      s1, vals
        lw      a0, 0(s0)
.Li\@:
        lw      a1, 0(s1)
        \op     a2, a0, a1
        KP_RESULT a2
        addi    s1, s1, 4
        bltu    s1, s2, .Li\@
        addi    s0, s0, 4
        bltu    s0, s2, .Lo\@
.endm

/* every a in vals: op(x0, a), op(a, x0), op into x0 */
.macro RR_X0 op
        la      s0, vals
        la      s2, vals_end
.Lo\@:
        lw      a0, 0(s0)
        \op     a2, zero, a0
        KP_RESULT a2
        \op     a2, a0, zero
        KP_RESULT a2
        \op     zero, a0, a0
        KP_RESULT zero
        addi    s0, s0, 4
        bltu    s0, s2, .Lo\@
.endm

/* every a in vals: rd = op(a, imm) */
.macro RI_SWEEP op, imm
        la      s0, vals
        la      s2, vals_end
.Lo\@:
        lw      a0, 0(s0)
        \op     a2, a0, \imm
        KP_RESULT a2
        addi    s0, s0, 4
        bltu    s0, s2, .Lo\@
.endm

/* every (a, b): 1 if the branch is taken, forward and backward */
.macro BR_SWEEP op
        la      s0, vals
        la      s2, vals_end
.Lo\@:
        la      s1, vals
        lw      a0, 0(s0)
.Li\@:
        lw      a1, 0(s1)
        li      a2, 1
        \op     a0, a1, .Lf\@
        li      a2, 0
.Lf\@:
        KP_RESULT a2
        li      a2, 0
        j       .Lb\@
.Lt\@:
        li      a2, 1
        j       .Ld\@
.Lb\@:
        \op     a0, a1, .Lt\@
.Ld\@:
        KP_RESULT a2
        addi    s1, s1, 4
        bltu    s1, s2, .Li\@
        addi    s0, s0, 4
        bltu    s0, s2, .Lo\@
.endm

KP_TEST_BEGIN
        /* ---- register-register ALU and M extension ---- */
        .irp    op, add, sub, sll, slt, sltu, xor, srl, sra, or, and, mul, mulh, mulhsu, mulhu, div, divu, rem, remu
        RR_SWEEP \op
        .endr
        .irp    op, add, sub, sll, slt, sltu, xor, srl, sra, or, and, mul, mulh, mulhsu, mulhu, div, divu, rem, remu
        RR_X0   \op
        .endr

        /* ---- register-immediate ---- */
        .irp    imm, 0, 1, -1, 2, 2047, -2048, 1365, -1366, 0x7f0, -0x7f1
        RI_SWEEP addi, \imm
        RI_SWEEP slti, \imm
        RI_SWEEP sltiu, \imm
        RI_SWEEP xori, \imm
        RI_SWEEP ori, \imm
        RI_SWEEP andi, \imm
        .endr
        .irp    sh, 0, 1, 2, 7, 15, 16, 30, 31
        RI_SWEEP slli, \sh
        RI_SWEEP srli, \sh
        RI_SWEEP srai, \sh
        .endr
        addi    zero, zero, 123
        KP_RESULT zero
        slti    zero, zero, 1
        sltiu   x0, zero, 1
        xori    x0, zero, -1
        ori     x0, zero, 1
        andi    x0, zero, -1
        slli    x0, s2, 1
        srli    x0, s2, 1
        srai    x0, s2, 1
        KP_RESULT zero

        /* ---- branches ---- */
        .irp    op, beq, bne, blt, bge, bltu, bgeu
        BR_SWEEP \op
        .endr

        /* ---- LUI / AUIPC ---- */
        .irp    imm, 0, 1, 0x7ffff, 0x80000, 0xfffff, 0x12345
        lui     a2, \imm
        KP_RESULT a2
        .endr
        lui     zero, 0x12345
        KP_RESULT zero
        .irp    imm, 0, 1, 0x7ffff, 0x80000, 0xfffff, 0x12345
        auipc   a2, \imm
        KP_RESULT a2
        .endr
.Lauipc_here:
        auipc   a2, 0
        la      a3, .Lauipc_here
        sub     a3, a2, a3
        KP_RESULT a3
        auipc   zero, 1
        KP_RESULT zero

        /* ---- JAL / JALR ---- */
        jal     ra, .Lj1            /* forward */
.Lj1_ret:
        li      a2, 1               /* skipped */
.Lj1:
        KP_RESULT ra                /* raw link address */
        la      a3, .Lj1_ret
        sub     a3, ra, a3
        KP_RESULT a3
        j       .Lj2_start
.Lj2:
        KP_RESULT t1
        j       .Lj2_done
.Lj2_start:
        jal     t1, .Lj2            /* backward */
.Lj2_done:
        jal     zero, 1f            /* j: no link */
        KP_RESULT ra                /* skipped */
1:      KP_RESULT zero
        la      t0, .Ljr1
        addi    t0, t0, 1           /* odd target: bit 0 cleared */
        jalr    ra, 0(t0)
        li      a2, 1               /* skipped */
.Ljr1:
        KP_RESULT ra
        la      t0, .Ljr2
        jalr    ra, 1(t0)           /* odd immediate */
        li      a2, 1
.Ljr2:
        KP_RESULT ra
        la      t0, .Ljr3 + 12
        jalr    a5, -12(t0)         /* negative immediate */
.Ljr3:
        KP_RESULT a5
        la      t0, .Ljr4 - 8
        addi    t0, t0, 3
        jalr    a5, 5(t0)           /* odd sum: target + 0 after clearing bit 0 */
.Ljr4:
        KP_RESULT a5
        la      ra, .Ljr5
        jalr    ra, 0(ra)           /* rd == rs1 */
.Ljr5:
        KP_RESULT ra
        la      t0, .Ljr6
        jalr    zero, 0(t0)         /* jr: no link */
.Ljr6:
        KP_RESULT zero
        KP_RESULT t0

        /* ---- loads ---- */
        la      t0, ltab
        .irp    off, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 23, 27, 31
        lb      a2, \off(t0)
        KP_RESULT a2
        lbu     a2, \off(t0)
        KP_RESULT a2
        .endr
        .irp    off, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30
        lh      a2, \off(t0)
        KP_RESULT a2
        lhu     a2, \off(t0)
        KP_RESULT a2
        .endr
        .irp    off, 0, 4, 8, 12, 16, 20, 24, 28
        lw      a2, \off(t0)
        KP_RESULT a2
        .endr
        addi    t1, t0, 32
        lw      a2, -4(t1)
        KP_RESULT a2
        lh      a2, -8(t1)
        KP_RESULT a2
        lb      a2, -32(t1)
        KP_RESULT a2
        la      t1, ltab - 2047
        lbu     a2, 2047(t1)
        KP_RESULT a2
        la      t1, ltab + 2048
        lw      a2, -2048(t1)
        KP_RESULT a2
        lw      zero, 0(t0)
        lbu     zero, 0(t0)
        lh      zero, 0(t0)
        KP_RESULT zero

        /* ---- stores: every byte and half position ---- */
        la      t0, sbuf
        li      a1, 0xa1b2c3d4
        li      a3, 0x11223344
        .irp    off, 0, 1, 2, 3
        sw      a3, 0(t0)
        sb      a1, \off(t0)
        lw      a2, 0(t0)
        KP_RESULT a2
        .endr
        .irp    off, 0, 2
        sw      a3, 0(t0)
        sh      a1, \off(t0)
        lw      a2, 0(t0)
        KP_RESULT a2
        .endr
        sw      a1, 0(t0)
        lw      a2, 0(t0)
        KP_RESULT a2
        sw      zero, 4(t0)
        .irp    off, 4, 5, 6, 7
        li      a0, 0x80 + \off
        sb      a0, \off(t0)
        .endr
        lw      a2, 4(t0)
        KP_RESULT a2
        li      a0, 0xffff8001
        sh      a0, 8(t0)
        sh      a1, 10(t0)
        lw      a2, 8(t0)
        KP_RESULT a2
        addi    t1, t0, 64
        sw      a1, -4(t1)
        sh      a3, -6(t1)
        sb      zero, -1(t1)
        lw      a2, -4(t1)
        KP_RESULT a2
        lw      a2, -8(t1)
        KP_RESULT a2
        sw      t0, 16(t0)          /* the base register as the value */
        lw      a2, 16(t0)
        sub     a2, a2, t0
        KP_RESULT a2

        /* ---- x0 as a source and writes to x0 in the remaining classes ---- */
        li      a0, 0x5555aaaa
        mul     zero, a0, a0
        div     x0, a0, a0
        KP_RESULT zero
        add     a2, zero, zero
        KP_RESULT a2

        /* ---- ECALL: write(1, buf, 0) returns 0, other registers intact ---- */
        li      a1, 0
        la      a1, sbuf
        li      a2, 0
        li      a3, 0x3333
        li      a0, 1
        li      a7, KP_SYS_WRITE
        ecall
        KP_RESULT a0
        KP_RESULT a2
        KP_RESULT a3
        KP_RESULT a7
        la      a4, sbuf
        sub     a4, a1, a4
        KP_RESULT a4
KP_TEST_END
