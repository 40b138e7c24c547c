/*
 * misaligned_store.S: sw to an address that is 2 mod 4 (inside mapped,
 * writable .data).  Expected: the emulator stops with a misaligned-store error.
 * qemu-riscv32: the store succeeds and the program exits with code 3.
 */
#include "../asm/test_macros.h"

        .data
        .balign 4
word:   .word   0x11223344, 0x55667788

KP_FAULT_BEGIN
        la      t0, word
        li      a0, -1
        sw      a0, 2(t0)
        KP_EXIT 3                   /* must not be reached */
