// Degree-2 extension F_p[X]/(X^2 - W) of Goldilocks with W = 7 (a non-residue mod p),
// the extension Ceno and Plonky3 use for challenges (~128-bit soundness).
#pragma once

#include "kernels/field/goldilocks.hpp"

namespace kprove {

struct GoldilocksExt2 {
  static constexpr uint64_t W = 7;
  Goldilocks c0, c1;  // c0 + c1 * X

  GoldilocksExt2() = default;
  KOKKOS_INLINE_FUNCTION constexpr GoldilocksExt2(Goldilocks a, Goldilocks b) : c0(a), c1(b) {}
  KOKKOS_INLINE_FUNCTION constexpr explicit GoldilocksExt2(Goldilocks a)
      : c0(a), c1(Goldilocks::zero()) {}

  KOKKOS_INLINE_FUNCTION static constexpr GoldilocksExt2 zero() {
    return GoldilocksExt2(Goldilocks::zero(), Goldilocks::zero());
  }
  KOKKOS_INLINE_FUNCTION static constexpr GoldilocksExt2 one() {
    return GoldilocksExt2(Goldilocks::one(), Goldilocks::zero());
  }
  KOKKOS_INLINE_FUNCTION constexpr bool is_zero() const { return c0.is_zero() && c1.is_zero(); }

  KOKKOS_INLINE_FUNCTION friend constexpr bool operator==(GoldilocksExt2 a, GoldilocksExt2 b) {
    return a.c0 == b.c0 && a.c1 == b.c1;
  }
  KOKKOS_INLINE_FUNCTION friend constexpr bool operator!=(GoldilocksExt2 a, GoldilocksExt2 b) {
    return !(a == b);
  }
  KOKKOS_INLINE_FUNCTION friend constexpr GoldilocksExt2 operator+(GoldilocksExt2 a,
                                                                   GoldilocksExt2 b) {
    return GoldilocksExt2(a.c0 + b.c0, a.c1 + b.c1);
  }
  KOKKOS_INLINE_FUNCTION friend constexpr GoldilocksExt2 operator-(GoldilocksExt2 a,
                                                                   GoldilocksExt2 b) {
    return GoldilocksExt2(a.c0 - b.c0, a.c1 - b.c1);
  }
  KOKKOS_INLINE_FUNCTION constexpr GoldilocksExt2 operator-() const {
    return GoldilocksExt2(-c0, -c1);
  }
  KOKKOS_INLINE_FUNCTION friend GoldilocksExt2 operator*(GoldilocksExt2 a, GoldilocksExt2 b) {
    // Karatsuba: three base multiplications instead of four.
    Goldilocks a0b0 = a.c0 * b.c0, a1b1 = a.c1 * b.c1;
    Goldilocks cross = (a.c0 + a.c1) * (b.c0 + b.c1) - a0b0 - a1b1;
    return GoldilocksExt2(a0b0 + mul_w(a1b1), cross);
  }
  KOKKOS_INLINE_FUNCTION friend GoldilocksExt2 operator*(GoldilocksExt2 a, Goldilocks b) {
    return GoldilocksExt2(a.c0 * b, a.c1 * b);
  }
  KOKKOS_INLINE_FUNCTION friend GoldilocksExt2 operator*(Goldilocks b, GoldilocksExt2 a) {
    return a * b;
  }
  KOKKOS_INLINE_FUNCTION friend GoldilocksExt2 operator+(GoldilocksExt2 a, Goldilocks b) {
    return GoldilocksExt2(a.c0 + b, a.c1);
  }
  KOKKOS_INLINE_FUNCTION friend GoldilocksExt2 operator-(GoldilocksExt2 a, Goldilocks b) {
    return GoldilocksExt2(a.c0 - b, a.c1);
  }

  KOKKOS_INLINE_FUNCTION GoldilocksExt2& operator+=(GoldilocksExt2 o) { return *this = *this + o; }
  KOKKOS_INLINE_FUNCTION GoldilocksExt2& operator-=(GoldilocksExt2 o) { return *this = *this - o; }
  KOKKOS_INLINE_FUNCTION GoldilocksExt2& operator*=(GoldilocksExt2 o) { return *this = *this * o; }

  KOKKOS_INLINE_FUNCTION GoldilocksExt2 square() const { return *this * *this; }

  KOKKOS_INLINE_FUNCTION GoldilocksExt2 pow(uint64_t e) const {
    GoldilocksExt2 r = one(), b = *this;
    while (e) {
      if (e & 1) r *= b;
      b = b.square();
      e >>= 1;
    }
    return r;
  }

  // (c0 + c1 X)^-1 = (c0 - c1 X) / (c0^2 - W c1^2); the norm is nonzero for nonzero input
  // because W is a non-residue. inverse(0) == 0.
  KOKKOS_INLINE_FUNCTION GoldilocksExt2 inverse() const {
    Goldilocks norm = c0.square() - mul_w(c1.square());
    Goldilocks ni = norm.inverse();
    return GoldilocksExt2(c0 * ni, -(c1 * ni));
  }

 private:
  KOKKOS_INLINE_FUNCTION static constexpr Goldilocks mul_w(Goldilocks x) {
    // 7x = 8x - x: three doublings and a subtraction, cheaper than a full multiply.
    Goldilocks x2 = x + x, x4 = x2 + x2, x8 = x4 + x4;
    return x8 - x;
  }
};

using Ext = GoldilocksExt2;

}  // namespace kprove
