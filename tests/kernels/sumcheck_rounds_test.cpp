// The sumcheck round kernels against brute-force sums on the host, for both fields on every
// backend: product rounds (stored and with one or two pending challenges bound on the fly)
// and expression rounds (with and without an eq factor, all points or all but t = 1).
#include <gtest/gtest.h>

#include "kernels/sumcheck/expr_round.hpp"
#include "kernels/sumcheck/product_round.hpp"
#include "support/fields.hpp"
#include "support/mle_reference.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

// Sizes 2 to past the team-sum thread count (strided accumulation).
constexpr std::size_t kSizes[] = {2, 8, 1u << 13};

template <int D, class Exec, class Mem, class V, class E>
void check_product_round(test::Rng& rng, TeamSums<Exec, E>& sums) {
  for (std::size_t n : kSizes) {
    std::vector<std::vector<V>> host;
    std::array<Kokkos::View<V*, Mem>, D> dev;
    for (int k = 0; k < D; ++k) {
      host.push_back(rng.values<V>(n));
      dev[k] = test::to_device<V, Mem>(host.back());
    }
    const auto got = product_round<D>(sums, dev);
    EXPECT_EQ(std::vector<E>(got.begin(), got.end()), test::ref_product_round(host))
        << "D=" << D << " n=" << n;
  }
}

// Binding L pending challenges inside the round equals folding first, then the round.
template <int D, int L, bool STORE, class Exec, class Mem, class V, class E>
void check_product_round_folding(test::Rng& rng, TeamSums<Exec, E>& sums) {
  for (std::size_t n : kSizes) {
    if ((n >> L) < 2) continue;
    std::array<E, L> r;
    for (auto& x : r) x = rng.extension<E>();
    std::vector<std::vector<E>> folded;
    std::array<Kokkos::View<V*, Mem>, D> prev;
    std::array<Kokkos::View<E*, Mem>, D> out;
    for (int k = 0; k < D; ++k) {
      const std::vector<V> f = rng.values<V>(n);
      prev[k] = test::to_device<V, Mem>(f);
      if (STORE) out[k] = Kokkos::View<E*, Mem>("out", n >> L);
      std::vector<E> cur = test::ref_fold(f, r[0]);
      if (L == 2) cur = test::ref_fold(cur, r[1]);
      folded.push_back(cur);
    }
    const auto got = product_round_folding<D, L, STORE>(sums, prev, r, out);
    EXPECT_EQ(std::vector<E>(got.begin(), got.end()), test::ref_product_round(folded))
        << "D=" << D << " L=" << L << " n=" << n;
    if (STORE)
      for (int k = 0; k < D; ++k) EXPECT_EQ(test::to_host(out[k]), folded[k]) << k;
  }
}

KPROVE_FIELD_SUITE(SumcheckRoundsTest);

TYPED_TEST(SumcheckRoundsTest, ProductRoundMatchesBruteForce) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  TeamSums<Exec, E> sums(Exec(), ledger, MAX_PRODUCT_FACTORS + 1);
  check_product_round<1, Exec, Mem, F>(rng, sums);
  check_product_round<2, Exec, Mem, E>(rng, sums);
  check_product_round<3, Exec, Mem, F>(rng, sums);
  check_product_round<MAX_PRODUCT_FACTORS, Exec, Mem, E>(rng, sums);
}

TYPED_TEST(SumcheckRoundsTest, ProductRoundFoldingMatchesFoldThenRound) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  TeamSums<Exec, E> sums(Exec(), ledger, MAX_PRODUCT_FACTORS + 1);
  check_product_round_folding<2, 1, false, Exec, Mem, F>(rng, sums);
  check_product_round_folding<2, 1, true, Exec, Mem, E>(rng, sums);
  check_product_round_folding<3, 2, true, Exec, Mem, F>(rng, sums);
  check_product_round_folding<1, 2, false, Exec, Mem, E>(rng, sums);
}

// h(t) = sum_j [eq(j)] sum_k c_k C_k(row_j + t (row_{j+half} - row_j)) straight from the
// expression trees.
template <class E, class V, class B>
std::vector<E> ref_expr_round(const std::vector<ExprOf<B>>& exprs, const std::vector<E>& coefs,
                              const std::vector<E>& eq, const std::vector<V>& flat,
                              std::size_t cols, int npts) {
  const std::size_t half = flat.size() / cols / 2;
  std::vector<E> h(std::size_t(npts), E::zero());
  std::vector<V> row(cols);
  for (int t = 0; t < npts; ++t)
    for (std::size_t j = 0; j < half; ++j) {
      for (std::size_t c = 0; c < cols; ++c) {
        const V lo = flat[j * cols + c], hi = flat[(j + half) * cols + c];
        row[c] = lo + (hi - lo) * B::from_u64(uint64_t(t));
      }
      E sum = E::zero();
      for (std::size_t k = 0; k < exprs.size(); ++k)
        sum += coefs[k] * exprs[k].evaluate(std::span<const V>(row));
      h[std::size_t(t)] += (eq.empty() ? E::one() : eq[j]) * sum;
    }
  return h;
}

