// Product and expression sumcheck: honest proofs verify and reproduce brute-force sums and
// host MLE evaluations, tampering is rejected, claims of different sizes batch, and proofs are
// byte-identical on every backend; for both fields.
#include <gtest/gtest.h>

#include "engine/proof/verify_error.hpp"
#include "engine/sumcheck/expr_instance.hpp"
#include "engine/sumcheck/product_instance.hpp"
#include "engine/sumcheck/prover.hpp"
#include "engine/sumcheck/verifier.hpp"
#include "support/fields.hpp"
#include "support/mle_reference.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

constexpr const char* LABEL = "kprove.test.sumcheck";

template <class V>
using Tables = std::vector<std::vector<V>>;

template <class V>
Tables<V> random_tables(test::Rng& rng, int d, int v) {
  Tables<V> fs;
  for (int k = 0; k < d; ++k) fs.push_back(rng.values<V>(std::size_t(1) << v));
  return fs;
}

template <class Exec, class V>
std::unique_ptr<ProductInstance<Exec, V>> product_instance(
    const Tables<V>& fs, MemoryLedger& ledger,
    std::size_t host_tail = detail::default_host_tail<Exec>()) {
  using Mem = typename Exec::memory_space;
  std::vector<Kokkos::View<const V*, Mem>> views;
  for (const auto& f : fs) views.push_back(test::to_device<V, Mem>(f));
  return std::make_unique<ProductInstance<Exec, V>>(Exec(), views, ledger, host_tail);
}

template <class Exec, class V>
SumcheckOutputOf<challenge_t<V>> prove_product(
    const Tables<V>& fs, std::size_t host_tail = detail::default_host_tail<Exec>()) {
  using E = challenge_t<V>;
  MemoryLedger ledger;
  SumcheckOutputOf<E> out;
  {
    auto inst = product_instance<Exec>(fs, ledger, host_tail);
    TranscriptFor<E> t(LABEL);
    SumcheckInstanceOf<E>* list[] = {inst.get()};
    out = prove_sumcheck(t, list);
  }
  for (const char* space : {Exec::memory_space::name(), Kokkos::HostSpace::name()})
    EXPECT_EQ(ledger.stats(space).current, 0u) << space;  // every buffer was booked and freed
  return out;
}

template <class E>
SumcheckReductionOf<E> verify(const std::vector<SumcheckClaimOf<E>>& claims,
                              const SumcheckProofOf<E>& proof) {
  TranscriptFor<E> t(LABEL);
  return verify_sumcheck(t, claims, proof, "");
}

template <class E>
bool accepts_product(const std::vector<SumcheckClaimOf<E>>& claims,
                     const SumcheckProofOf<E>& proof) {
  try {
    const auto r = verify(claims, proof);
    const E oracle = product_oracle(proof.final_evals.at(0));
    return check_oracle(r, std::span<const E>(&oracle, 1));
  } catch (const VerifyError&) {
    return false;
  }
}

// The message of the VerifyError the proof is rejected with ("" if accepted).
template <class E>
std::string rejection(const std::vector<SumcheckClaimOf<E>>& claims,
                      const SumcheckProofOf<E>& proof) {
  try {
    verify(claims, proof);
    return "";
  } catch (const VerifyError& e) {
    return e.what();
  }
}

template <class Exec, class V>
void check_honest_product(test::Rng& rng, int d, int v) {
  SCOPED_TRACE("d=" + std::to_string(d) + " v=" + std::to_string(v));
  const auto fs = random_tables<V>(rng, d, v);
  const auto out = prove_product<Exec>(fs);
  const auto g1 = test::ref_product_round(fs);
  EXPECT_EQ(out.claims.at(0).sum, g1[0] + g1[1]);
  EXPECT_EQ(out.proof.rounds.size(), std::size_t(v));
  EXPECT_TRUE(accepts_product(out.claims, out.proof));
  for (int k = 0; k < d; ++k)
    EXPECT_EQ(out.proof.final_evals[0][k], test::ref_evaluate(fs[k], out.point)) << k;
}

KPROVE_FIELD_SUITE(SumcheckTest);

