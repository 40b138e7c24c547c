/*
 * infinite_loop.S: a 'j .' loop that never exits.  Expected: the emulator
 * stops with its max_cycles limit error.  qemu-riscv32: runs forever (only
 * run it with a timeout).
 */
#include "../asm/test_macros.h"

KP_FAULT_BEGIN
        li      a0, 0
1:      j       1b
