/*
 * kprove guest runtime: the three system calls of the guest ABI and a bump
 * allocator over the heap region of guest.ld.
 *
 *   ecall a7 = 63  read(a0 = 0, a1 = buf, a2 = n)  -> a0 = bytes read, 0 at end of input
 *   ecall a7 = 64  write(a0 = 1, a1 = buf, a2 = n) -> a0 = n
 *   ecall a7 = 93  exit(a0)
 *
 * Every guest built with this runtime also runs unmodified under qemu-riscv32.
 */
#ifndef KPROVE_GUEST_H
#define KPROVE_GUEST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KP_SYS_READ  63
#define KP_SYS_WRITE 64
#define KP_SYS_EXIT  93

/* Linker-script symbols (guest.ld). */
extern char __heap_start[];
extern char __heap_end[];
extern char __stack_top[];

/* One read system call: up to n bytes from the input.  Returns the number of
 * bytes read; 0 means end of input (an error is reported as 0 too). */
size_t kp_read(void *buf, size_t n);

/* Reads until cap bytes have been read or the input ends; returns the count. */
size_t kp_read_all(void *buf, size_t cap);

/* Reads exactly n bytes; returns 1 on success, 0 if the input ended first. */
int kp_read_exact(void *buf, size_t n);

/* Reads a little-endian u32; returns 1 on success, 0 at end of input. */
int kp_read_u32(uint32_t *out);

/* Returns 1 if the input has no more bytes (consumes at most one byte, which
 * is lost: use it only to check that nothing follows). */
int kp_input_at_end(void);

/* Writes all n bytes to the output (loops over short writes; exits with
 * code 125 if the write call fails). */
void kp_write(const void *buf, size_t n);

/* Writes a u32 as 4 little-endian bytes. */
void kp_write_u32(uint32_t v);

/* Ends the guest with the given exit code. */
__attribute__((noreturn)) void kp_exit(int code);

/* Bump allocator over [__heap_start, __heap_end).  Blocks are 16-byte aligned
 * and zero (the heap is never reused: kp_free does not exist).  Returns NULL
 * when the heap is exhausted. */
void *kp_alloc(size_t n);

/* Bytes still available to kp_alloc (after alignment). */
size_t kp_heap_free(void);

/* Reads the remaining input into the heap: at most max bytes (clamped to
 * kp_heap_free(); pass SIZE_MAX for "as much as fits").  Returns the buffer
 * (16-byte aligned; the heap is advanced past it) and stores the length in
 * *len.  *truncated (if not NULL) is set to 1 when more input followed the
 * bytes that fit, else 0. */
void *kp_read_input(size_t max, size_t *len, int *truncated);

#ifdef __cplusplus
}
#endif

#endif /* KPROVE_GUEST_H */
