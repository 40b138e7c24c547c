// Goldilocks prime field, p = 2^64 - 2^32 + 1.
// Elements are kept canonical (< p). Reduction is branch-free so that host and device
// run the same instruction stream for every input (no data-dependent divergence).
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>

#include "kernels/field/impl/pow.hpp"

namespace kprove {

struct Goldilocks {
  static constexpr const char* NAME = "goldilocks";
  static constexpr uint64_t P = 0xFFFFFFFF00000001ull;
  // 2^64 mod p: folding an overflow of 2^64 adds EPSILON.
  static constexpr uint64_t EPSILON = 0xFFFFFFFFull;
  static constexpr int BITS = 64;
  static constexpr int BYTES = 8;
  static constexpr int TWO_ADICITY = 32;
  static constexpr uint64_t MULTIPLICATIVE_GENERATOR = 7;

  uint64_t v;

  Goldilocks() = default;
  KOKKOS_INLINE_FUNCTION constexpr explicit Goldilocks(uint64_t x, bool) : v(x) {}

  // Any 64-bit integer, reduced mod p.
  KOKKOS_INLINE_FUNCTION static constexpr Goldilocks from_u64(uint64_t x) {
    return Goldilocks(x - (P & (0 - uint64_t(x >= P))), true);
  }
  // Caller guarantees x < p.
  KOKKOS_INLINE_FUNCTION static constexpr Goldilocks from_canonical(uint64_t x) {
    return Goldilocks(x, true);
  }
  KOKKOS_INLINE_FUNCTION static constexpr Goldilocks zero() { return Goldilocks(0, true); }
  KOKKOS_INLINE_FUNCTION static constexpr Goldilocks one() { return Goldilocks(1, true); }

  KOKKOS_INLINE_FUNCTION constexpr uint64_t value() const { return v; }
  KOKKOS_INLINE_FUNCTION constexpr bool is_zero() const { return v == 0; }

  KOKKOS_INLINE_FUNCTION friend constexpr bool operator==(Goldilocks a, Goldilocks b) {
    return a.v == b.v;
  }
  KOKKOS_INLINE_FUNCTION friend constexpr bool operator!=(Goldilocks a, Goldilocks b) {
    return a.v != b.v;
  }

  KOKKOS_INLINE_FUNCTION friend constexpr Goldilocks operator+(Goldilocks a, Goldilocks b) {
    // a + b < 2p < 2^65: on carry the true sum is s + 2^64 == s + EPSILON (mod p), and
    // s + EPSILON cannot carry again because s < p - EPSILON whenever a carry happened.
    uint64_t s = a.v + b.v;
    uint64_t carry = uint64_t(s < a.v);
    s += EPSILON & (0 - carry);
    return from_u64(s);
  }
  KOKKOS_INLINE_FUNCTION friend constexpr Goldilocks operator-(Goldilocks a, Goldilocks b) {
    uint64_t d = a.v - b.v;
    uint64_t borrow = uint64_t(a.v < b.v);
    // d wrapped by 2^64; the true value is d - 2^64 + p = d - EPSILON.
    d -= EPSILON & (0 - borrow);
    return Goldilocks(d, true);
  }
  KOKKOS_INLINE_FUNCTION constexpr Goldilocks operator-() const { return zero() - *this; }

  // hi * 2^64 + lo modulo p, using 2^64 = 2^32 - 1 and 2^96 = -1, for any 64-bit lo and hi.
  // The result is congruent and < 2^64 but not always canonical: lazy callers (the Poseidon2
  // rounds) chain it into further products and canonicalise once.
  KOKKOS_INLINE_FUNCTION static constexpr uint64_t reduce128_partial(uint64_t lo, uint64_t hi) {
    uint64_t hi_hi = hi >> 32;
    uint64_t hi_lo = hi & EPSILON;
    uint64_t t0 = lo - hi_hi;
    t0 -= EPSILON & (0 - uint64_t(lo < hi_hi));
    uint64_t t1 = (hi_lo << 32) - hi_lo;  // hi_lo * EPSILON < 2^64, exact
    uint64_t t2 = t0 + t1;
    t2 += EPSILON & (0 - uint64_t(t2 < t1));
    return t2;
  }
  KOKKOS_INLINE_FUNCTION static constexpr Goldilocks reduce128(uint64_t lo, uint64_t hi) {
    return from_u64(reduce128_partial(lo, hi));
  }

  // a * b modulo p for any 64-bit a and b, partially reduced as reduce128_partial.
  KOKKOS_INLINE_FUNCTION static uint64_t mul_partial(uint64_t a, uint64_t b) {
#if defined(__CUDA_ARCH__)
    return reduce128_partial(a * b, __umul64hi(a, b));
#else
    const unsigned __int128 prod = static_cast<unsigned __int128>(a) * b;
    return reduce128_partial(uint64_t(prod), uint64_t(prod >> 64));
#endif
  }

  KOKKOS_INLINE_FUNCTION friend Goldilocks operator*(Goldilocks a, Goldilocks b) {
    return from_u64(mul_partial(a.v, b.v));
  }

  KOKKOS_INLINE_FUNCTION Goldilocks& operator+=(Goldilocks o) { return *this = *this + o; }
  KOKKOS_INLINE_FUNCTION Goldilocks& operator-=(Goldilocks o) { return *this = *this - o; }
  KOKKOS_INLINE_FUNCTION Goldilocks& operator*=(Goldilocks o) { return *this = *this * o; }

  KOKKOS_INLINE_FUNCTION Goldilocks square() const { return *this * *this; }
  KOKKOS_INLINE_FUNCTION Goldilocks dbl() const { return *this + *this; }

  KOKKOS_INLINE_FUNCTION Goldilocks pow(uint64_t e) const {
    return detail::pow_by_squaring(*this, e);
  }

  // Fermat inverse; inverse(0) == 0, callers that need a nonzero check do it themselves.
  KOKKOS_INLINE_FUNCTION Goldilocks inverse() const { return pow(P - 2); }

  // Generator of the multiplicative subgroup of order 2^log_n (log_n <= 32).
  KOKKOS_INLINE_FUNCTION static Goldilocks two_adic_generator(int log_n) {
    return from_canonical(MULTIPLICATIVE_GENERATOR)
        .pow((P - 1) >> log_n);
  }
};

using Felt = Goldilocks;

}  // namespace kprove
