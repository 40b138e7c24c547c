// Expressions: degree bookkeeping, and compiled device evaluation against the host tree walk
// on random expressions and rows, for base-field and extension columns, for both fields on
// every backend.
#include <gtest/gtest.h>

#include "kernels/expr/program.hpp"
#include "support/fields.hpp"
#include "support/mle_reference.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

template <class V, class Mem>
struct RowColumns {
  Kokkos::View<const V**, Kokkos::LayoutRight, Mem> table;
  std::size_t row;
  KOKKOS_INLINE_FUNCTION V operator()(uint32_t c) const { return table(row, c); }
};

// out(i, k) = program k at row i.
template <class V, class B, class Mem>
struct EvalRows {
  ExprProgramView<Mem, B> program;
  Kokkos::View<const V**, Kokkos::LayoutRight, Mem> table;
  Kokkos::View<V**, Kokkos::LayoutRight, Mem> out;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    for (std::size_t k = 0; k < program.size(); ++k)
      out(i, k) = program.template eval<V>(k, RowColumns<V, Mem>{table, i});
  }
};

template <class F>
ExprOf<F> random_expr(test::Rng& rng, int depth, uint32_t cols) {
  const uint64_t pick = rng.u64() % (depth == 0 ? 2 : 7);
  switch (pick) {
    case 0:
      return ExprOf<F>::col(uint32_t(rng.u64() % cols));
    case 1:
      return ExprOf<F>::constant(rng.element<F>());
    case 2:
      return random_expr<F>(rng, depth - 1, cols) + random_expr<F>(rng, depth - 1, cols);
    case 3:
      return random_expr<F>(rng, depth - 1, cols) - random_expr<F>(rng, depth - 1, cols);
    case 4:
      return random_expr<F>(rng, depth - 1, cols) * random_expr<F>(rng, depth - 1, cols);
    case 5:
      return -random_expr<F>(rng, depth - 1, cols);
    default:
      return rng.element<F>() * random_expr<F>(rng, depth - 1, cols);
  }
}

template <class V, class B, class Exec, class Mem>
void check_against_host(const std::vector<ExprOf<B>>& exprs, const std::vector<V>& flat,
                        std::size_t rows, std::size_t cols) {
  MemoryLedger ledger;
  auto program = ExprProgram<Mem, B>::compile(Exec(), exprs, ledger);
  auto table = test::to_device_table<V, Mem>(flat, rows, cols);
  Kokkos::View<V**, Kokkos::LayoutRight, Mem> out("out", rows, exprs.size());
  Kokkos::parallel_for(Kokkos::RangePolicy<Exec>(Exec(), 0, rows),
                       EvalRows<V, B, Mem>{program.view(), table, out});
  auto got = test::to_host(out);
  for (std::size_t i = 0; i < rows; ++i) {
    std::span<const V> row(flat.data() + i * cols, cols);
    for (std::size_t k = 0; k < exprs.size(); ++k)
      ASSERT_EQ(got[i * exprs.size() + k], exprs[k].evaluate(row)) << "row " << i << " expr " << k;
  }
}

TEST(ExprTest, DegreeAndColumnsFollowTheTree) {
  const Expr a = Expr::col(0), b = Expr::col(3), c = Expr::col(7);
  EXPECT_EQ(Expr::constant(Felt::one()).degree(), 0);
  EXPECT_EQ(Expr().degree(), 0);
  EXPECT_EQ((a * b - c).degree(), 2);
  EXPECT_EQ((a * b * c + a).degree(), 3);
  EXPECT_EQ((-(a * a) * (Felt::from_u64(5) * b)).degree(), 3);
  EXPECT_EQ((a * b - c).max_column(), 7u);
  EXPECT_EQ(Expr::constant(Felt::one()).max_column(), 0u);
}

