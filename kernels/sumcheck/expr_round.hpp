// Device side of an expression sumcheck round. For a row-major table of column MLEs (2 half
// rows, entries in the base field B or its extension E), compiled constraints C_0..C_{n-1}
// over B and coefficients c_0..c_{n-1} in E (powers of a batching challenge, or any weights
// such as LogUp challenges):
//   h(t) = sum_{j < half} [eq(j)] * sum_k c_k C_k(row_j + t (row_{j+half} - row_j))
// at t = 0..npts-1, or at every one of them but t = 1 (a caller that knows the round's claim
// derives h(1) from h(0)), with the optional eq factor an E table of half entries
// (zerocheck). Each constraint is interpreted once per row pair for all points together: the
// interpreter's values are the N points of the line, so the op decoding and the column reads
// are shared by the points, and the line's points cost one addition each.
#pragma once

#include <Kokkos_Core.hpp>
#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "kernels/dispatch/with_constant.hpp"
#include "kernels/expr/program.hpp"
#include "kernels/mle/mle.hpp"
#include "kernels/mle/team_sums.hpp"

namespace kprove {

constexpr int MAX_EXPR_POINTS = 8;  // so constraint degree <= 7

// Which of t = 0..npts-1 expr_round evaluates h at.
enum class ExprRoundPoints { all, all_but_one };

namespace detail {

// Values (V: B or E) at N points of a line, operated on pointwise: the interpreter's value
// type; B is the constants' field.
template <class V, class B, int N>
struct LinePoints {
  V v[N];

  LinePoints() = default;
  KOKKOS_INLINE_FUNCTION explicit LinePoints(B c) {
    for (int i = 0; i < N; ++i) v[i] = V(c);
  }
  template <class Fn>
  KOKKOS_INLINE_FUNCTION static LinePoints map(const Fn& fn) {
    LinePoints r;
    for (int i = 0; i < N; ++i) r.v[i] = fn(i);
    return r;
  }
  KOKKOS_INLINE_FUNCTION friend LinePoints operator+(const LinePoints& a, const LinePoints& b) {
    return map([&](int i) { return a.v[i] + b.v[i]; });
  }
  KOKKOS_INLINE_FUNCTION friend LinePoints operator-(const LinePoints& a, const LinePoints& b) {
    return map([&](int i) { return a.v[i] - b.v[i]; });
  }
  KOKKOS_INLINE_FUNCTION friend LinePoints operator*(const LinePoints& a, const LinePoints& b) {
    return map([&](int i) { return a.v[i] * b.v[i]; });
  }
  KOKKOS_INLINE_FUNCTION friend LinePoints operator+(const LinePoints& a, B k) {
    return map([&](int i) { return a.v[i] + k; });
  }
  KOKKOS_INLINE_FUNCTION friend LinePoints operator-(const LinePoints& a, B k) {
    return map([&](int i) { return a.v[i] - k; });
  }
  KOKKOS_INLINE_FUNCTION friend LinePoints operator*(const LinePoints& a, B k) {
    return map([&](int i) { return a.v[i] * k; });
  }
  KOKKOS_INLINE_FUNCTION LinePoints operator-() const {
    return map([&](int i) { return -v[i]; });
  }
};

// Column c along the line from row lo (t = 0) to row hi (t = 1) at t = 0, first, first + 1,
// ..., first + N - 2 (first = 1 or 2).
template <class Table, class B, int N>
struct LineColumns {
  using V = std::remove_const_t<typename Table::value_type>;
  Table table;
  std::size_t lo, hi;
  int first;
  KOKKOS_INLINE_FUNCTION LinePoints<V, B, N> operator()(uint32_t c) const {
    LinePoints<V, B, N> out;
    const V a = table(lo, c);
    out.v[0] = a;
    if constexpr (N > 1) {
      const V b = table(hi, c), d = b - a;
      out.v[1] = first == 1 ? b : b + d;
      for (int i = 2; i < N; ++i) out.v[i] = out.v[i - 1] + d;
    }
    return out;
  }
};

template <class Table, class Mem, class B, class E, int N>
struct ExprRoundTerms {
  using V = std::remove_const_t<typename Table::value_type>;
  using Line = LinePoints<V, B, N>;
  Table table;
  std::size_t half;
  ExprProgramView<Mem, B> program;
  Kokkos::View<const E*, Mem> coefs;  // one per program
  Kokkos::View<const E*, Mem> eq;     // empty: no eq factor
  int first;
  template <int K>
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t j, E (&acc)[K]) const {
    static_assert(K == N);
    const std::size_t n = program.size();
    const LineColumns<Table, B, N> cols{table, j, j + half, first};
    E v[N];
    for (int i = 0; i < N; ++i) v[i] = E::zero();
    for (std::size_t k = 0; k < n; ++k) {
      // C_k stays in V: E * B is the cheap mixed product when the table is over B.
      const Line c = program.template eval<Line>(k, cols);
      const E coef = coefs(k);
      for (int i = 0; i < N; ++i) v[i] += coef * c.v[i];
    }
    const E weight = eq.extent(0) > 0 ? eq(j) : E::one();
    for (int i = 0; i < N; ++i) acc[i] += weight * v[i];
  }
};

}  // namespace detail

// h(0..npts-1) as above (entries past npts, and h(1) under all_but_one, are zero). table:
// rows x cols with rows a power of two >= 2 and cols >= the program's num_columns(); coefs:
// one per program; eq: empty or rows/2 entries; all_but_one needs npts >= 2.
template <class Exec, class Table, class Mem, class B, class E>
std::array<E, MAX_EXPR_POINTS> expr_round(TeamSums<Exec, E>& sums, const Table& table,
                                          const ExprProgramView<Mem, B>& program,
                                          const Kokkos::View<const E*, Mem>& coefs,
                                          const Kokkos::View<const E*, Mem>& eq, int npts,
                                          ExprRoundPoints which = ExprRoundPoints::all) {
  const bool skip_one = which == ExprRoundPoints::all_but_one;
  if (npts < 1 + int(skip_one) || npts > MAX_EXPR_POINTS)
    throw std::invalid_argument("expr_round: " + std::to_string(npts) +
                                " points requested, supported " + std::to_string(1 + skip_one) +
                                ".." + std::to_string(MAX_EXPR_POINTS));
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
  const int first = skip_one ? 2 : 1;
  return with_constant<1, MAX_EXPR_POINTS>(npts - int(skip_one), [&](auto n) {
    constexpr int N = decltype(n)::value;
    using Terms = detail::ExprRoundTerms<Table, Mem, B, E, N>;
    const auto sum = sums.template run<N>(half, Terms{table, half, program, coefs, eq, first});
    std::array<E, MAX_EXPR_POINTS> h;
    h.fill(E::zero());
    h[0] = sum[0];
    for (int i = 1; i < N; ++i) h[std::size_t(first + i - 1)] = sum[std::size_t(i)];
    return h;
  });
}

}  // namespace kprove
