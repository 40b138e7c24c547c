/*
 * bigmul: input  u32 na, na u32 limbs of a, u32 nb, nb u32 limbs of b
 *                (all little-endian; limbs least significant first; nothing may follow)
 *         output na + nb u32 limbs of a * b (least significant first, zero-padded)
 *         exit 0, or 1 if the input is malformed (short, trailing bytes) or too
 *         large for the heap
 * Schoolbook multiplication with 32x32 -> 64-bit partial products.
 */
#include "kprove_guest.h"

static uint32_t *read_number(uint32_t *count)
{
    uint32_t n;
    if (!kp_read_u32(&n))
        return 0;
    if ((uint64_t)n * 4 > kp_heap_free())
        return 0;
    uint32_t *limbs = (uint32_t *)kp_alloc((size_t)n * 4);
    if (limbs == 0 || !kp_read_exact(limbs, (size_t)n * 4))
        return 0;
    *count = n;
    return limbs;
}

int main(void)
{
    uint32_t na, nb;
    uint32_t *a = read_number(&na);
    if (a == 0)
        return 1;
    uint32_t *b = read_number(&nb);
    if (b == 0)
        return 1;
    if (!kp_input_at_end())
        return 1;
    uint64_t nr = (uint64_t)na + nb;
    if (nr * 4 > kp_heap_free())
        return 1;
    uint32_t *r = (uint32_t *)kp_alloc((size_t)nr * 4);
    if (r == 0)
        return 1;
    for (uint32_t k = 0; k < nr; k++)
        r[k] = 0;

    for (uint32_t i = 0; i < na; i++) {
        uint32_t ai = a[i];
        uint32_t *ri = r + i;
        uint32_t carry = 0;
        for (uint32_t j = 0; j < nb; j++) {
            uint64_t t = (uint64_t)ai * b[j] + ri[j] + carry;
            ri[j] = (uint32_t)t;
            carry = (uint32_t)(t >> 32);
        }
        ri[nb] = carry;
    }

    kp_write(r, (size_t)nr * 4);
    return 0;
}
