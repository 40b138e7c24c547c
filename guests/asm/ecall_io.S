/*
 * ecall_io.S: the three system calls.
 *   - write(1, buf, 0) and read(0, buf, 0) return 0;
 *   - the input is echoed to the output in 61-byte reads (so the read loop
 *     sees short reads and the end of input, a0 = 0);
 *   - every ecall leaves all registers but a0 unchanged;
 *   - write returns the byte count.
 * Output: exactly the input.  Exit code 42 on success; 43 if an ecall
 * changed a register other than a0; 44 if write returned the wrong count;
 * 45 if a zero-length read/write did not return 0; 46 if read returned more
 * than asked.
 */
#include "test_macros.h"

#define CHUNK 61

        .bss
        .balign 4
iobuf:  .space  256

/* Fills the registers the kernel must preserve with known values. */
.macro SEED
        li      t0, 0x10101010
        li      t1, 0x20202020
        li      s0, 0x30303030
        li      s1, 0x40404040
        li      a3, 0x50505050
        li      a4, 0x60606060
        li      a5, 0x70707070
.endm

/* exit(43) unless the seeded registers and a1, a2, a7 (in s2, s3, s4) are intact. */
.macro VERIFY
        li      t6, 0x10101010
        bne     t0, t6, fail_regs
        li      t6, 0x20202020
        bne     t1, t6, fail_regs
        li      t6, 0x30303030
        bne     s0, t6, fail_regs
        li      t6, 0x40404040
        bne     s1, t6, fail_regs
        li      t6, 0x50505050
        bne     a3, t6, fail_regs
        li      t6, 0x60606060
        bne     a4, t6, fail_regs
        li      t6, 0x70707070
        bne     a5, t6, fail_regs
        bne     a1, s2, fail_regs
        bne     a2, s3, fail_regs
        bne     a7, s4, fail_regs
.endm

KP_FAULT_BEGIN
        la      s5, iobuf
        mv      s7, sp
        /* zero-length write */
        SEED
        li      a0, 1
        mv      a1, s5
        li      a2, 0
        li      a7, KP_SYS_WRITE
        mv      s2, a1
        mv      s3, a2
        mv      s4, a7
        ecall
        VERIFY
        bnez    a0, fail_zero
        /* zero-length read */
        SEED
        li      a0, 0
        mv      a1, s5
        li      a2, 0
        li      a7, KP_SYS_READ
        mv      s2, a1
        mv      s3, a2
        mv      s4, a7
        ecall
        VERIFY
        bnez    a0, fail_zero
        /* sp survives too */
        bne     sp, s7, fail_regs

echo_loop:
        SEED
        li      a0, 0
        mv      a1, s5
        li      a2, CHUNK
        li      a7, KP_SYS_READ
        mv      s2, a1
        mv      s3, a2
        mv      s4, a7
        ecall
        VERIFY
        beqz    a0, echo_done
        bltz    a0, echo_done
        li      t6, CHUNK
        bgtu    a0, t6, fail_read
        mv      s8, a0              /* bytes read */
        SEED
        mv      a2, s8
        li      a0, 1
        mv      a1, s5
        li      a7, KP_SYS_WRITE
        mv      s2, a1
        mv      s3, a2
        mv      s4, a7
        ecall
        VERIFY
        bne     a0, s8, fail_count
        j       echo_loop

echo_done:
        KP_EXIT 42
fail_regs:
        KP_EXIT 43
fail_count:
        KP_EXIT 44
fail_zero:
        KP_EXIT 45
fail_read:
        KP_EXIT 46
1:      j       1b
