/*
 * no_exit_falls_off.S: executes a few instructions and runs off the end of
 * .text without calling exit (this is the only code in the ELF, so the next
 * pc is the first address past the text segment).  Expected: the emulator
 * stops with an instruction-fetch-outside-text error at __text_end.
 * qemu-riscv32: the rest of the page is zero, so SIGILL.
 */
#include "../asm/test_macros.h"

KP_FAULT_BEGIN
        li      a0, 1
        addi    a0, a0, 1
        nop
        /* end of .text: no exit */
