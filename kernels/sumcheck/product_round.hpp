// Device side of a product sumcheck round: for tables f_1..f_D (2 * half entries each, the
// current MLEs, kernels/mle/mle.hpp order) the round polynomial
//   g(t) = sum_{j < half} prod_k ((1 - t) f_k(j) + t f_k(j + half))
// evaluated at t = 0..D, which determines it (degree D).
//
// product_round_after_fold first binds the previous round's challenge r and then evaluates,
// in one pass: index j reads prev(j), prev(j + 2 half), prev(j + half), prev(j + 3 half),
// writes the folded entries j and j + half, and uses them right away. In-place folding is
// race-free because those four positions belong to j alone.
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

template <int D, class PrevView, class OutView>
struct FoldedPairs {
  using value_type = Ext;
  PrevView prev[D];
  OutView out[D];
  Ext r;
  std::size_t half;  // of the folded table
  KOKKOS_INLINE_FUNCTION void load(std::size_t j, Ext (&lo)[D], Ext (&diff)[D]) const {
    const std::size_t m = 2 * half;
    for (int k = 0; k < D; ++k) {
      const auto p0 = prev[k](j), p1 = prev[k](j + m);
      const auto q0 = prev[k](j + half), q1 = prev[k](j + half + m);
      const Ext a = Ext(p0) + r * (p1 - p0);
      const Ext b = Ext(q0) + r * (q1 - q0);
      out[k](j) = a;
      out[k](j + half) = b;
      lo[k] = a;
      diff[k] = b - a;
    }
  }
};

// Walks t = 0, 1, 2, ... by adding diff, so t = 1 gives the upper entries exactly.
template <int D, class Pairs>
struct ProductRoundTerms {
  Pairs pairs;
  template <int K>
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t j, Ext (&acc)[K]) const {
    using V = typename Pairs::value_type;
    V cur[D], diff[D];
    pairs.load(j, cur, diff);
    for (int t = 0; t < K; ++t) {
      V p = cur[0];
      for (int k = 1; k < D; ++k) p = p * cur[k];
      acc[t] += Ext(p);
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

// g(0..D) for the product of the tables f (same power-of-two size >= 2, Felt or Ext).
template <int D, class Exec, class View>
std::array<Ext, D + 1> product_round(TeamSums<Exec>& sums, const std::array<View, D>& f) {
  static_assert(D >= 1 && D <= MAX_PRODUCT_FACTORS);
  const std::size_t half = detail::common_size(f, "product_round") / 2;
  detail::StoredPairs<D, View> pairs{};
  for (int k = 0; k < D; ++k) pairs.f[k] = f[k];
  pairs.half = half;
  using Terms = detail::ProductRoundTerms<D, detail::StoredPairs<D, View>>;
  return sums.template run<D + 1>(half, Terms{pairs});
}

// Binds r in prev (n entries, Felt or Ext) into out (n/2 entries, Ext, may alias prev), and
// returns g(0..D) of the next round on the folded tables. Needs n >= 4.
template <int D, class Exec, class PrevView, class OutView>
std::array<Ext, D + 1> product_round_after_fold(TeamSums<Exec>& sums,
                                                const std::array<PrevView, D>& prev, Ext r,
                                                const std::array<OutView, D>& out) {
  static_assert(D >= 1 && D <= MAX_PRODUCT_FACTORS);
  const std::size_t n = detail::common_size(prev, "product_round_after_fold");
  if (n < 4) throw std::invalid_argument("product_round_after_fold: tables need >= 2 variables");
  for (const auto& o : out)
    if (o.extent(0) < n / 2)
      throw std::invalid_argument("product_round_after_fold: output table too small");
  detail::FoldedPairs<D, PrevView, OutView> pairs{};
  for (int k = 0; k < D; ++k) {
    pairs.prev[k] = prev[k];
    pairs.out[k] = out[k];
  }
  pairs.r = r;
  pairs.half = n / 4;
  using Terms = detail::ProductRoundTerms<D, detail::FoldedPairs<D, PrevView, OutView>>;
  return sums.template run<D + 1>(n / 4, Terms{pairs});
}

}  // namespace kprove