TYPED_TEST(SumcheckTest, HonestProductProofsVerify) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  for (int d = 1; d <= MAX_PRODUCT_FACTORS; ++d)
    for (int v : {1, 2, 7}) {
      check_honest_product<Exec, F>(rng, d, v);
      check_honest_product<Exec, E>(rng, d, v);
    }
}

TYPED_TEST(SumcheckTest, RoundPolynomialsMatchBruteForceAfterAnyBinding) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  // Round evaluations interleaved with consecutive binds (folds with no round in between);
  // with a host tail of 8 the tables move to the host part-way, pending challenges included.
  for (std::size_t host_tail : {std::size_t(0), std::size_t(8)}) {
    SCOPED_TRACE("host_tail=" + std::to_string(host_tail));
    MemoryLedger ledger;
    auto fs = random_tables<F>(rng, 3, 6);
    Tables<E> cur;
    for (const auto& f : fs) cur.emplace_back(f.begin(), f.end());
    auto inst = product_instance<Exec>(fs, ledger, host_tail);
    for (bool evaluate : {true, false, false, true, true, false}) {
      if (evaluate) EXPECT_EQ(inst->round_evals(), test::ref_product_round(cur));
      const E r = rng.extension<E>();
      inst->bind(r);
      for (auto& f : cur) f = test::ref_fold(f, r);
    }
    const auto finals = inst->final_evals();
    for (std::size_t k = 0; k < cur.size(); ++k) EXPECT_EQ(finals[k], cur[k][0]);
    EXPECT_THROW(inst->bind(E::one()), std::logic_error);
  }
}

TYPED_TEST(SumcheckTest, HostTailGivesTheSameProof) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  const auto fs = random_tables<F>(rng, 2, 8);
  const auto device = prove_product<Exec>(fs, 0);
  for (std::size_t host_tail : {4u, 16u, 64u, 256u}) {
    const auto tailed = prove_product<Exec>(fs, host_tail);
    EXPECT_EQ(tailed.proof.to_bytes(), device.proof.to_bytes()) << host_tail;
  }
  EXPECT_TRUE(accepts_product(device.claims, device.proof));
}

TYPED_TEST(SumcheckTest, TamperedProofsAreRejected) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  const int v = 5;
  const SumcheckOutputOf<E> out = prove_product<Exec>(random_tables<F>(rng, 3, v));
  ASSERT_TRUE(accepts_product(out.claims, out.proof));
  const E one = E::one();

  auto claims = out.claims;
  claims[0].sum += one;
  EXPECT_NE(rejection(claims, out.proof), "");

  for (int k = 0; k < v; ++k) {
    for (std::size_t t : {std::size_t(0), std::size_t(1), std::size_t(3)}) {
      SumcheckProofOf<E> bad = out.proof;
      bad.rounds[k][t] += one;
      EXPECT_FALSE(accepts_product(out.claims, bad)) << "round " << k << " t " << t;
    }
  }
  for (int k = 0; k < 3; ++k) {
    SumcheckProofOf<E> bad = out.proof;
    bad.final_evals[0][k] += one;
    const auto reduced = verify(out.claims, bad);  // rounds do not see the finals ...
    const E oracle = product_oracle(bad.final_evals[0]);
    EXPECT_FALSE(check_oracle(reduced, std::span<const E>(&oracle, 1)));  // ... the oracle does
  }
  SumcheckProofOf<E> shape = out.proof;
  shape.rounds.pop_back();
  EXPECT_EQ(rejection(out.claims, shape), "proof has 4 rounds, expected 5");
  shape = out.proof;
  shape.rounds[2].push_back(one);
  EXPECT_EQ(rejection(out.claims, shape), "round 3 has 5 values, expected 4");
  shape = out.proof;
  shape.final_evals[0].pop_back();
  EXPECT_EQ(rejection(out.claims, shape), "claim 0 has 2 final values, expected 3");
}

