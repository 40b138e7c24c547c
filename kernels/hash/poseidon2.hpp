// Poseidon2 permutations, bit-compatible with Plonky3's default_goldilocks_poseidon2_{8,12}
// and default_babybear_poseidon2_16. Stateless and allocation-free: callable from host code
// and from any Kokkos kernel.
#pragma once

#include <Kokkos_Core.hpp>

#include "kernels/field/babybear.hpp"
#include "kernels/field/goldilocks.hpp"
#include "kernels/hash/impl/poseidon2_babybear_constants.hpp"
#include "kernels/hash/impl/poseidon2_field_rounds.hpp"
#include "kernels/hash/impl/poseidon2_goldilocks_constants.hpp"
#include "kernels/hash/impl/poseidon2_permutation.hpp"

namespace kprove {

struct Poseidon2Goldilocks12 {
  using Field = Goldilocks;
  static constexpr int WIDTH = 12;
  KOKKOS_INLINE_FUNCTION static void permute(Felt (&state)[12]) {
    detail::Poseidon2<detail::Poseidon2GoldilocksConstants12>::permute(state);
  }
};

struct Poseidon2Goldilocks8 {
  using Field = Goldilocks;
  static constexpr int WIDTH = 8;
  KOKKOS_INLINE_FUNCTION static void permute(Felt (&state)[8]) {
    detail::Poseidon2<detail::Poseidon2GoldilocksConstants8>::permute(state);
  }
};

struct Poseidon2BabyBear16 {
  using Field = BabyBear;
  static constexpr int WIDTH = 16;
  KOKKOS_INLINE_FUNCTION static void permute(BabyBear (&state)[16]) {
    detail::Poseidon2FieldRounds<BabyBear, detail::Poseidon2BabyBearConstants16>::permute(state);
  }
};

}  // namespace kprove
