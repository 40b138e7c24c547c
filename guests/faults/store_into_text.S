/*
 * store_into_text.S: sw into the (read + execute) text segment, at the
 * instruction that follows the store.  Expected: the emulator stops with a
 * store-to-non-writable-memory (store into text) error.
 * qemu-riscv32: SIGSEGV.
 */
#include "../asm/test_macros.h"

KP_FAULT_BEGIN
        la      t0, next
        li      a0, 0x00000013      /* a nop: harmless if the store went through */
        sw      a0, 0(t0)
next:
        KP_EXIT 3                   /* must not be reached */
