/*
 * fetch_outside_text.S: jumps into the data segment (readable and writable,
 * not executable), where a valid exit(7) sequence is stored.  Expected: the
 * emulator stops with an instruction-fetch-outside-text (non-executable)
 * error at the jump target.  qemu-riscv32: SIGSEGV.
 */
#include "../asm/test_macros.h"

        .data
        .balign 4
in_data:
        addi    a0, zero, 7         /* exit(7), should it ever run */
        addi    a7, zero, KP_SYS_EXIT
        ecall

KP_FAULT_BEGIN
        la      t0, in_data
        jalr    ra, 0(t0)
        KP_EXIT 3                   /* must not be reached */
