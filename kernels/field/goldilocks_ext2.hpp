// Degree-2 extension F_p[X]/(X^2 - W) of Goldilocks with W = 7 (a non-residue mod p),
// the extension Ceno and Plonky3 use for challenges (~128-bit soundness).
#pragma once

#include "kernels/field/binomial_extension.hpp"
#include "kernels/field/goldilocks.hpp"
#include "kernels/field/traits.hpp"

namespace kprove {

struct GoldilocksExt2Params {
  using Base = Goldilocks;
  static constexpr int DEGREE = 2;
  static constexpr uint64_t W = 7;
  KOKKOS_INLINE_FUNCTION static constexpr Goldilocks mul_w(Goldilocks x) {
    // 7x = 8x - x: three doublings and a subtraction, cheaper than a full multiply.
    const Goldilocks x2 = x + x, x4 = x2 + x2, x8 = x4 + x4;
    return x8 - x;
  }
};

using GoldilocksExt2 = BinomialExtension<GoldilocksExt2Params>;
using Ext = GoldilocksExt2;

template <>
struct ChallengeExtension<Goldilocks> {
  using type = GoldilocksExt2;
};

}  // namespace kprove
