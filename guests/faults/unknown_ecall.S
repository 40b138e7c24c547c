/*
 * unknown_ecall.S: ecall with a7 = 1234, which the guest ABI does not define.
 * Expected: the emulator stops with an unknown-ecall error.
 * qemu-riscv32: the call returns -ENOSYS and the program exits with code 3.
 */
#include "../asm/test_macros.h"

KP_FAULT_BEGIN
        li      a0, 0
        li      a1, 0
        li      a2, 0
        li      a7, 1234
        ecall
        KP_EXIT 3                   /* must not be reached */
