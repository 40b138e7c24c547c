// Multilinear extensions (MLEs) stored as their evaluations over the boolean hypercube.
//
// Convention used by every kprove MLE kernel, the sumcheck prover and its verifier:
//   an MLE f in v variables is a View of 2^v entries, f(x_1, ..., x_v) = view(i) with
//   i = x_1 * 2^(v-1) + x_2 * 2^(v-2) + ... + x_v   (x_1 is the MOST significant bit).
// "Fixing the first variable" binds x_1, pairing the two contiguous halves of the View
// (entry i with entry i + half), so both reads and the write are coalesced:
//   f'(i) = f(i) + r * (f(i + half) - f(i)),   i < half.
// A point (r_1, ..., r_v) lists coordinates in the same order: r_1 binds x_1. Entries may be
// base-field (F) or extension (E) values; challenges and folded values are E, the output's
// value type, so one kernel serves every field (kernels/field/traits.hpp).
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <stdexcept>
#include <string>

#include "kernels/bits/bits.hpp"

namespace kprove {

// Number of variables of an MLE with n entries; throws unless n is a power of two >= 1.
inline int mle_num_vars(std::size_t n, const char* what) {
  if (!is_pow2(n))
    throw std::invalid_argument(std::string(what) + ": MLE size " + std::to_string(n) +
                                " is not a power of two");
  return log2_floor(n);
}

namespace detail {

template <class InView, class OutView>
struct FoldFirstVariable {
  using E = typename OutView::non_const_value_type;
  InView in;
  OutView out;
  E r;
  std::size_t half;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    const auto lo = in(i);
    const auto hi = in(i + half);
    out(i) = E(lo) + r * (hi - lo);
  }
};

// The same fold on every column of a row-major table (rows are hypercube points).
template <class InView, class OutView>
struct FoldFirstVariableRows {
  using E = typename OutView::non_const_value_type;
  InView in;
  OutView out;
  E r;
  std::size_t half, cols;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t idx) const {
    const std::size_t i = idx / cols, c = idx % cols;
    const auto lo = in(i, c);
    const auto hi = in(i + half, c);
    out(i, c) = E(lo) + r * (hi - lo);
  }
};

// Horner: sum_k alpha^k table(i, k) = t_0 + alpha (t_1 + alpha (t_2 + ...)).
template <class TableView, class OutView>
struct CombineColumns {
  using E = typename OutView::non_const_value_type;
  TableView table;
  OutView out;
  E alpha;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    const std::size_t k = table.extent(1);
    E acc = E::zero();
    for (std::size_t c = k; c-- > 0;) acc = acc * alpha + E(table(i, c));
    out(i) = acc;
  }
};

}  // namespace detail

// out(i) = in(i) + r (in(i + half) - in(i)) for i < half = in.extent(0) / 2. `in` holds F or
// E; `out` holds E, has at least half entries and may be `in` itself (each index reads and
// writes only its own i and i + half).
template <class Exec, class InView, class OutView>
void fix_first_variable(const Exec& exec, const InView& in,
                        typename OutView::non_const_value_type r, const OutView& out) {
  const int v = mle_num_vars(in.extent(0), "fix_first_variable");
  if (v == 0) throw std::invalid_argument("fix_first_variable: MLE has no variables");
  const std::size_t half = in.extent(0) / 2;
  if (out.extent(0) < half)
    throw std::invalid_argument("fix_first_variable: output has " + std::to_string(out.extent(0)) +
                                " entries, needs " + std::to_string(half));
  Kokkos::parallel_for("kprove::fix_first_variable", Kokkos::RangePolicy<Exec>(exec, 0, half),
                       detail::FoldFirstVariable<InView, OutView>{in, out, r, half});
}

// Folds an E MLE in place and returns the first half, the folded MLE.
template <class Exec, class View>
View fix_first_variable_in_place(const Exec& exec, const View& f,
                                 typename View::non_const_value_type r) {
  fix_first_variable(exec, f, r, f);
  return Kokkos::subview(f, Kokkos::make_pair(std::size_t(0), f.extent(0) / 2));
}

// Folds every column of a row-major table (in: rows x cols, out: >= rows/2 x cols E); `out`
// may be `in` itself.
template <class Exec, class InView, class OutView>
void fix_first_variable_rows(const Exec& exec, const InView& in,
                             typename OutView::non_const_value_type r, const OutView& out) {
  const int v = mle_num_vars(in.extent(0), "fix_first_variable_rows");
  if (v == 0) throw std::invalid_argument("fix_first_variable_rows: MLE has no variables");
  const std::size_t half = in.extent(0) / 2, cols = in.extent(1);
  if (out.extent(0) < half || out.extent(1) != cols)
    throw std::invalid_argument("fix_first_variable_rows: output shape does not match");
  Kokkos::parallel_for("kprove::fix_first_variable_rows",
                       Kokkos::RangePolicy<Exec>(exec, 0, half * cols),
                       detail::FoldFirstVariableRows<InView, OutView>{in, out, r, half, cols});
}

// Random linear combination of the MLEs in the columns of `table` (rows x k, any layout, F or
// E): out(i) = sum_k alpha^k table(i, k).
template <class Exec, class TableView, class OutView>
void combine_columns(const Exec& exec, const TableView& table,
                     typename OutView::non_const_value_type alpha, const OutView& out) {
  if (out.extent(0) != table.extent(0))
    throw std::invalid_argument("combine_columns: output has " + std::to_string(out.extent(0)) +
                                " entries, table has " + std::to_string(table.extent(0)) + " rows");
  Kokkos::parallel_for("kprove::combine_columns",
                       Kokkos::RangePolicy<Exec>(exec, 0, table.extent(0)),
                       detail::CombineColumns<TableView, OutView>{table, out, alpha});
}

}  // namespace kprove
