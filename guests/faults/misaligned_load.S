/*
 * misaligned_load.S: lw from an address that is 2 mod 4 (inside mapped,
 * readable .data).  Expected: the emulator stops with a misaligned-load error.
 * qemu-riscv32: the load succeeds (qemu-user emulates misaligned access) and
 * the program exits with code 3.
 */
#include "../asm/test_macros.h"

        .data
        .balign 4
word:   .word   0x11223344, 0x55667788

KP_FAULT_BEGIN
        la      t0, word
        lw      a0, 2(t0)
        KP_EXIT 3                   /* must not be reached */
