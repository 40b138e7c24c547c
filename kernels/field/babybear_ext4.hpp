// Degree-4 extension BabyBear[X]/(X^4 - 11) (11 is a non-residue mod p, p = 1 mod 4, so
// X^4 - 11 is irreducible), Plonky3's BinomialExtensionField<BabyBear, 4>: ~124 bits.
#pragma once

#include "kernels/field/babybear.hpp"
#include "kernels/field/binomial_extension.hpp"
#include "kernels/field/traits.hpp"

namespace kprove {

struct BabyBearExt4Params {
  using Base = BabyBear;
  static constexpr int DEGREE = 4;
  static constexpr uint64_t W = 11;
  KOKKOS_INLINE_FUNCTION static constexpr BabyBear mul_w(BabyBear x) {
    // 11x = 8x + 2x + x: four additions, cheaper than a Montgomery product on the CPU.
    const BabyBear x2 = x + x, x4 = x2 + x2, x8 = x4 + x4;
    return x8 + x2 + x;
  }
};

using BabyBearExt4 = BinomialExtension<BabyBearExt4Params>;

template <>
struct ChallengeExtension<BabyBear> {
  using type = BabyBearExt4;
};

}  // namespace kprove