template <class Exec, class Mem, class V, class E, class B>
void check_expr_round(test::Rng& rng, TeamSums<Exec, E>& sums, const std::vector<ExprOf<B>>& exprs,
                      std::size_t cols) {
  MemoryLedger ledger;
  const auto program = ExprProgram<Mem, B>::compile(Exec(), exprs, ledger);
  const auto coefs = rng.extensions<E>(exprs.size());
  const Kokkos::View<const E*, Mem> dcoefs = test::to_device<E, Mem>(coefs);
  for (std::size_t rows : kSizes)
    for (bool with_eq : {false, true})
      for (auto which : {ExprRoundPoints::all, ExprRoundPoints::all_but_one}) {
        const std::vector<V> flat = rng.values<V>(rows * cols);
        const auto eq = with_eq ? rng.extensions<E>(rows / 2) : std::vector<E>();
        const Kokkos::View<const E*, Mem> deq = test::to_device<E, Mem>(eq);
        const int npts = program.degree() + 2;
        const auto got =
            expr_round(sums, test::to_device_table<V, Mem>(flat, rows, cols), program.view(),
                       dcoefs, deq, npts, which);
        auto want = ref_expr_round(exprs, coefs, eq, flat, cols, npts);
        if (which == ExprRoundPoints::all_but_one) want[1] = E::zero();
        want.resize(MAX_EXPR_POINTS, E::zero());
        EXPECT_EQ(std::vector<E>(got.begin(), got.end()), want)
            << "rows=" << rows << " eq=" << with_eq << " all_but_one="
            << (which == ExprRoundPoints::all_but_one);
      }
}

TYPED_TEST(SumcheckRoundsTest, ExprRoundMatchesBruteForce) {
  KPROVE_FIELD_TYPES;
  using X = ExprOf<F>;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  TeamSums<Exec, E> sums(Exec(), ledger, MAX_EXPR_POINTS);
  const X a = X::col(0), b = X::col(1), c = X::col(2);
  const X k = X::constant(rng.element<F>());
  const std::vector<X> exprs{a * b - c, k * a * a * b + c - k, (a - k) * (b + c) * c, b};
  check_expr_round<Exec, Mem, F>(rng, sums, exprs, 3);
  check_expr_round<Exec, Mem, E>(rng, sums, exprs, 3);
}

TYPED_TEST(SumcheckRoundsTest, RoundsRejectBadShapes) {
  KPROVE_FIELD_TYPES;
  MemoryLedger ledger;
  TeamSums<Exec, E> sums(Exec(), ledger, MAX_EXPR_POINTS);
  std::array<Kokkos::View<E*, Mem>, 2> uneven{Kokkos::View<E*, Mem>("a", 4),
                                              Kokkos::View<E*, Mem>("b", 8)};
  EXPECT_THROW(product_round<2>(sums, uneven), std::invalid_argument);
  std::array<Kokkos::View<E*, Mem>, 1> one{Kokkos::View<E*, Mem>("one", 1)};
  EXPECT_THROW(product_round<1>(sums, one), std::invalid_argument);
  std::array<Kokkos::View<E*, Mem>, 1> two{Kokkos::View<E*, Mem>("two", 2)};
  EXPECT_THROW((product_round_folding<1, 1, false>(sums, two, std::array<E, 1>{E::one()}, two)),
               std::invalid_argument);

  const auto program = ExprProgram<Mem, F>::compile(Exec(), {ExprOf<F>::col(0)}, ledger);
  const Kokkos::View<const E*, Mem> coefs = test::to_device<E, Mem>({E::one()});
  const Kokkos::View<const E*, Mem> no_eq, bad_eq = Kokkos::View<E*, Mem>("eq", 3);
  const Kokkos::View<E**, Kokkos::LayoutRight, Mem> table("t", 8, 1);
  EXPECT_THROW(expr_round(sums, table, program.view(), coefs, bad_eq, 2), std::invalid_argument);
  EXPECT_THROW(expr_round(sums, table, program.view(), coefs, no_eq, MAX_EXPR_POINTS + 1),
               std::invalid_argument);
  EXPECT_THROW(expr_round(sums, table, program.view(), coefs, no_eq, 1,
                          ExprRoundPoints::all_but_one),
               std::invalid_argument);
}

}  // namespace
}  // namespace kprove
