// Zerocheck over random traces: a satisfying trace (c = a * b, boolean d, ...) verifies and its
// column values match host MLE evaluation; breaking one row is rejected; proofs are identical
// on every backend.
#include "engine/sumcheck/zerocheck.hpp"

#include <gtest/gtest.h>

#include "engine/proof/verify_error.hpp"
#include "support/backends.hpp"
#include "support/mle_reference.hpp"
#include "support/random.hpp"

namespace kprove {
namespace {

constexpr const char* LABEL = "kprove.test.zerocheck";
constexpr std::size_t COLS = 5;  // a, b, c = a * b, d boolean, e = a + 3 b

std::vector<Expr> constraints() {
  const Expr a = Expr::col(0), b = Expr::col(1), c = Expr::col(2), d = Expr::col(3),
             e = Expr::col(4);
  const Expr one = Expr::constant(Felt::one());
  return {c - a * b, d * (d - one), e - (a + Felt::from_u64(3) * b), a * b * d - c * d};
}

std::vector<Felt> satisfying_trace(test::Rng& rng, std::size_t rows) {
  std::vector<Felt> flat;
  for (std::size_t i = 0; i < rows; ++i) {
    const Felt a = rng.felt(), b = rng.felt();
    const Felt d = Felt::from_u64(rng.u64() & 1);
    for (Felt x : {a, b, a * b, d, a + Felt::from_u64(3) * b}) flat.push_back(x);
  }
  return flat;
}

template <class Exec>
ZerocheckOutput prove(const std::vector<Felt>& flat, std::size_t rows) {
  using Mem = typename Exec::memory_space;
  MemoryLedger ledger;
  auto program = ExprProgram<Mem, Felt>::compile(Exec(), constraints(), ledger);
  auto trace = test::to_device_table<Felt, Mem>(flat, rows, COLS);
  Transcript t(LABEL);
  return prove_zerocheck(Exec(), t, trace, program, ledger);
}

ZerocheckReduction verify(const SumcheckProof& proof, int v) {
  Transcript t(LABEL);
  return verify_zerocheck(t, constraints(), v, COLS, proof);
}

KPROVE_BACKEND_SUITE(ZerocheckTest);

TYPED_TEST(ZerocheckTest, SatisfyingTraceVerifies) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  for (int v : {1, 4, 8}) {
    const std::size_t rows = std::size_t(1) << v;
    const auto flat = satisfying_trace(rng, rows);
    const ZerocheckOutput out = prove<Exec>(flat, rows);
    const ZerocheckReduction reduced = verify(out.proof, v);
    EXPECT_EQ(reduced.point, out.point);
    for (std::size_t c = 0; c < COLS; ++c)
      EXPECT_EQ(reduced.column_evals[c], test::ref_evaluate(test::column(flat, COLS, c), out.point))
          << "v=" << v << " column " << c;
  }
}

TYPED_TEST(ZerocheckTest, UnsatisfyingTraceIsRejected) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  const int v = 6;
  const std::size_t rows = std::size_t(1) << v;
  for (std::size_t col : {2u, 3u, 4u}) {  // break one constraint in one row
    auto flat = satisfying_trace(rng, rows);
    Felt& x = flat[(rng.u64() % rows) * COLS + col];
    x = col == 3 ? Felt::from_u64(2) : x + Felt::one();  // d = 0 -> 1 would still satisfy
    EXPECT_THROW(verify(prove<Exec>(flat, rows).proof, v), VerifyError) << "column " << col;
  }
  // An honest proof checked against other constraints or sizes fails too.
  const auto flat = satisfying_trace(rng, rows);
  const SumcheckProof proof = prove<Exec>(flat, rows).proof;
  Transcript t(LABEL);
  EXPECT_THROW(verify_zerocheck(t, {Expr::col(2) - Expr::col(0)}, v, COLS, proof), VerifyError);
  EXPECT_THROW(verify(proof, v - 1), VerifyError);
  SumcheckProof bad = proof;
  bad.final_evals[0][0] += Ext::one();
  EXPECT_THROW(verify(bad, v), VerifyError);
}

TYPED_TEST(ZerocheckTest, ProofsAreIdenticalAcrossBackends) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  const std::size_t rows = 128;
  const auto flat = satisfying_trace(rng, rows);
  EXPECT_EQ(prove<Exec>(flat, rows).proof.to_bytes(),
            prove<Kokkos::Serial>(flat, rows).proof.to_bytes());
}

}  // namespace
}  // namespace kprove
