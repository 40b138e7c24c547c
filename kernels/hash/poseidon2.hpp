// Poseidon2 permutations over Goldilocks, bit-compatible with Plonky3's
// default_goldilocks_poseidon2_{8,12}. Stateless and allocation-free: callable from host code
// and from any Kokkos kernel.
#pragma once

#include <Kokkos_Core.hpp>

#include "kernels/field/goldilocks.hpp"
#include "kernels/hash/impl/poseidon2_goldilocks_constants.hpp"
#include "kernels/hash/impl/poseidon2_permutation.hpp"

namespace kprove {

struct Poseidon2Goldilocks12 {
  static constexpr int WIDTH = 12;
  KOKKOS_INLINE_FUNCTION static void permute(Felt (&state)[12]) {
    detail::Poseidon2<detail::Poseidon2GoldilocksConstants12>::permute(state);
  }
};

struct Poseidon2Goldilocks8 {
  static constexpr int WIDTH = 8;
  KOKKOS_INLINE_FUNCTION static void permute(Felt (&state)[8]) {
    detail::Poseidon2<detail::Poseidon2GoldilocksConstants8>::permute(state);
  }
};

}  // namespace kprove
