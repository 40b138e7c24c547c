// f(r) for an MLE f (F or E entries) at a point over the extension E, in one pass over f.
//
// eq(r, i) factors over the high and low index bits, eq(r_hi, i >> L) * eq(r_lo, i & mask), so
// two tables of ~sqrt(2^v) entries replace the 2^v-entry eq table and f is read exactly once.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>

#include "kernels/mle/eq.hpp"
#include "kernels/mle/mle.hpp"
#include "kernels/mle/team_sums.hpp"
#include "views/owned.hpp"

namespace kprove {

namespace detail {

template <class FView, class EqView>
struct EvaluateTerms {
  using E = typename EqView::non_const_value_type;
  FView f;
  EqView eq_hi, eq_lo;
  int low_bits;
  template <int K>
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i, E (&acc)[K]) const {
    const std::size_t lo = i & ((std::size_t(1) << low_bits) - 1);
    acc[0] += eq_hi(i >> low_bits) * (eq_lo(lo) * f(i));
  }
};

}  // namespace detail

template <class Exec, class FView, class E>
E mle_evaluate(const Exec& exec, const FView& f, std::span<const E> point, MemoryLedger& ledger) {
  using Mem = typename Exec::memory_space;
  const int v = mle_num_vars(f.extent(0), "mle_evaluate");
  if (std::size_t(v) != point.size())
    throw std::invalid_argument("mle_evaluate: MLE has " + std::to_string(v) +
                                " variables, point has " + std::to_string(point.size()));
  const int low = v / 2, high = v - low;
  auto eq_hi = alloc_vec<E, Mem>(ledger, "mle_evaluate:eq_hi", std::size_t(1) << high);
  auto eq_lo = alloc_vec<E, Mem>(ledger, "mle_evaluate:eq_lo", std::size_t(1) << low);
  eq_table(exec, point.first(high), eq_hi.view());
  eq_table(exec, point.subspan(high), eq_lo.view());
  TeamSums<Exec, E> sums(exec, ledger, 1);
  using Terms = detail::EvaluateTerms<FView, Kokkos::View<E*, Mem>>;
  return sums.template run<1>(f.extent(0), Terms{f, eq_hi.view(), eq_lo.view(), low})[0];
}

}  // namespace kprove
