// Bit helpers of the kernels and their host-side planning: bit reversal, powers of two and
// their logs.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace kprove {

// The low `bits` bits of x in reverse order (bits in 0..64). A fixed swap network rather
// than a loop, so the cost does not depend on `bits` and device threads do not diverge.
KOKKOS_INLINE_FUNCTION uint64_t bit_reverse(uint64_t x, int bits) {
  x = ((x >> 1) & 0x5555555555555555ull) | ((x & 0x5555555555555555ull) << 1);
  x = ((x >> 2) & 0x3333333333333333ull) | ((x & 0x3333333333333333ull) << 2);
  x = ((x >> 4) & 0x0F0F0F0F0F0F0F0Full) | ((x & 0x0F0F0F0F0F0F0F0Full) << 4);
  x = ((x >> 8) & 0x00FF00FF00FF00FFull) | ((x & 0x00FF00FF00FF00FFull) << 8);
  x = ((x >> 16) & 0x0000FFFF0000FFFFull) | ((x & 0x0000FFFF0000FFFFull) << 16);
  x = (x >> 32) | (x << 32);
  return bits == 0 ? 0 : x >> (64 - bits);
}

KOKKOS_INLINE_FUNCTION constexpr bool is_pow2(std::size_t x) {
  return x != 0 && (x & (x - 1)) == 0;
}

// floor(log2(x)) for x >= 1.
KOKKOS_INLINE_FUNCTION constexpr int log2_floor(std::size_t x) {
  int r = 0;
  while (x >>= 1) ++r;
  return r;
}

// ceil(log2(x)) for x >= 1: the log of the smallest power of two >= x.
KOKKOS_INLINE_FUNCTION constexpr int log2_ceil(std::size_t x) {
  return x <= 1 ? 0 : log2_floor(x - 1) + 1;
}

// log2(n) for a power of two n; throws std::invalid_argument naming `what` otherwise.
inline int log2_exact(std::size_t n, const char* what) {
  if (!is_pow2(n))
    throw std::invalid_argument(std::string(what) + ": size " + std::to_string(n) +
                                " is not a power of two");
  return log2_floor(n);
}

}  // namespace kprove
