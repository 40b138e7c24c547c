// E = F[X] / (X^D - W) for a prime field F and a non-residue W (X^D - W irreducible), the
// challenge field of the protocol. Params gives Base, DEGREE, W and mul_w (x * W, which a
// field may do cheaper than a product). Degrees 2 and 4 (Goldilocks^2, BabyBear^4).
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>

#include "kernels/field/impl/pow.hpp"

namespace kprove {

template <class Params>
struct BinomialExtension {
  using Base = typename Params::Base;
  static constexpr int DEGREE = Params::DEGREE;
  static constexpr uint64_t W = Params::W;
  static_assert(DEGREE == 2 || DEGREE == 4, "inverse() is written for degrees 2 and 4");

  Base c[DEGREE];  // c[0] + c[1] X + ... + c[D-1] X^(D-1)

  BinomialExtension() = default;
  KOKKOS_INLINE_FUNCTION constexpr explicit BinomialExtension(Base a) : c{} {
    c[0] = a;
    for (int i = 1; i < DEGREE; ++i) c[i] = Base::zero();
  }
  template <class... Rest>
    requires(sizeof...(Rest) == DEGREE - 1)
  KOKKOS_INLINE_FUNCTION constexpr BinomialExtension(Base a0, Rest... rest) : c{a0, rest...} {}

  KOKKOS_INLINE_FUNCTION static constexpr BinomialExtension zero() {
    return BinomialExtension(Base::zero());
  }
  KOKKOS_INLINE_FUNCTION static constexpr BinomialExtension one() {
    return BinomialExtension(Base::one());
  }
  // The element whose coefficients are p[0 .. DEGREE).
  KOKKOS_INLINE_FUNCTION static constexpr BinomialExtension from_coeffs(const Base* p) {
    BinomialExtension r;
    for (int i = 0; i < DEGREE; ++i) r.c[i] = p[i];
    return r;
  }
  KOKKOS_INLINE_FUNCTION constexpr Base coeff(int i) const { return c[i]; }
  KOKKOS_INLINE_FUNCTION constexpr bool is_zero() const {
    bool z = true;
    for (int i = 0; i < DEGREE; ++i) z = z && c[i].is_zero();
    return z;
  }

  KOKKOS_INLINE_FUNCTION friend constexpr bool operator==(BinomialExtension a,
                                                          BinomialExtension b) {
    bool eq = true;
    for (int i = 0; i < DEGREE; ++i) eq = eq && a.c[i] == b.c[i];
    return eq;
  }
  KOKKOS_INLINE_FUNCTION friend constexpr bool operator!=(BinomialExtension a,
                                                          BinomialExtension b) {
    return !(a == b);
  }
  KOKKOS_INLINE_FUNCTION friend constexpr BinomialExtension operator+(BinomialExtension a,
                                                                      BinomialExtension b) {
    for (int i = 0; i < DEGREE; ++i) a.c[i] = a.c[i] + b.c[i];
    return a;
  }
  KOKKOS_INLINE_FUNCTION friend constexpr BinomialExtension operator-(BinomialExtension a,
                                                                      BinomialExtension b) {
    for (int i = 0; i < DEGREE; ++i) a.c[i] = a.c[i] - b.c[i];
    return a;
  }
  KOKKOS_INLINE_FUNCTION constexpr BinomialExtension operator-() const {
    BinomialExtension r;
    for (int i = 0; i < DEGREE; ++i) r.c[i] = -c[i];
    return r;
  }
  KOKKOS_INLINE_FUNCTION friend BinomialExtension operator*(BinomialExtension a,
                                                            BinomialExtension b) {
    BinomialExtension r;
    if constexpr (DEGREE == 2) {
      // Karatsuba: three base multiplications instead of four.
      const Base a0b0 = a.c[0] * b.c[0], a1b1 = a.c[1] * b.c[1];
      r.c[0] = a0b0 + Params::mul_w(a1b1);
      r.c[1] = (a.c[0] + a.c[1]) * (b.c[0] + b.c[1]) - a0b0 - a1b1;
    } else {
      // Schoolbook; the terms of degree >= D wrap around times W.
      Base lo[DEGREE], hi[DEGREE];
      for (int k = 0; k < DEGREE; ++k) lo[k] = hi[k] = Base::zero();
      for (int i = 0; i < DEGREE; ++i)
        for (int j = 0; j < DEGREE; ++j) {
          if (i + j < DEGREE) lo[i + j] += a.c[i] * b.c[j];
          else hi[i + j - DEGREE] += a.c[i] * b.c[j];
        }
      for (int k = 0; k < DEGREE; ++k) r.c[k] = lo[k] + Params::mul_w(hi[k]);
    }
    return r;
  }
  KOKKOS_INLINE_FUNCTION friend BinomialExtension operator*(BinomialExtension a, Base b) {
    for (int i = 0; i < DEGREE; ++i) a.c[i] = a.c[i] * b;
    return a;
  }
  KOKKOS_INLINE_FUNCTION friend BinomialExtension operator*(Base b, BinomialExtension a) {
    return a * b;
  }
  KOKKOS_INLINE_FUNCTION friend BinomialExtension operator+(BinomialExtension a, Base b) {
    a.c[0] = a.c[0] + b;
    return a;
  }
  KOKKOS_INLINE_FUNCTION friend BinomialExtension operator-(BinomialExtension a, Base b) {
    a.c[0] = a.c[0] - b;
    return a;
  }

