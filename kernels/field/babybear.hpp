// BabyBear prime field, p = 2^31 - 2^27 + 1 = 15 * 2^27 + 1, bit-compatible with Plonky3's
// BabyBear in every canonical value. Elements are held in Montgomery form (x * 2^32 mod p,
// < p): a product is one 32x32 -> 64-bit multiply and one Montgomery reduction, native on a
// GPU. Reductions are branch-free, as in Goldilocks.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>

#include "kernels/field/impl/pow.hpp"

namespace kprove {

struct BabyBear {
  static constexpr const char* NAME = "babybear";
  static constexpr uint64_t P = 0x78000001ull;
  static constexpr int BITS = 31;
  static constexpr int BYTES = 4;
  static constexpr int TWO_ADICITY = 27;
  static constexpr uint64_t MULTIPLICATIVE_GENERATOR = 31;

  uint32_t m;  // Montgomery form

  BabyBear() = default;
  KOKKOS_INLINE_FUNCTION constexpr explicit BabyBear(uint32_t monty, bool) : m(monty) {}

  // x * 2^-32 mod p for x < p * 2^32: t = x / p mod 2^32 makes x - t p divisible by 2^32.
  KOKKOS_INLINE_FUNCTION static constexpr uint32_t monty_reduce(uint64_t x) {
    const uint32_t t = uint32_t(x) * MU;
    const uint64_t u = uint64_t(t) * P;
    const uint32_t hi = uint32_t((x - u) >> 32);
    return hi + (uint32_t(P) & (0 - uint32_t(x < u)));
  }

  // Caller guarantees x < p.
  KOKKOS_INLINE_FUNCTION static constexpr BabyBear from_canonical(uint64_t x) {
    return BabyBear(monty_reduce(x * R2), true);
  }
  // Any 64-bit integer, reduced mod p (a division by a constant: a multiply-high sequence).
  KOKKOS_INLINE_FUNCTION static constexpr BabyBear from_u64(uint64_t x) {
    return from_canonical(x % P);
  }
  KOKKOS_INLINE_FUNCTION static constexpr BabyBear zero() { return BabyBear(0, true); }
  KOKKOS_INLINE_FUNCTION static constexpr BabyBear one() { return from_canonical(1); }

  KOKKOS_INLINE_FUNCTION constexpr uint64_t value() const { return monty_reduce(m); }
  KOKKOS_INLINE_FUNCTION constexpr bool is_zero() const { return m == 0; }

  KOKKOS_INLINE_FUNCTION friend constexpr bool operator==(BabyBear a, BabyBear b) {
    return a.m == b.m;
  }
  KOKKOS_INLINE_FUNCTION friend constexpr bool operator!=(BabyBear a, BabyBear b) {
    return a.m != b.m;
  }

  // a + b < 2p < 2^32; s - p wraps above s exactly when s < p, so the minimum is canonical.
  KOKKOS_INLINE_FUNCTION friend constexpr BabyBear operator+(BabyBear a, BabyBear b) {
    const uint32_t s = a.m + b.m, r = s - uint32_t(P);
    return BabyBear(r < s ? r : s, true);
  }
  // a - b wraps exactly when a < b; then d + p (mod 2^32) is the smaller, canonical value.
  KOKKOS_INLINE_FUNCTION friend constexpr BabyBear operator-(BabyBear a, BabyBear b) {
    const uint32_t d = a.m - b.m, r = d + uint32_t(P);
    return BabyBear(r < d ? r : d, true);
  }
  KOKKOS_INLINE_FUNCTION constexpr BabyBear operator-() const { return zero() - *this; }
  KOKKOS_INLINE_FUNCTION friend constexpr BabyBear operator*(BabyBear a, BabyBear b) {
    return BabyBear(monty_reduce(uint64_t(a.m) * b.m), true);
  }

  KOKKOS_INLINE_FUNCTION BabyBear& operator+=(BabyBear o) { return *this = *this + o; }
  KOKKOS_INLINE_FUNCTION BabyBear& operator-=(BabyBear o) { return *this = *this - o; }
  KOKKOS_INLINE_FUNCTION BabyBear& operator*=(BabyBear o) { return *this = *this * o; }

  KOKKOS_INLINE_FUNCTION constexpr BabyBear square() const { return *this * *this; }
  KOKKOS_INLINE_FUNCTION constexpr BabyBear dbl() const { return *this + *this; }

  KOKKOS_INLINE_FUNCTION constexpr BabyBear pow(uint64_t e) const {
    return detail::pow_by_squaring(*this, e);
  }

  // Fermat inverse; inverse(0) == 0.
  KOKKOS_INLINE_FUNCTION constexpr BabyBear inverse() const { return pow(P - 2); }

  // Generator of the multiplicative subgroup of order 2^log_n (log_n <= 27); 31^15 =
  // 0x1a427a41 for 2^27, Plonky3's.
  KOKKOS_INLINE_FUNCTION static constexpr BabyBear two_adic_generator(int log_n) {
    return from_canonical(MULTIPLICATIVE_GENERATOR).pow((P - 1) >> log_n);
  }

 private:
  static constexpr uint32_t MU = 0x88000001u;  // p^-1 mod 2^32
  static constexpr uint64_t R2 = 1172168163;   // 2^64 mod p: from_canonical's x * R2 / 2^32
};

}  // namespace kprove
