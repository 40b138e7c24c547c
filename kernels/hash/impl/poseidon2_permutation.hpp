// The Poseidon2 round structure (eprint 2023/323), as Plonky3's poseidon2 crate orders it:
//   external linear layer;
//   4 full rounds:    state += rc; state = state^7 (every lane); external linear layer;
//   22 partial rounds: state[0] += rc; state[0] = state[0]^7; internal linear layer;
//   4 full rounds, as above.
// Every round and lane index is a template argument, so each round constant is a compile-time
// immediate on every backend (CUDA may not read a host constexpr array at a runtime index).
//
// Lazy reduction (the permutation is bound by integer instructions): lanes are 64-bit values
// congruent mod p, canonical only where noted. The S-box chains partially reduced products,
// and each linear layer sums its small-coefficient combinations exactly in a 96-bit Wide
// and reduces once per output lane, instead of a canonical modular addition per term.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>
#include <utility>

#include "kernels/field/goldilocks.hpp"
#include "kernels/hash/impl/poseidon2_mat4.hpp"

namespace kprove::detail {

// A round constant as a template argument: evaluated by the compiler, an immediate in the code.
template <uint64_t V>
KOKKOS_FORCEINLINE_FUNCTION constexpr uint64_t constant() {
  return V;
}

// An exact sum of 64-bit terms: hi * 2^64 + lo (hi stays small: at most a few dozen terms).
struct Wide {
  uint64_t lo;
  uint32_t hi;
};

KOKKOS_FORCEINLINE_FUNCTION Wide wide(uint64_t x) { return Wide{x, 0}; }

KOKKOS_FORCEINLINE_FUNCTION Wide operator+(Wide a, Wide b) {
#if defined(__CUDA_ARCH__)
  // One carry chain (three adds); nvcc does not find it from the portable form.
  uint32_t l0, l1, h;
  asm("add.cc.u32 %0, %3, %6;\n\taddc.cc.u32 %1, %4, %7;\n\taddc.u32 %2, %5, %8;"
      : "=r"(l0), "=r"(l1), "=r"(h)
      : "r"(uint32_t(a.lo)), "r"(uint32_t(a.lo >> 32)), "r"(a.hi), "r"(uint32_t(b.lo)),
        "r"(uint32_t(b.lo >> 32)), "r"(b.hi));
  return Wide{(uint64_t(l1) << 32) | l0, h};
#else
  const uint64_t lo = a.lo + b.lo;
  return Wide{lo, a.hi + b.hi + uint32_t(lo < a.lo)};
#endif
}

// Canonical value of w, using 2^64 = 2^32 - 1 (mod p). With hi < 2^32, hi * (2^32 - 1) <=
// 2^64 - 2^33 + 1, so folding the carry of lo + that product cannot carry again.
KOKKOS_FORCEINLINE_FUNCTION uint64_t reduce(Wide w) {
  const uint64_t fold = (uint64_t(w.hi) << 32) - w.hi;
  uint64_t t = w.lo + fold;
  t += Goldilocks::EPSILON & (0 - uint64_t(t < fold));
  return Goldilocks::from_u64(t).value();
}

// x + c for any 64-bit x and canonical c, partially reduced: on a carry the true sum is
// t + 2^64 = t + EPSILON (mod p), and t < p - 1 then, so adding EPSILON cannot carry.
KOKKOS_FORCEINLINE_FUNCTION uint64_t add_constant(uint64_t x, uint64_t c) {
  uint64_t t = x + c;
  t += Goldilocks::EPSILON & (0 - uint64_t(t < c));
  return t;
}

// x^7 for any 64-bit x, partially reduced.
KOKKOS_FORCEINLINE_FUNCTION uint64_t sbox7(uint64_t x) {
  const uint64_t x2 = Goldilocks::mul_partial(x, x);
  const uint64_t x3 = Goldilocks::mul_partial(x2, x);
  const uint64_t x4 = Goldilocks::mul_partial(x2, x2);
  return Goldilocks::mul_partial(x3, x4);
}

// x / 2 (mod p) without a multiplication, for x <= p: odd x becomes (x + p) / 2. The result
// is again <= p.
KOKKOS_FORCEINLINE_FUNCTION uint64_t halve(uint64_t x) {
  constexpr uint64_t HALF_P_PLUS_ONE = (Goldilocks::P >> 1) + 1;  // (p + 1) / 2
  return (x >> 1) + (HALF_P_PLUS_ONE & (0 - (x & 1)));
}

// (num / 2^log2_den) * x for the small internal-diagonal entries and x <= p, as a Wide with
// nonnegative terms (a negative entry scales p - x): shifts and additions, no product.
template <int NUM, int LOG2_DEN>
KOKKOS_FORCEINLINE_FUNCTION Wide scaled(uint64_t x) {
  constexpr int ABS_NUM = NUM < 0 ? -NUM : NUM;
  static_assert(ABS_NUM >= 1 && ABS_NUM <= 4 && LOG2_DEN >= 0, "unsupported diagonal entry");
  for (int k = 0; k < LOG2_DEN; ++k) x = halve(x);
  if constexpr (NUM < 0) x = Goldilocks::P - x;
  const Wide x1 = wide(x);
  if constexpr (ABS_NUM == 1) return x1;
  const Wide x2 = x1 + x1;
  if constexpr (ABS_NUM == 2) return x2;
  if constexpr (ABS_NUM == 3) return x2 + x1;
  return x2 + x2;
}

template <class C>
struct Poseidon2 {
  static constexpr int W = C::WIDTH;
  static_assert(W % 4 == 0, "the external layer works on 4-lane blocks");
  using Lanes = std::make_integer_sequence<int, W>;