  KOKKOS_INLINE_FUNCTION BinomialExtension& operator+=(BinomialExtension o) {
    return *this = *this + o;
  }
  KOKKOS_INLINE_FUNCTION BinomialExtension& operator-=(BinomialExtension o) {
    return *this = *this - o;
  }
  KOKKOS_INLINE_FUNCTION BinomialExtension& operator*=(BinomialExtension o) {
    return *this = *this * o;
  }

  KOKKOS_INLINE_FUNCTION BinomialExtension square() const { return *this * *this; }

  KOKKOS_INLINE_FUNCTION BinomialExtension pow(uint64_t e) const {
    return detail::pow_by_squaring(*this, e);
  }

  // inverse(0) == 0. Degree 2: (c0 - c1 X) / (c0^2 - W c1^2), the norm nonzero for nonzero
  // input because W is a non-residue. Degree 4: a = e(X^2) + X o(X^2) times its conjugate
  // e(X^2) - X o(X^2) is e^2 - X^2 o^2 =: n(Y), Y = X^2, an element of F[Y]/(Y^2 - W);
  // a^-1 = conjugate * n^-1 with n inverted by the degree-2 rule.
  KOKKOS_INLINE_FUNCTION BinomialExtension inverse() const {
    if constexpr (DEGREE == 2) {
      const Base ni = (c[0].square() - Params::mul_w(c[1].square())).inverse();
      return BinomialExtension(c[0] * ni, -(c[1] * ni));
    } else {
      // e = c0 + c2 Y, o = c1 + c3 Y; n = e^2 - Y o^2 (mod Y^2 - W).
      const Base e0 = c[0], e1 = c[2], o0 = c[1], o1 = c[3];
      const Base n0 = e0.square() + Params::mul_w(e1.square()) - Params::mul_w(o0 * o1 + o0 * o1);
      const Base n1 = e0 * e1 + e0 * e1 - o0.square() - Params::mul_w(o1.square());
      const Base ni = (n0.square() - Params::mul_w(n1.square())).inverse();
      const Base m0 = n0 * ni, m1 = -(n1 * ni);  // n^-1 = m0 + m1 Y
      // (e - X o)(m0 + m1 Y), with Y = X^2 and X^4 = W.
      const Base r0 = e0 * m0 + Params::mul_w(e1 * m1);
      const Base r2 = e0 * m1 + e1 * m0;
      const Base r1 = -(o0 * m0 + Params::mul_w(o1 * m1));
      const Base r3 = -(o0 * m1 + o1 * m0);
      return BinomialExtension(r0, r1, r2, r3);
    }
  }
};

}  // namespace kprove
