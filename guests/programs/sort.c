/*
 * sort: input  u32 words, little-endian (count = input bytes / 4; 1-3 trailing
 *              bytes are ignored); at most (kp_heap_free() - 16) / 8 words
 *              (4 Mi - 4 = 4194300 words with the default 32 MiB heap)
 *       output the words sorted ascending (unsigned), same encoding
 *       exit 0, or 1 if the input does not fit in the heap
 * Bottom-up merge sort: insertion-sorted runs of 16, then ping-pong merge passes.
 */
#include "kprove_guest.h"

#define RUN 16

static void insertion_sort(uint32_t *a, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t v = a[i];
        size_t j = i;
        while (j > 0 && a[j - 1] > v) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = v;
    }
}

static void merge(const uint32_t *l, const uint32_t *lend, const uint32_t *r,
                  const uint32_t *rend, uint32_t *dst)
{
    while (l < lend && r < rend) {
        if (*r < *l)
            *dst++ = *r++;
        else
            *dst++ = *l++;
    }
    while (l < lend)
        *dst++ = *l++;
    while (r < rend)
        *dst++ = *r++;
}

int main(void)
{
    /* Half of the heap for the input words, half for the merge buffer; 16 bytes
     * are kept back for rounding the 0-3 trailing bytes up to the heap alignment. */
    size_t cap = ((kp_heap_free() - 16) / 2) & ~(size_t)15;
    size_t len;
    int truncated;
    uint32_t *src = (uint32_t *)kp_read_input(cap + 3, &len, &truncated);
    if (truncated)
        return 1;
    size_t n = len / 4;
    uint32_t *dst = (uint32_t *)kp_alloc(n * 4);
    if (dst == 0)
        return 1;

    for (size_t lo = 0; lo < n; lo += RUN)
        insertion_sort(src + lo, (n - lo < RUN) ? n - lo : RUN);

    for (size_t width = RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = (n - lo < width) ? n : lo + width;
            size_t hi = (n - mid < width) ? n : mid + width;
            merge(src + lo, src + mid, src + mid, src + hi, dst + lo);
        }
        uint32_t *t = src;
        src = dst;
        dst = t;
    }

    kp_write(src, n * 4);
    return 0;
}
