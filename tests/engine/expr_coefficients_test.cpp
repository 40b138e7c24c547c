// ExprInstance with explicit Ext coefficients and Ext tables (the extension the shard prover
// uses for LogUp terms and tower layers), against brute force on the host.
#include <gtest/gtest.h>

#include "engine/sumcheck/expr_instance.hpp"
#include "engine/sumcheck/prover.hpp"
#include "engine/sumcheck/verifier.hpp"
#include "support/backends.hpp"
#include "support/mle_reference.hpp"
#include "support/random.hpp"

namespace kprove {
namespace {

KPROVE_BACKEND_SUITE(ExprCoefficientsTest);

// eq(zeta, x) for the hypercube point of row i (x_1 = MSB).
Ext eq_at_row(const std::vector<Ext>& zeta, std::size_t i) {
  Ext e = Ext::one();
  for (std::size_t j = 0; j < zeta.size(); ++j) {
    const bool bit = (i >> (zeta.size() - 1 - j)) & 1;
    e *= bit ? zeta[j] : Ext::one() - zeta[j];
  }
  return e;
}

TYPED_TEST(ExprCoefficientsTest, ExtTableWithCoefficientsMatchesBruteForce) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const std::size_t rows = 16, cols = 3;
  const auto flat = rng.exts(rows * cols);
  const Expr a = Expr::col(0), b = Expr::col(1), c = Expr::col(2);
  const std::vector<Expr> exprs{a * b - c, Expr::constant(Felt::one()), b + c * a * a};
  const std::vector<Ext> coefs = rng.exts(exprs.size());
  const std::vector<Ext> zeta = rng.exts(4);
  const auto program = ExprProgram<Mem, Felt>::compile(Exec(), exprs, ledger);
  const auto table = test::to_device_table<Ext, Mem>(flat, rows, cols);

  Ext want = Ext::zero();
  for (std::size_t i = 0; i < rows; ++i) {
    const std::vector<Ext> row(flat.begin() + i * cols, flat.begin() + (i + 1) * cols);
    want += eq_at_row(zeta, i) * expr_oracle(exprs, coefs, row);
  }
  SumcheckOutput out;
  {
    ExprInstance<Exec, Ext> inst(Exec(), table, program, coefs, zeta, ledger);
    EXPECT_EQ(inst.degree(), 4);
    SumcheckInstance* list[] = {&inst};
    Transcript t("expr-coefficients");
    out = prove_sumcheck(t, list);
  }
  EXPECT_EQ(out.claims[0].sum, want);
  Transcript t("expr-coefficients");
  const SumcheckReduction reduced = verify_sumcheck(t, out.claims, out.proof, "");
  const auto& finals = out.proof.final_evals[0];
  for (std::size_t col = 0; col < cols; ++col)
    EXPECT_EQ(finals[col], test::ref_evaluate(test::column(flat, cols, col), reduced.point));
  const Ext oracle = eq_eval(zeta, reduced.point) * expr_oracle(exprs, coefs, finals);
  EXPECT_TRUE(check_oracle(reduced, std::span<const Ext>(&oracle, 1)));
  const Ext wrong = oracle + Ext::one();
  EXPECT_FALSE(check_oracle(reduced, std::span<const Ext>(&wrong, 1)));
}

TYPED_TEST(ExprCoefficientsTest, PowersOfBetaEqualTheBetaForm) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const auto flat = rng.felts(8 * 2);
  const std::vector<Expr> exprs{Expr::col(0) * Expr::col(1), Expr::col(1), -Expr::col(0)};
  const Ext beta = rng.ext();
  const auto program = ExprProgram<Mem, Felt>::compile(Exec(), exprs, ledger);
  const auto table = test::to_device_table<Felt, Mem>(flat, 8, 2);
  ExprInstance<Exec> by_beta(Exec(), table, program, beta, {}, ledger);
  ExprInstance<Exec> by_list(Exec(), table, program, {Ext::one(), beta, beta * beta}, {}, ledger);
  EXPECT_EQ(by_beta.round_evals(), by_list.round_evals());
  EXPECT_THROW(ExprInstance<Exec>(Exec(), table, program, std::vector<Ext>{beta}, {}, ledger),
               std::invalid_argument);
  EXPECT_THROW(expr_oracle(exprs, std::vector<Ext>{beta}, std::vector<Ext>(2)),
               std::invalid_argument);
}

}  // namespace
}  // namespace kprove
