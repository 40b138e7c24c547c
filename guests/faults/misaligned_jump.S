/*
 * misaligned_jump.S: jalr to an address that is 2 mod 4 inside .text.
 * RV32I without the C extension requires 4-byte aligned targets (JALR only
 * clears bit 0), so this is an instruction-address-misaligned fault.
 * Expected: the emulator stops with a misaligned-jump (misaligned fetch)
 * error at the jalr.  qemu-riscv32 (whose CPU has RVC) fetches the halfword
 * 0x0000 at target + 2 (the upper half of the nop) and dies with SIGILL.
 */
#include "../asm/test_macros.h"

KP_FAULT_BEGIN
        la      t0, target
        addi    t0, t0, 2
        jalr    ra, 0(t0)
        KP_EXIT 3                   /* must not be reached */
        .balign 4
target:
        nop                         /* 0x00000013: halfword at +2 is 0x0000 */
        KP_EXIT 4                   /* must not be reached */
