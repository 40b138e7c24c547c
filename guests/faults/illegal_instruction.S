/*
 * illegal_instruction.S: executes the all-zero word (not a valid RV32IM
 * instruction; also the defined-illegal 16-bit encoding).  Expected: the
 * emulator stops with an illegal-instruction error at the .word.
 * qemu-riscv32: SIGILL.
 */
#include "../asm/test_macros.h"

KP_FAULT_BEGIN
        li      a0, 1
        .word   0x00000000
        KP_EXIT 3                   /* must not be reached */
