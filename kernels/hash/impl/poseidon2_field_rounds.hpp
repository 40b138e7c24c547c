// The Poseidon2 round structure of poseidon2_permutation.hpp in plain field arithmetic, for a
// field whose products are cheap and whose elements leave no room for lazy reduction
// (BabyBear: 31 bits in a 32-bit word). Every round constant and diagonal entry is a template
// argument, converted to the field's form by the compiler (an immediate on every backend).
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>
#include <utility>

#include "kernels/hash/impl/poseidon2_mat4.hpp"

namespace kprove::detail {

template <class F, uint64_t V>
KOKKOS_FORCEINLINE_FUNCTION constexpr F field_constant() {
  constexpr F c = F::from_canonical(V);
  return c;
}

template <class F, class C>
struct Poseidon2FieldRounds {
  static constexpr int W = C::WIDTH;
  static_assert(W % 4 == 0, "the external layer works on 4-lane blocks");
  using Lanes = std::make_integer_sequence<int, W>;

  KOKKOS_FORCEINLINE_FUNCTION static F sbox7(F x) {
    const F x2 = x * x;
    return (x2 * x) * (x2 * x2);
  }

  // M4 on each 4-lane block, then every lane gets the sum of its column over all blocks.
  KOKKOS_FORCEINLINE_FUNCTION static void external_linear(F (&s)[W]) {
    for (int b = 0; b < W; b += 4) mat4(s[b], s[b + 1], s[b + 2], s[b + 3]);
    F col[4] = {s[0], s[1], s[2], s[3]};
    for (int b = 4; b < W; b += 4)
      for (int j = 0; j < 4; ++j) col[j] += s[b + j];
    for (int i = 0; i < W; ++i) s[i] += col[i % 4];
  }

  template <bool FINAL, int R, int... I>
  KOKKOS_FORCEINLINE_FUNCTION static void full_round(F (&s)[W], std::integer_sequence<int, I...>) {
    ((s[I] = sbox7(s[I] + field_constant<F, (FINAL ? C::external_final[R][I]
                                                    : C::external_initial[R][I])>())),
     ...);
    external_linear(s);
  }

  // Every lane gets sum + diag[i] * s[i].
  template <int... I>
  KOKKOS_FORCEINLINE_FUNCTION static void internal_linear(F (&s)[W],
                                                          std::integer_sequence<int, I...>) {
    F sum = s[0];
    for (int i = 1; i < W; ++i) sum += s[i];
    ((s[I] = sum + field_constant<F, C::diag[I]>() * s[I]), ...);
  }

  template <int R>
  KOKKOS_FORCEINLINE_FUNCTION static void partial_round(F (&s)[W]) {
    s[0] = sbox7(s[0] + field_constant<F, C::internal[R]>());
    internal_linear(s, Lanes{});
  }

  template <bool FINAL, int... R>
  KOKKOS_FORCEINLINE_FUNCTION static void full_rounds(F (&s)[W], std::integer_sequence<int, R...>) {
    (full_round<FINAL, R>(s, Lanes{}), ...);
  }

  template <int... R>
  KOKKOS_FORCEINLINE_FUNCTION static void partial_rounds(F (&s)[W],
                                                         std::integer_sequence<int, R...>) {
    (partial_round<R>(s), ...);
  }

  // Out of line, as the Goldilocks permutation and for the same reason (nvcc compile time).
  __attribute__((noinline)) KOKKOS_FUNCTION static void permute(F (&s)[W]) {
    using Half = std::make_integer_sequence<int, C::HALF_FULL_ROUNDS>;
    external_linear(s);
    full_rounds<false>(s, Half{});
    partial_rounds(s, std::make_integer_sequence<int, C::PARTIAL_ROUNDS>{});
    full_rounds<true>(s, Half{});
  }
};

}  // namespace kprove::detail