  // External layer: M4 on each 4-lane block, then circ(2 M4, M4, ..., M4), i.e. every lane
  // gets the sum of its column (lane index mod 4) over all blocks added. Any 64-bit inputs
  // (every coefficient is positive); canonical outputs.
  KOKKOS_FORCEINLINE_FUNCTION static void external_linear(uint64_t (&s)[W]) {
    Wide w[W];
    for (int i = 0; i < W; ++i) w[i] = wide(s[i]);
    for (int b = 0; b < W; b += 4) mat4(w[b], w[b + 1], w[b + 2], w[b + 3]);
    Wide col[4] = {w[0], w[1], w[2], w[3]};
    for (int b = 4; b < W; b += 4)
      for (int j = 0; j < 4; ++j) col[j] = col[j] + w[b + j];
    for (int i = 0; i < W; ++i) s[i] = reduce(w[i] + col[i % 4]);
  }

  template <bool FINAL, int R, int... I>
  KOKKOS_FORCEINLINE_FUNCTION static void full_round(uint64_t (&s)[W],
                                                     std::integer_sequence<int, I...>) {
    ((s[I] = sbox7(add_constant(
          s[I], constant<(FINAL ? C::external_final[R][I] : C::external_initial[R][I])>()))),
     ...);
    external_linear(s);
  }

  // Canonical inputs and outputs: every lane gets sum + diag[i] * s[i].
  template <int... I>
  KOKKOS_FORCEINLINE_FUNCTION static void internal_linear(uint64_t (&s)[W],
                                                          std::integer_sequence<int, I...>) {
    Wide sum = wide(s[0]);
    for (int i = 1; i < W; ++i) sum = sum + wide(s[i]);
    ((s[I] = reduce(sum + scaled<C::diag_num[I], C::diag_log2_den[I]>(s[I]))), ...);
  }

  template <int R>
  KOKKOS_FORCEINLINE_FUNCTION static void partial_round(uint64_t (&s)[W]) {
    s[0] = Goldilocks::from_u64(sbox7(add_constant(s[0], constant<C::internal[R]>()))).value();
    internal_linear(s, Lanes{});
  }

  template <bool FINAL, int... R>
  KOKKOS_FORCEINLINE_FUNCTION static void full_rounds(uint64_t (&s)[W],
                                                      std::integer_sequence<int, R...>) {
    (full_round<FINAL, R>(s, Lanes{}), ...);
  }

  template <int... R>
  KOKKOS_FORCEINLINE_FUNCTION static void partial_rounds(uint64_t (&s)[W],
                                                         std::integer_sequence<int, R...>) {
    (partial_round<R>(s), ...);
  }

  // Out of line, one copy per width: inlining the fully unrolled rounds into every call site
  // (sponge blocks, compressions) made nvcc's optimizer spend many minutes per kernel.
  __attribute__((noinline)) KOKKOS_FUNCTION static void permute(Felt (&state)[W]) {
    using Half = std::make_integer_sequence<int, C::HALF_FULL_ROUNDS>;
    uint64_t s[W];
    for (int i = 0; i < W; ++i) s[i] = state[i].value();
    external_linear(s);
    full_rounds<false>(s, Half{});
    partial_rounds(s, std::make_integer_sequence<int, C::PARTIAL_ROUNDS>{});
    full_rounds<true>(s, Half{});
    for (int i = 0; i < W; ++i) state[i] = Felt::from_canonical(s[i]);
  }
};

}  // namespace kprove::detail