TYPED_TEST(SumcheckTest, ProofsAreIdenticalAcrossBackends) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  const auto base = random_tables<F>(rng, 3, 9);
  const auto ext = random_tables<E>(rng, 2, 6);
  const auto here = prove_product<Exec>(base).proof.to_bytes();
  EXPECT_EQ(here, prove_product<Kokkos::Serial>(base).proof.to_bytes());
  EXPECT_EQ(prove_product<Exec>(ext).proof.to_bytes(),
            prove_product<Kokkos::Serial>(ext).proof.to_bytes());
  EXPECT_EQ(SumcheckProofOf<E>::from_bytes(here).to_bytes(), here);
}

TEST(SumcheckProofTest, MalformedBytesAreRejected) {
  SumcheckProof p;
  p.rounds = {{Ext::one(), Ext::zero()}};
  p.final_evals = {{Ext::one()}};
  auto bytes = p.to_bytes();
  EXPECT_EQ(SumcheckProof::from_bytes(bytes), p);
  auto longer = bytes;
  longer.push_back(0);
  EXPECT_THROW(SumcheckProof::from_bytes(longer), std::invalid_argument);
  auto shorter = bytes;
  shorter.pop_back();
  EXPECT_THROW(SumcheckProof::from_bytes(shorter), std::invalid_argument);
  auto noncanonical = bytes;
  for (int b = 0; b < 8; ++b) noncanonical[8 + b] = 0xFF;  // first c0 = 2^64 - 1
  EXPECT_THROW(SumcheckProof::from_bytes(noncanonical), std::invalid_argument);
  auto huge = bytes;
  huge[0] = huge[1] = huge[2] = huge[3] = 0xFF;
  EXPECT_THROW(SumcheckProof::from_bytes(huge), std::invalid_argument);
}

TYPED_TEST(SumcheckTest, BatchesClaimsOfDifferentSizes) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const auto small = random_tables<E>(rng, 3, 3);
  const auto large = random_tables<F>(rng, 2, 7);
  const std::size_t rows = 32, cols = 3;
  const auto flat = rng.elements<F>(rows * cols);
  const ExprOf<F> a = ExprOf<F>::col(0), b = ExprOf<F>::col(1), c = ExprOf<F>::col(2);
  const std::vector<ExprOf<F>> exprs{a * b - c, c * c + F::from_u64(5) * a, -b};
  const E beta = rng.extension<E>();
  auto program = ExprProgram<Mem, F>::compile(Exec(), exprs, ledger);
  auto trace = test::to_device_table<F, Mem>(flat, rows, cols);

  auto p_small = product_instance<Exec>(small, ledger);
  auto p_large = product_instance<Exec>(large, ledger);
  ExprInstance<Exec, F> e(Exec(), trace, program, beta, {}, ledger);
  TranscriptFor<E> pt(LABEL);
  SumcheckInstanceOf<E>* list[] = {p_small.get(), &e, p_large.get()};
  const SumcheckOutputOf<E> out = prove_sumcheck(pt, list);

  E expr_sum = E::zero();
  for (std::size_t i = 0; i < rows; ++i)
    expr_sum += expr_oracle(
        exprs, beta, std::vector<E>(flat.begin() + i * cols, flat.begin() + (i + 1) * cols));
  EXPECT_EQ(out.claims[1].sum, expr_sum);
  const auto g_small = test::ref_product_round(small);
  EXPECT_EQ(out.claims[0].sum, g_small[0] + g_small[1]);
  EXPECT_EQ(out.point.size(), 7u);

  const SumcheckReductionOf<E> reduced = verify(out.claims, out.proof);
  const auto& f = out.proof.final_evals;
  const std::vector<E> oracles{product_oracle(f[0]), expr_oracle(exprs, beta, f[1]),
                                 product_oracle(f[2])};
  EXPECT_TRUE(check_oracle(reduced, oracles));
  const auto pt_small = claim_point(out.point, 3), pt_expr = claim_point(out.point, 5);
  const std::vector<E> small_point(pt_small.begin(), pt_small.end()),
      expr_point(pt_expr.begin(), pt_expr.end());
  for (int k = 0; k < 3; ++k) EXPECT_EQ(f[0][k], test::ref_evaluate(small[k], small_point));
  for (std::size_t col = 0; col < cols; ++col)
    EXPECT_EQ(f[1][col], test::ref_evaluate(test::column(flat, cols, col), expr_point));
  auto wrong = oracles;
  wrong[1] += E::one();
  EXPECT_FALSE(check_oracle(reduced, wrong));
}

