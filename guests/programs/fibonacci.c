/*
 * fibonacci: input  u32 n (little-endian; trailing bytes ignored)
 *            output u32 fib(n) mod 2^32, fib(0) = 0, fib(1) = 1
 *            exit 0, or 1 if the input is shorter than 4 bytes.
 * An iterative loop, so the run takes about n * (a few) cycles.
 */
#include "kprove_guest.h"

int main(void)
{
    uint32_t n;
    if (!kp_read_u32(&n))
        return 1;
    uint32_t a = 0, b = 1;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t t = a + b;
        a = b;
        b = t;
    }
    kp_write_u32(a);
    return 0;
}
