/*
 * kprove guest start-up code (RV32IM).
 *
 * The loader maps the PT_LOAD segments and zero-fills memsz > filesz, so .bss,
 * the heap and the stack are already zero: nothing is cleared here (clearing a
 * 32 MiB heap would cost millions of cycles).  No constructors are run (the
 * linker script rejects .init_array), no argc/argv/environment are passed.
 *
 *   gp = __global_pointer$, sp = __stack_top, a0 = main(), exit(a0) via ecall 93.
 */
        .section .text.init, "ax", @progbits
        .globl  _start
        .type   _start, @function
_start:
        .option push
        .option norelax
        la      gp, __global_pointer$
        .option pop
        la      sp, __stack_top
        li      fp, 0
        li      ra, 0
        call    main
        /* a0 holds main's return value */
        li      a7, 93
        ecall
1:      j       1b                      /* exit does not return */
        .size   _start, . - _start
