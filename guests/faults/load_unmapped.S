/*
 * load_unmapped.S: lw from 0x80000000, which no PT_LOAD segment maps.
 * Expected: the emulator stops with an unmapped-load (memory access fault)
 * error.  qemu-riscv32: SIGSEGV.
 */
#include "../asm/test_macros.h"

KP_FAULT_BEGIN
        li      t0, 0x80000000
        lw      a0, 0(t0)
        KP_EXIT 3                   /* must not be reached */
