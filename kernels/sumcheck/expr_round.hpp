// Device side of an expression sumcheck round. For a row-major table of column MLEs (2 half
// rows, Felt or Ext), compiled constraints C_0..C_{n-1} and Ext coefficients c_0..c_{n-1}
// (powers of a batching challenge, or any Ext weights such as LogUp challenges):
//   h(t) = sum_{j < half} [eq(j)] * sum_k c_k C_k(row_j + t (row_{j+half} - row_j))
// at t = 0..npts-1, with the optional eq factor an Ext table of half entries (zerocheck).
// Each constraint is interpreted once per (row pair, t); columns are re-read from memory rather
// than cached, since traces have far more columns than registers.
#pragma once

#include <Kokkos_Core.hpp>
#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "kernels/expr/program.hpp"
#include "kernels/mle/mle.hpp"
#include "kernels/mle/team_sums.hpp"

namespace kprove {

constexpr int MAX_EXPR_POINTS = 8;  // so constraint degree <= 7

namespace detail {

template <class Table>
struct LerpColumns {
  using F = std::remove_const_t<typename Table::value_type>;
  Table table;
  std::size_t lo, hi;
  Felt t;
  int point;  // 0, 1, or >= 2 for the general line point t
  KOKKOS_INLINE_FUNCTION F operator()(uint32_t c) const {
    const F a = table(lo, c);
    if (point == 0) return a;
    const F b = table(hi, c);
    if (point == 1) return b;
    return a + t * (b - a);
  }
};

template <class Table, class Mem>
struct ExprRoundTerms {
  using F = std::remove_const_t<typename Table::value_type>;
  Table table;
  std::size_t half;
  ExprProgramView<Mem> program;
  Kokkos::View<const Ext*, Mem> coefs;  // one per program
  Kokkos::View<const Ext*, Mem> eq;     // empty: no eq factor
  int npts;
  template <int K>
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t j, Ext (&acc)[K]) const {
    const std::size_t n = program.size();
    const Ext weight = eq.extent(0) > 0 ? eq(j) : Ext::one();
    for (int t = 0; t < npts && t < K; ++t) {
      const LerpColumns<Table> cols{table, j, j + half, Felt::from_u64(uint64_t(t)), t};
      Ext v = Ext::zero();  // C_k stays in F: Ext * Felt is the cheap mixed product
      for (std::size_t k = 0; k < n; ++k) v += coefs(k) * program.template eval<F>(k, cols);
      acc[t] += weight * v;
    }
  }
};

}  // namespace detail

// h(0..npts-1) as above (entries past npts are zero). table: rows x cols with rows a power of
// two >= 2 and cols >= the program's num_columns(); coefs: one per program; eq: empty or
// rows/2 entries.
template <class Exec, class Table, class Mem>
std::array<Ext, MAX_EXPR_POINTS> expr_round(TeamSums<Exec>& sums, const Table& table,
                                            const ExprProgramView<Mem>& program,
                                            const Kokkos::View<const Ext*, Mem>& coefs,
                                            const Kokkos::View<const Ext*, Mem>& eq, int npts) {
  if (npts < 1 || npts > MAX_EXPR_POINTS)
    throw std::invalid_argument("expr_round: " + std::to_string(npts) +
                                " points requested, supported 1.." +
                                std::to_string(MAX_EXPR_POINTS));
  if (mle_num_vars(table.extent(0), "expr_round") == 0)
    throw std::invalid_argument("expr_round: table has no variables");
  const std::size_t half = table.extent(0) / 2;
  if (eq.extent(0) != 0 && eq.extent(0) != half)
    throw std::invalid_argument("expr_round: eq table has " + std::to_string(eq.extent(0)) +
                                " entries, expected " + std::to_string(half));
  if (coefs.extent(0) != program.size())
    throw std::invalid_argument("expr_round: " + std::to_string(coefs.extent(0)) +
                                " coefficients for " + std::to_string(program.size()) +
                                " programs");
  using Terms = detail::ExprRoundTerms<Table, Mem>;
  return sums.template run<MAX_EXPR_POINTS>(half, Terms{table, half, program, coefs, eq, npts});
}

}  // namespace kprove
