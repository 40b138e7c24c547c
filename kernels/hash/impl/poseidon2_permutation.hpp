// The Poseidon2 round structure (eprint 2023/323), as Plonky3's poseidon2 crate orders it:
//   external linear layer;
//   4 full rounds:    state += rc; state = state^7 (every lane); external linear layer;
//   22 partial rounds: state[0] += rc; state[0] = state[0]^7; internal linear layer;
//   4 full rounds, as above.
// Every round and lane index is a template argument, so each round constant is a compile-time
// immediate on every backend (CUDA may not read a host constexpr array at a runtime index).
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>
#include <utility>

#include "kernels/field/goldilocks.hpp"

namespace kprove::detail {

// A round constant as a template argument: evaluated by the compiler, an immediate in the code.
template <uint64_t V>
KOKKOS_FORCEINLINE_FUNCTION constexpr Felt constant() {
  return Felt::from_canonical(V);
}

KOKKOS_FORCEINLINE_FUNCTION Felt sbox7(Felt x) {
  const Felt x2 = x * x;
  const Felt x3 = x2 * x;
  const Felt x4 = x2 * x2;
  return x3 * x4;
}

// x / 2 without a multiplication: odd x (canonical, so x < p) becomes (x + p) / 2.
KOKKOS_FORCEINLINE_FUNCTION Felt halve(Felt x) {
  constexpr uint64_t HALF_P_PLUS_ONE = (Goldilocks::P >> 1) + 1;  // (p + 1) / 2
  return Felt::from_canonical((x.value() >> 1) + (HALF_P_PLUS_ONE & (0 - (x.value() & 1))));
}

// sum + (num / 2^log2_den) * x for the small internal-diagonal entries: shifts and additions
// instead of a 64x64-bit product.
template <int NUM, int LOG2_DEN>
KOKKOS_FORCEINLINE_FUNCTION Felt add_scaled(Felt sum, Felt x) {
  constexpr int ABS_NUM = NUM < 0 ? -NUM : NUM;
  static_assert(ABS_NUM >= 1 && ABS_NUM <= 4 && LOG2_DEN >= 0, "unsupported diagonal entry");
  for (int k = 0; k < LOG2_DEN; ++k) x = halve(x);
  Felt r = x;
  for (int k = 1; k < ABS_NUM; ++k) r += x;
  if constexpr (NUM < 0) {
    return sum - r;
  } else {
    return sum + r;
  }
}

// y = M4 x with M4 = [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]].
KOKKOS_FORCEINLINE_FUNCTION void mat4(Felt& x0, Felt& x1, Felt& x2, Felt& x3) {
  const Felt t01 = x0 + x1;
  const Felt t23 = x2 + x3;
  const Felt t0123 = t01 + t23;
  const Felt t01123 = t0123 + x1;
  const Felt t01233 = t0123 + x3;
  const Felt y0 = t01123 + t01;
  const Felt y1 = t01123 + x2.dbl();
  const Felt y2 = t01233 + t23;
  const Felt y3 = t01233 + x0.dbl();
  x0 = y0;
  x1 = y1;
  x2 = y2;
  x3 = y3;
}

template <class C>
struct Poseidon2 {
  static constexpr int W = C::WIDTH;
  static_assert(W % 4 == 0, "the external layer works on 4-lane blocks");
  using Lanes = std::make_integer_sequence<int, W>;

  // External layer: M4 on each 4-lane block, then circ(2 M4, M4, ..., M4), i.e. every lane
  // gets the sum of its column (lane index mod 4) over all blocks added.
  KOKKOS_FORCEINLINE_FUNCTION static void external_linear(Felt (&s)[W]) {
    for (int b = 0; b < W; b += 4) mat4(s[b], s[b + 1], s[b + 2], s[b + 3]);
    Felt col[4] = {s[0], s[1], s[2], s[3]};
    for (int b = 4; b < W; b += 4)
      for (int j = 0; j < 4; ++j) col[j] += s[b + j];
    for (int i = 0; i < W; ++i) s[i] += col[i % 4];
  }

  template <bool FINAL, int R, int... I>
  KOKKOS_FORCEINLINE_FUNCTION static void full_round(Felt (&s)[W],
                                                     std::integer_sequence<int, I...>) {
    ((s[I] =
          sbox7(s[I] + constant<(FINAL ? C::external_final[R][I] : C::external_initial[R][I])>())),
     ...);
    external_linear(s);
  }

  template <int... I>
  KOKKOS_FORCEINLINE_FUNCTION static void internal_linear(Felt (&s)[W],
                                                          std::integer_sequence<int, I...>) {
    Felt sum = s[0];
    for (int i = 1; i < W; ++i) sum += s[i];
    ((s[I] = add_scaled<C::diag_num[I], C::diag_log2_den[I]>(sum, s[I])), ...);
  }

  template <int R>
  KOKKOS_FORCEINLINE_FUNCTION static void partial_round(Felt (&s)[W]) {
    s[0] = sbox7(s[0] + constant<C::internal[R]>());
    internal_linear(s, Lanes{});
  }

  template <bool FINAL, int... R>
  KOKKOS_FORCEINLINE_FUNCTION static void full_rounds(Felt (&s)[W],
                                                      std::integer_sequence<int, R...>) {
    (full_round<FINAL, R>(s, Lanes{}), ...);
  }

  template <int... R>
  KOKKOS_FORCEINLINE_FUNCTION static void partial_rounds(Felt (&s)[W],
                                                         std::integer_sequence<int, R...>) {
    (partial_round<R>(s), ...);
  }

  KOKKOS_INLINE_FUNCTION static void permute(Felt (&s)[W]) {
    using Half = std::make_integer_sequence<int, C::HALF_FULL_ROUNDS>;
    external_linear(s);
    full_rounds<false>(s, Half{});
    partial_rounds(s, std::make_integer_sequence<int, C::PARTIAL_ROUNDS>{});
    full_rounds<true>(s, Half{});
  }
};

}  // namespace kprove::detail
