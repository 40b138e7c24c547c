// Basefold codeword folding.
//
// A codeword of log size L holds P(x) for every x of the subgroup H_L (order 2^L) in
// bit-reversed order: position j <-> x_j = w_L^{rev_L(j)}. Positions 2k and 2k+1 then hold
// P(x) and P(-x) for x = w_L^{rev_{L-1}(k)}, so a fold reads adjacent entries. Folding with
// challenge u gives P'(Y) = (1-u) Pe(Y) + u Po(Y) at Y = x^2, where P(X) = Pe(X^2) + X Po(X^2):
//   P'(x^2) = (1-u) (P(x) + P(-x)) / 2 + u (P(x) - P(-x)) / (2x),
// again in bit-reversed order on H_{L-1}. With P's coefficients being an MLE's evaluations,
// Pe / Po are the MLE with its lowest variable (hypercube index bit 0) fixed to 0 / 1.
//
// The weights 1/(2x) of all layers come from one table of the largest layer Lmax:
// weight(k) = w_Lmax^{-rev_{Lmax-1}(k)} / 2, and layer L uses its prefix of 2^{L-1} entries
// (rev_{Lmax-1}(k) = rev_{L-1}(k) * 2^{Lmax-L} for k < 2^{L-1}).
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "kernels/bits/bits.hpp"
#include "kernels/field/traits.hpp"
#include "views/owned.hpp"

namespace kprove::pcs {

// (p + 1) / 2 is 1/2 for any odd p.
template <PrimeField F>
KOKKOS_INLINE_FUNCTION constexpr F inverse_of_two() {
  return F::from_canonical((F::P + 1) / 2);
}

// 1 / (2 x) for fold pair k of a layer whose generator inverse is w_inv and which has
// 2^bits pairs.
template <PrimeField F>
KOKKOS_INLINE_FUNCTION F fold_weight(F w_inv, int bits, uint64_t pair) {
  return w_inv.pow(kprove::bit_reverse(pair, bits)) * inverse_of_two<F>();
}

// Host form for one pair of a codeword of log size `log_size` (the verifier's side).
template <PrimeField F>
F fold_weight(int log_size, uint64_t pair) {
  return fold_weight(F::two_adic_generator(log_size).inverse(), log_size - 1, pair);
}

// The evaluation point of position `pos` in a codeword of log size `log_size`.
template <PrimeField F>
F codeword_point(int log_size, uint64_t pos) {
  return F::two_adic_generator(log_size).pow(kprove::bit_reverse(pos, log_size));
}

// One fold: the entries a = P(x), b = P(-x) with weight = 1/(2x).
template <ExtensionField E>
KOKKOS_INLINE_FUNCTION E fold_pair(E a, E b, E u, typename E::Base weight) {
  const E even = (a + b) * inverse_of_two<typename E::Base>();
  const E odd = (a - b) * weight;
  return even + u * (odd - even);
}

namespace detail {
template <class Mem, class F>
struct FoldWeightTable {
  Vec<F, Mem> out;
  F w_inv;
  int bits;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t k) const {
    out(k) = fold_weight(w_inv, bits, k);
  }
};

template <class Mem, class E>
struct FoldCodeword {
  Vec<E, Mem> in, out;
  Vec<typename E::Base, Mem> weights;
  E u;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t k) const {
    out(k) = fold_pair(in(2 * k), in(2 * k + 1), u, weights(k));
  }
};
}  // namespace detail

// The weight table for codewords of log size up to log_max (2^(log_max-1) entries of F).
template <PrimeField F, class Exec, class Mem = typename Exec::memory_space>
Owned<Vec<F, Mem>> fold_weights(const Exec& exec, MemoryLedger& ledger, int log_max) {
  if (log_max < 1 || log_max > F::TWO_ADICITY)
    throw std::invalid_argument("fold_weights: log size " + std::to_string(log_max) +
                                " outside [1, " + std::to_string(F::TWO_ADICITY) + "] for " +
                                F::NAME);
  const std::size_t n = std::size_t(1) << (log_max - 1);
  auto table = alloc_vec<F, Mem>(ledger, "pcs::fold_weights", n);
  Kokkos::parallel_for("kprove::pcs::fold_weights", Kokkos::RangePolicy<Exec>(exec, 0, n),
                       detail::FoldWeightTable<Mem, F>{
                           *table, F::two_adic_generator(log_max).inverse(), log_max - 1});
  return table;
}

// out = fold(in, u); in has 2 * out.extent(0) entries, weights at least out.extent(0).
template <class Exec, class Mem, class E>
void fold_codeword(const Exec& exec, const Vec<E, Mem>& in, const Vec<E, Mem>& out,
                   const Vec<typename E::Base, Mem>& weights, std::type_identity_t<E> u) {
  const std::size_t n = out.extent(0);
  if (in.extent(0) != 2 * n || weights.extent(0) < n)
    throw std::invalid_argument("fold_codeword: " + std::to_string(in.extent(0)) +
                                " entries do not fold into " + std::to_string(n) + " with " +
                                std::to_string(weights.extent(0)) + " weights");
  Kokkos::parallel_for("kprove::pcs::fold_codeword", Kokkos::RangePolicy<Exec>(exec, 0, n),
                       detail::FoldCodeword<Mem, E>{in, out, weights, u});
}

}  // namespace kprove::pcs
