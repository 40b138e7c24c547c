/* kprove guest runtime: system calls and bump allocator (see kprove_guest.h). */
#include "kprove_guest.h"

static inline long kp_ecall3(long nr, long a0, long a1, long a2)
{
    register long r_a0 __asm__("a0") = a0;
    register long r_a1 __asm__("a1") = a1;
    register long r_a2 __asm__("a2") = a2;
    register long r_a7 __asm__("a7") = nr;
    __asm__ volatile("ecall"
                     : "+r"(r_a0)
                     : "r"(r_a1), "r"(r_a2), "r"(r_a7)
                     : "memory");
    return r_a0;
}

size_t kp_read(void *buf, size_t n)
{
    if (n == 0)
        return 0;
    long r = kp_ecall3(KP_SYS_READ, 0, (long)(uintptr_t)buf, (long)n);
    return r > 0 ? (size_t)r : 0;
}

size_t kp_read_all(void *buf, size_t cap)
{
    unsigned char *p = (unsigned char *)buf;
    size_t got = 0;
    while (got < cap) {
        size_t r = kp_read(p + got, cap - got);
        if (r == 0)
            break;
        got += r;
    }
    return got;
}

int kp_read_exact(void *buf, size_t n)
{
    return kp_read_all(buf, n) == n;
}

int kp_read_u32(uint32_t *out)
{
    unsigned char b[4];
    if (!kp_read_exact(b, 4))
        return 0;
    *out = (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) |
           ((uint32_t)b[3] << 24);
    return 1;
}

int kp_input_at_end(void)
{
    unsigned char b;
    return kp_read(&b, 1) == 0;
}

void kp_write(const void *buf, size_t n)
{
    const unsigned char *p = (const unsigned char *)buf;
    while (n > 0) {
        long r = kp_ecall3(KP_SYS_WRITE, 1, (long)(uintptr_t)p, (long)n);
        if (r <= 0)
            kp_exit(125);
        p += r;
        n -= (size_t)r;
    }
}

void kp_write_u32(uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8),
                          (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
    kp_write(b, 4);
}

void kp_exit(int code)
{
    for (;;)
        kp_ecall3(KP_SYS_EXIT, code, 0, 0);
}

/* Bump allocator. */
static char *kp_heap_cur;

static char *kp_heap_top(void)
{
    if (kp_heap_cur == 0)
        kp_heap_cur = __heap_start;
    return kp_heap_cur;
}

size_t kp_heap_free(void)
{
    return (size_t)(__heap_end - kp_heap_top());
}

void *kp_alloc(size_t n)
{
    char *p = kp_heap_top();
    size_t avail = (size_t)(__heap_end - p);
    size_t rounded = (n + 15u) & ~(size_t)15u;
    if (rounded < n || rounded > avail)
        return 0;
    kp_heap_cur = p + rounded;
    return p;
}

void *kp_read_input(size_t max, size_t *len, int *truncated)
{
    char *p = kp_heap_top();
    size_t avail = kp_heap_free();
    if (max > avail)
        max = avail;
    size_t got = kp_read_all(p, max);
    if (truncated)
        *truncated = (got == max) ? !kp_input_at_end() : 0;
    kp_heap_cur = p + ((got + 15u) & ~(size_t)15u);
    *len = got;
    return p;
}
