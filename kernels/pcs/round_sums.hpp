// Sumcheck round messages of the two Basefold sumchecks, for the variable bound next
// (variable 0 of the tables, see tables.hpp). `sums` needs max_k >= 3.
#pragma once

#include <array>
#include <stdexcept>

#include "kernels/mle/team_sums.hpp"
#include "kernels/pcs/tables.hpp"

namespace kprove::pcs {

namespace detail {
template <class Mem, class E>
struct ProductRoundTerm {
  Mat<E, Mem> a, q;
  std::size_t log_half;
  template <int K>
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t idx, E (&acc)[K]) const {
    const std::size_t r = idx >> log_half, k = idx & ((std::size_t(1) << log_half) - 1);
    const E a0 = a(r, 2 * k), a1 = a(r, 2 * k + 1), q0 = q(r, 2 * k), q1 = q(r, 2 * k + 1);
    acc[0] += q0 * a0;
    acc[1] += q1 * a1;
    acc[2] += (q1 + q1 - q0) * (a1 + a1 - a0);  // both lines extended to X = 2
  }
};

template <class Mem, class E>
struct WeightedHalvesTerm {
  Mat<E, Mem> g, e;
  template <int K>
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t k, E (&acc)[K]) const {
    acc[0] += e(0, k) * g(0, 2 * k);
    acc[1] += e(0, k) * g(0, 2 * k + 1);
  }
};
}  // namespace detail

// h(X) = sum_r sum_x q(r, (X, x)) a(r, (X, x)) at X = 0, 1, 2: the degree-2 round polynomial
// of sum_r sum_x eq_r(x) f_r(x), each row's eq table q(r, .) multiplying its MLE a(r, .).
template <class Exec, class Mem, class E>
std::array<E, 3> product_round(TeamSums<Exec, E>& sums, const Mat<E, Mem>& a,
                               const Mat<E, Mem>& q) {
  if (a.extent(0) != q.extent(0) || a.extent(1) != q.extent(1) || a.extent(1) < 2)
    throw std::invalid_argument("product_round: tables must match and have a variable left");
  const std::size_t log_half = log2_exact(a.extent(1) / 2, "product_round");
  return sums.template run<3>(a.extent(0) << log_half,
                              detail::ProductRoundTerm<Mem, E>{a, q, log_half});
}

// L(b) = sum_x e(0, x) g(0, (b, x)) for b = 0, 1: row 0 of g with variable 0 fixed to b,
// weighted by the one-row table e over the remaining variables.
template <class Exec, class Mem, class E>
std::array<E, 2> weighted_halves(TeamSums<Exec, E>& sums, const Mat<E, Mem>& g,
                                 const Mat<E, Mem>& e) {
  if (g.extent(0) < 1 || e.extent(0) < 1 || g.extent(1) != 2 * e.extent(1))
    throw std::invalid_argument("weighted_halves: g must have twice the entries of e");
  return sums.template run<2>(e.extent(1), detail::WeightedHalvesTerm<Mem, E>{g, e});
}

}  // namespace kprove::pcs
