// LogUp GKR tower: honest proofs verify and commit to the brute-force fractional sums and to
// the leaf MLEs at the returned points; any tampering is rejected.
#include "engine/prover/tower.hpp"

#include <gtest/gtest.h>

#include "engine/proof/verify_error.hpp"
#include "support/backends.hpp"
#include "support/mle_reference.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

constexpr const char* LABEL = "tower-test";

struct HostTree {
  std::vector<Ext> p, q;
};

std::vector<HostTree> random_trees(test::Rng& rng, const std::vector<int>& heights) {
  std::vector<HostTree> out;
  for (int h : heights)
    out.push_back({rng.exts(std::size_t(1) << h), rng.exts(std::size_t(1) << h)});
  return out;
}

template <class Exec>
TowerOutput prove(const std::vector<HostTree>& trees, MemoryLedger& ledger) {
  using Mem = typename Exec::memory_space;
  std::vector<Kokkos::View<Ext*, Mem>> keep;
  std::vector<TowerLeaves<Mem>> leaves;
  for (const HostTree& t : trees) {
    keep.push_back(test::to_device<Ext, Mem>(t.p));
    keep.push_back(test::to_device<Ext, Mem>(t.q));
    leaves.push_back({keep[keep.size() - 2], keep.back()});
  }
  auto tower = build_tower(Exec(), ledger, leaves);
  Transcript t(LABEL);
  return prove_tower(Exec(), ledger, std::move(tower), t);
}

TowerClaims verify(const std::vector<int>& heights, const TowerProof& proof) {
  Transcript t(LABEL);
  return verify_tower(t, heights, proof);
}

KPROVE_BACKEND_SUITE(TowerTest);

TYPED_TEST(TowerTest, HonestTowerCommitsToFractionalSumsAndLeafEvaluations) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  const std::vector<int> heights{3, 1, 5, 5, 2, 3};
  const auto trees = random_trees(rng, heights);
  MemoryLedger ledger;
  const TowerOutput out = prove<Exec>(trees, ledger);
  EXPECT_EQ(ledger.stats(Mem::name()).current, 0u) << "tower layers left booked";
  EXPECT_EQ(out.proof.layers.size(), 4u);

  const TowerClaims claims = verify(heights, out.proof);
  for (std::size_t t = 0; t < trees.size(); ++t) {
    SCOPED_TRACE("tree " + std::to_string(t));
    Ext sum = Ext::zero();
    for (std::size_t i = 0; i < trees[t].p.size(); ++i)
      sum += trees[t].p[i] * trees[t].q[i].inverse();
    EXPECT_EQ(claims.root_p[t] * claims.root_q[t].inverse(), sum);
    ASSERT_EQ(claims.points[t].size(), std::size_t(heights[t]));
    EXPECT_EQ(claims.leaf_p[t], test::ref_evaluate(trees[t].p, claims.points[t]));
    EXPECT_EQ(claims.leaf_q[t], test::ref_evaluate(trees[t].q, claims.points[t]));
    EXPECT_EQ(out.claims.points[t], claims.points[t]);
    EXPECT_EQ(out.claims.leaf_p[t], claims.leaf_p[t]);
    EXPECT_EQ(out.claims.leaf_q[t], claims.leaf_q[t]);
    EXPECT_EQ(out.claims.root_p[t], claims.root_p[t]);
  }
  // Trees of one height share their point.
  EXPECT_EQ(claims.points[2], claims.points[3]);
  EXPECT_EQ(claims.points[0], claims.points[5]);
}

TYPED_TEST(TowerTest, ProofIsTheSameOnEveryBackend) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  const auto trees = random_trees(rng, {4, 2, 4});
  MemoryLedger ledger;
  EXPECT_EQ(prove<Exec>(trees, ledger).proof, prove<Kokkos::Serial>(trees, ledger).proof);
}

TYPED_TEST(TowerTest, SingleLayerTreesNeedNoSumcheck) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  const auto trees = random_trees(rng, {1, 1});
  MemoryLedger ledger;
  const TowerOutput out = prove<Exec>(trees, ledger);
  EXPECT_TRUE(out.proof.layers.empty());
  const TowerClaims claims = verify({1, 1}, out.proof);
  EXPECT_EQ(claims.leaf_p[1], test::ref_evaluate(trees[1].p, claims.points[1]));
}

TYPED_TEST(TowerTest, TamperingIsRejected) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  const std::vector<int> heights{2, 4, 3};
  MemoryLedger ledger;
  const TowerProof honest = prove<Exec>(random_trees(rng, heights), ledger).proof;
  const auto rejects = [&](const TowerProof& p, const std::vector<int>& h, const char* what) {
    EXPECT_THROW(verify(h, p), VerifyError) << what;
  };
  for (std::size_t i = 0; i < honest.top.size(); i += 3) {
    auto p = honest;
    p.top[i] += Ext::one();
    // The roots move with the top, so only a later check can catch this: the layer sumcheck.
    rejects(p, heights, "top value");
  }
  for (std::size_t k = 0; k < honest.layers.size(); ++k) {
    auto round = honest;
    round.layers[k].rounds.back()[1] += Ext::one();
    rejects(round, heights, "round value");
    auto final_value = honest;
    final_value.layers[k].final_evals[0][k] += Ext::one();
    rejects(final_value, heights, "final value");
    auto missing = honest;
    missing.layers[k].final_evals[0].pop_back();
    rejects(missing, heights, "short final values");
  }
  auto short_top = honest;
  short_top.top.pop_back();
  rejects(short_top, heights, "short top");
  auto no_layer = honest;
  no_layer.layers.pop_back();
  rejects(no_layer, heights, "missing layer");
  rejects(honest, {4, 2, 3}, "heights in another order");
  EXPECT_THROW(verify({0, 4, 3}, honest), std::invalid_argument);
}

TYPED_TEST(TowerTest, BadLeavesAreRefused) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  MemoryLedger ledger;
  Kokkos::View<Ext*, Mem> four("four", 4), eight("eight", 8), one("one", 1);
  using Leaves = std::vector<TowerLeaves<Mem>>;
  EXPECT_THROW(build_tower(Exec(), ledger, Leaves{{four, eight}}), std::invalid_argument);
  EXPECT_THROW(build_tower(Exec(), ledger, Leaves{{one, one}}), std::invalid_argument);
  EXPECT_THROW(build_tower(Exec(), ledger, Leaves{}), std::invalid_argument);
}

}  // namespace
}  // namespace kprove
