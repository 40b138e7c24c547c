// Device side of a product sumcheck round: for tables f_1..f_D (2 * half entries each, the
// current MLEs, kernels/mle/mle.hpp order) the round polynomial
//   g(t) = sum_{j < half} prod_k ((1 - t) f_k(j) + t f_k(j + half))
// evaluated at t = 0..D, which determines it (degree D).
//
// product_round_folding first binds the pending challenges (one or two) and then evaluates, in
// one pass, optionally storing the folded tables: a prover reads its inputs again for round 2
// instead of writing half-size extension tables, and stores quarter-size tables in round 3; from
// then on each round folds in place and evaluates in the same pass.
#pragma once

#include <Kokkos_Core.hpp>
#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "kernels/mle/mle.hpp"
#include "kernels/mle/team_sums.hpp"

namespace kprove {

constexpr int MAX_PRODUCT_FACTORS = 5;

namespace detail {

template <int D, class View>
struct StoredPairs {
  using value_type = std::remove_const_t<typename View::value_type>;
  View f[D];
  std::size_t half;
  KOKKOS_INLINE_FUNCTION void load(std::size_t j, value_type (&lo)[D],
                                   value_type (&diff)[D]) const {
    for (int k = 0; k < D; ++k) {
      lo[k] = f[k](j);
      diff[k] = f[k](j + half) - lo[k];
    }
  }
};

// Pairs of the table obtained by binding L pending challenges r[0..L) in prev (2^L * 2 half
// entries): entry i of the result combines prev(i + b m), b < 2^L, m = 2 half. With STORE the
// pairs are also written to out (which may alias prev when L == 1: index j then reads
// prev(j), prev(j + half), prev(j + m), prev(j + half + m) and writes only j, j + half).
template <int D, int L, bool STORE, class E, class PrevView, class OutView>
struct FoldedPairs {
  using value_type = E;
  static constexpr int W = 1 << (L - 1);  // values left after the first fold
  PrevView prev[D];
  OutView out[D];
  E r[L];
  std::size_t half;  // of the folded table

  KOKKOS_INLINE_FUNCTION E fold_at(const PrevView& p, std::size_t i) const {
    const std::size_t m = 2 * half;
    E v[W];
    for (int b = 0; b < W; ++b) {  // first fold in the input's own type (a base diff is cheaper)
      const auto lo = p(i + b * m), hi = p(i + (b + W) * m);
      v[b] = E(lo) + r[0] * (hi - lo);
    }
    for (int l = 1; l < L; ++l)
      for (int b = 0; b < (W >> l); ++b) v[b] = v[b] + r[l] * (v[b + (W >> l)] - v[b]);
    return v[0];
  }

  KOKKOS_INLINE_FUNCTION void load(std::size_t j, E (&lo)[D], E (&diff)[D]) const {
    for (int k = 0; k < D; ++k) {
      const E a = fold_at(prev[k], j);
      const E b = fold_at(prev[k], j + half);
      if (STORE) {
        out[k](j) = a;
        out[k](j + half) = b;
      }
      lo[k] = a;
      diff[k] = b - a;
    }
  }
};

// Walks t = 0, 1, 2, ... by adding diff, so t = 1 gives the upper entries exactly.
template <int D, class E, class Pairs>
struct ProductRoundTerms {
  Pairs pairs;
  template <int K>
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t j, E (&acc)[K]) const {
    using V = typename Pairs::value_type;
    V cur[D], diff[D];
    pairs.load(j, cur, diff);
    for (int t = 0; t < K; ++t) {
      V p = cur[0];
      for (int k = 1; k < D; ++k) p = p * cur[k];
      acc[t] += E(p);
      for (int k = 0; k < D; ++k) cur[k] = cur[k] + diff[k];
    }
  }
};

template <class Views>
std::size_t common_size(const Views& views, const char* what) {
  const std::size_t n = views[0].extent(0);
  for (const auto& f : views)
    if (f.extent(0) != n)
      throw std::invalid_argument(std::string(what) + ": factors have different sizes");
  if (mle_num_vars(n, what) == 0)
    throw std::invalid_argument(std::string(what) + ": factors have no variables");
  return n;
}

}  // namespace detail

// g(0..D) for the product of the tables f (same power-of-two size >= 2, entries in E or its
// base field).
template <int D, class Exec, class E, class View>
std::array<E, D + 1> product_round(TeamSums<Exec, E>& sums, const std::array<View, D>& f) {
  static_assert(D >= 1 && D <= MAX_PRODUCT_FACTORS);
  const std::size_t half = detail::common_size(f, "product_round") / 2;
  detail::StoredPairs<D, View> pairs{};
  for (int k = 0; k < D; ++k) pairs.f[k] = f[k];
  pairs.half = half;
  using Terms = detail::ProductRoundTerms<D, E, detail::StoredPairs<D, View>>;
  return sums.template run<D + 1>(half, Terms{pairs});
}

// Binds the L pending challenges r in prev (n entries, in E or its base field) and returns
// g(0..D) of the round on the resulting tables (n / 2^L entries, >= 2); with STORE those
// tables are also written to out (E, >= n / 2^L entries each, may alias prev when L == 1).
template <int D, int L, bool STORE, class Exec, class E, class PrevView, class OutView>
std::array<E, D + 1> product_round_folding(TeamSums<Exec, E>& sums,
                                           const std::array<PrevView, D>& prev,
                                           const std::array<E, L>& r,
                                           const std::array<OutView, D>& out) {
  static_assert(D >= 1 && D <= MAX_PRODUCT_FACTORS && L >= 1 && L <= 2);
  const std::size_t n = detail::common_size(prev, "product_round_folding");
  const std::size_t m = n >> L;
  if (m < 2) throw std::invalid_argument("product_round_folding: tables too small to fold");
  if (STORE)
    for (const auto& o : out)
      if (o.extent(0) < m)
        throw std::invalid_argument("product_round_folding: output table too small");
  detail::FoldedPairs<D, L, STORE, E, PrevView, OutView> pairs{};
  for (int k = 0; k < D; ++k) {
    pairs.prev[k] = prev[k];
    pairs.out[k] = out[k];
  }
  for (int l = 0; l < L; ++l) pairs.r[l] = r[l];
  pairs.half = m / 2;
  using Terms = detail::ProductRoundTerms<D, E, decltype(pairs)>;
  return sums.template run<D + 1>(m / 2, Terms{pairs});
}

}  // namespace kprove
