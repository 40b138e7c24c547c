// Multilinear tables for the Basefold sumchecks. A table row holds one MLE's 2^v evaluations
// over the hypercube with variable j = bit j of the index (the reverse of kernels/mle's
// order); several MLEs of one size share a matrix so one launch serves them all. Variable 0
// (the lowest bit) is always bound first, matching the codeword fold (fold.hpp).
#pragma once

#include <Kokkos_Core.hpp>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "kernels/bits/bits.hpp"
#include "kernels/mle/eq.hpp"
#include "views/owned.hpp"

namespace kprove::pcs {

namespace detail {
template <class Mem, class E>
struct FoldTables {
  Mat<E, Mem> in, out;
  E u;
  std::size_t log_half;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t idx) const {
    const std::size_t r = idx >> log_half, i = idx & ((std::size_t(1) << log_half) - 1);
    const E lo = in(r, 2 * i), hi = in(r, 2 * i + 1);
    out(r, i) = lo + u * (hi - lo);
  }
};

template <class Mem, class E, class OutView>
struct CombineTableRows {
  Mat<E, Mem> tables;
  Vec<E, Mem> coef;
  OutView out;
  bool accumulate;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    E acc = accumulate ? out(i) : E::zero();
    for (std::size_t r = 0; r < tables.extent(0); ++r) acc += coef(r) * tables(r, i);
    out(i) = acc;
  }
};

}  // namespace detail

// out(x) = eq(z, x) = prod_j (x_j ? z_j : 1 - z_j) with x_j = bit j of x. kernels/mle orders
// variables most significant bit first, so its eq_table gets z reversed.
template <class Exec, class View, class E>
void eq_table_lsb_first(const Exec& exec, const std::vector<E>& z, const View& out) {
  const std::vector<E> msb_first(z.rbegin(), z.rend());
  eq_table(exec, std::span<const E>(msb_first), out);
}

// Binds variable 0 of every row to u: out(r, i) = in(r, 2i) + u (in(r, 2i+1) - in(r, 2i)).
template <class Exec, class Mem, class E>
void fold_tables(const Exec& exec, const Mat<E, Mem>& in, const Mat<E, Mem>& out,
                 std::type_identity_t<E> u) {
  const std::size_t log_half = log2_exact(out.extent(1), "fold_tables");
  if (in.extent(0) != out.extent(0) || in.extent(1) != 2 * out.extent(1))
    throw std::invalid_argument("fold_tables: input must have twice the output's columns");
  Kokkos::parallel_for("kprove::pcs::fold_tables",
                       Kokkos::RangePolicy<Exec>(exec, 0, out.extent(0) << log_half),
                       detail::FoldTables<Mem, E>{in, out, u, log_half});
}

// out(i) (+)= sum_r coef(r) * tables(r, i); OutView: any rank-1 E view in Mem.
template <class Exec, class Mem, class E, class OutView>
void combine_table_rows(const Exec& exec, const Mat<E, Mem>& tables, const Vec<E, Mem>& coef,
                        const OutView& out, bool accumulate) {
  if (coef.extent(0) != tables.extent(0) || out.extent(0) != tables.extent(1))
    throw std::invalid_argument("combine_table_rows: shapes do not match");
  Kokkos::parallel_for("kprove::pcs::combine_table_rows",
                       Kokkos::RangePolicy<Exec>(exec, 0, out.extent(0)),
                       detail::CombineTableRows<Mem, E, OutView>{tables, coef, out, accumulate});
}

}  // namespace kprove::pcs