// The expression claim over a random trace of 2^v rows (entries V: a field or its
// extension), proven with or without its sum given.
template <class Exec, class V, class E = challenge_t<V>>
SumcheckOutputOf<E> prove_expr(const std::vector<V>& flat, std::size_t cols,
                               const std::vector<ExprOf<base_field_t<V>>>& exprs, E beta,
                               const std::vector<E>& zeta,
                               std::optional<std::type_identity_t<E>> sum) {
  using Mem = typename Exec::memory_space;
  MemoryLedger ledger;
  auto program = ExprProgram<Mem, base_field_t<V>>::compile(Exec(), exprs, ledger);
  auto trace = test::to_device_table<V, Mem>(flat, flat.size() / cols, cols);
  ExprInstance<Exec, V> inst(Exec(), trace, program, beta, zeta, ledger, sum);
  TranscriptFor<E> t(LABEL);
  SumcheckInstanceOf<E>* list[] = {&inst};
  return prove_sumcheck(t, list);
}

// A known sum only spares the prover h(1): the proof is the same bytes, for constraint degrees
// 1 to 3, with and without the eq factor, over F and E tables.
TYPED_TEST(SumcheckTest, KnownSumGivesTheSameProof) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  const int v = 5;
  const std::size_t cols = 3, rows = std::size_t(1) << v;
  const ExprOf<F> a = ExprOf<F>::col(0), b = ExprOf<F>::col(1), c = ExprOf<F>::col(2);
  const std::vector<std::vector<ExprOf<F>>> systems{
      {a - F::from_u64(3) * c, b}, {a * b - c, c + a}, {a * b * c - a, -(b * b) + c}};
  const auto felts = rng.elements<F>(rows * cols);
  const auto exts = rng.extensions<E>(rows * cols);
  for (const auto& exprs : systems) {
    for (const bool with_eq : {false, true}) {
      SCOPED_TRACE("degree " + std::to_string(exprs[0].degree()) + (with_eq ? ", eq" : ""));
      const E beta = rng.extension<E>();
      const std::vector<E> zeta = with_eq ? rng.extensions<E>(v) : std::vector<E>{};
      const auto plain = prove_expr<Exec>(felts, cols, exprs, beta, zeta, {});
      const auto known = prove_expr<Exec>(felts, cols, exprs, beta, zeta, plain.claims[0].sum);
      EXPECT_EQ(known.proof, plain.proof);
      EXPECT_EQ(known.claims[0].sum, plain.claims[0].sum);
      const auto plain_ext = prove_expr<Exec>(exts, cols, exprs, beta, zeta, {});
      const auto known_ext =
          prove_expr<Exec>(exts, cols, exprs, beta, zeta, plain_ext.claims[0].sum);
      EXPECT_EQ(known_ext.proof, plain_ext.proof);
    }
  }
}

TYPED_TEST(SumcheckTest, BadInstancesAreRejected) {
  KPROVE_FIELD_TYPES;
  MemoryLedger ledger;
  Kokkos::View<F*, Mem> four("four", 4), eight("eight", 8), one("one", 1);
  using P = ProductInstance<Exec, F>;
  EXPECT_THROW(P(Exec(), {four, eight}, ledger), std::invalid_argument);
  EXPECT_THROW(P(Exec(), {}, ledger), std::invalid_argument);
  EXPECT_THROW(P(Exec(), {one}, ledger), std::invalid_argument);
  EXPECT_THROW(P(Exec(), std::vector<Kokkos::View<const F*, Mem>>(6, four), ledger),
               std::invalid_argument);
  using X = ExprOf<F>;
  auto program = ExprProgram<Mem, F>::compile(Exec(), {X::col(3) * X::col(0)}, ledger);
  Kokkos::View<F**, Kokkos::LayoutRight, Mem> narrow("narrow", 8, 3);
  using Instance = ExprInstance<Exec, F>;
  EXPECT_THROW(Instance(Exec(), narrow, program, E::one(), {}, ledger), std::invalid_argument);
}

}  // namespace
}  // namespace kprove