TEST(ExprTest, HostEvaluationFollowsTheOperators) {
  const std::vector<Felt> cols{Felt::from_u64(3), Felt::from_u64(5), Felt::from_u64(11)};
  const Expr e = Expr::col(2) - Expr::col(0) * Expr::col(1) + Felt::from_u64(2) * -Expr::col(0);
  EXPECT_EQ(e.evaluate(std::span<const Felt>(cols)),
            Felt::from_u64(11) - Felt::from_u64(15) - Felt::from_u64(6));
  EXPECT_THROW(Expr::col(3).evaluate(std::span<const Felt>(cols)), std::invalid_argument);
}

TEST(ExprTest, CompileRejectsBadInput) {
  MemoryLedger ledger;
  using Program = ExprProgram<Kokkos::HostSpace, Felt>;
  EXPECT_THROW(Program::compile(Kokkos::Serial(), {}, ledger), std::invalid_argument);
  auto error = [&](const Expr& e) {
    try {
      Program::compile(Kokkos::Serial(), {e}, ledger);
    } catch (const std::invalid_argument& ex) {
      return std::string(ex.what());
    }
    return std::string("no error");
  };
  // Squaring a shared node l times: a DAG of l + 1 nodes whose inlined code is a balanced
  // tree needing a stack of l + 1.
  Expr x = Expr::col(0);
  for (int l = 0; l < EXPR_MAX_STACK; ++l) x = x * x;
  EXPECT_NE(error(x).find("stack"), std::string::npos) << error(x);
  // A chain of 300 additions of a 2^14-op shared subtree: shallow but too long once inlined.
  Expr z = Expr::col(0);
  for (int l = 0; l < 13; ++l) z = z * z;
  Expr w = z;
  for (int i = 0; i < 300; ++i) w = w + z;
  EXPECT_NE(error(w).find("expands"), std::string::npos) << error(w);
  EXPECT_THROW(Program::compile(Kokkos::Serial(), {Expr::col(1u << 24)}, ledger),
               std::invalid_argument);
}

TEST(ExprTest, LongChainsNeedASmallStack) {
  MemoryLedger ledger;
  Expr left = Expr::col(0), right = Expr::col(0);
  for (uint32_t i = 1; i < 200; ++i) {
    left = left + Expr::col(i) * Expr::col(i);
    right = Expr::col(i) * Expr::col(i) - right;  // right-deep: compiled right operand first
  }
  auto p = ExprProgram<Kokkos::HostSpace, Felt>::compile(Kokkos::Serial(), {left, right}, ledger);
  EXPECT_LE(p.stack_depth(), 3);
  EXPECT_EQ(p.num_columns(), 200u);
  EXPECT_EQ(p.degree(), 2);
}

KPROVE_FIELD_SUITE(ExprProgramTest);

TYPED_TEST(ExprProgramTest, RandomExpressionsMatchHostOnBaseAndExtension) {
  KPROVE_FIELD_TYPES;
  using X = ExprOf<F>;
  KPROVE_RNG(rng);
  const std::size_t rows = 64, cols = 6;
  std::vector<X> exprs;
  for (int k = 0; k < 24; ++k) exprs.push_back(random_expr<F>(rng, 1 + k % 6, cols));
  // Asymmetric subtractions exercise both SUB and RSUB.
  const X deep = X::col(1) * (X::col(2) * X::col(3) + X::col(4));
  exprs.push_back(X::col(0) - deep);
  exprs.push_back(deep - X::col(0));
  // A constant on either side of each binary operator (the *_CONST ops), and on both.
  const X k = X::constant(rng.element<F>()), x = X::col(5) * X::col(2);
  for (const X& e : {k + x, x + k, k - x, x - k, k * x, x * k, k * k - x, -(k * (x - k))})
    exprs.push_back(e);
  check_against_host<F, F, Exec, Mem>(exprs, rng.elements<F>(rows * cols), rows, cols);
  check_against_host<E, F, Exec, Mem>(exprs, rng.extensions<E>(rows * cols), rows, cols);
}

}  // namespace
}  // namespace kprove
