// Soundness estimates against the bounds worked by hand: in a field so large that only the
// query phase counts, 100 queries at rate 1/2 with 16 PoW bits give 100 log2(4/3) + 16 = 57.5
// bits at unique decoding and approach 100/2 + 16 = 66 at the Johnson bound; the commit phase
// and the challenge field cap both regimes; the query search returns the fewest queries.
#include "engine/pcs/security.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/jobs/job_security.hpp"
#include "support/paths.hpp"

namespace kprove {
namespace {

ProtocolShape small_shape() {
  ProtocolShape s;
  s.max_log_height = 10;
  s.columns = 8;
  return s;
}

TEST(Security, QueryPhaseBoundsInAHugeField) {
  PcsParams p;  // rate 1/2, 100 queries, 16 PoW bits
  const SecurityEstimate e = estimate_security(p, small_shape(), 1000);
  EXPECT_NEAR(e.udr_query_bits, 100 * std::log2(4.0 / 3) + 16, 1e-9);
  EXPECT_NEAR(e.udr_bits, e.udr_query_bits, 1e-6);
  EXPECT_GT(e.johnson_bits, 65.0);
  EXPECT_LT(e.johnson_bits, 66.0);
  EXPECT_NEAR(e.provable_bits, e.johnson_bits, 1e-6);
  EXPECT_DOUBLE_EQ(e.conjectured_bits, 100 * 1 + 16 - 1);  // ethSTARK eq. (19)
}

TEST(Security, CommitPhaseAndFieldCapTheEstimate) {
  PcsParams p;
  p.queries = 1000;
  ProtocolShape s;
  s.max_log_height = 20;
  s.columns = 100;
  s.lookup_leaves = std::uint64_t(1) << 24;
  const double field = 128;
  const SecurityEstimate e = estimate_security(p, s, field);
  // (C - 1 + 2R) n / |E| with n = 2^21, R = 20 - 8 folds.
  EXPECT_NEAR(e.udr_commit_bits, field - 21 - std::log2(99 + 2 * 12), 1e-9);
  EXPECT_LT(e.protocol_bits, field - 24);
  EXPECT_LE(e.provable_bits, std::min(e.udr_commit_bits, e.protocol_bits));
  EXPECT_LE(e.conjectured_bits, e.protocol_bits - 1);
  EXPECT_LT(e.johnson_commit_bits, e.udr_commit_bits);  // n^2 and (m + 1/2)^7
}

TEST(Security, MoreQueriesNeverLowerTheEstimate) {
  PcsParams p;
  double prev_p = -1e9, prev_c = -1e9;
  for (p.queries = 1; p.queries <= 400; p.queries += 7) {
    const SecurityEstimate e = estimate_security(p, small_shape(), 128);
    EXPECT_GE(e.provable_bits, prev_p - 1e-9);
    EXPECT_GE(e.conjectured_bits, prev_c);
    prev_p = e.provable_bits;
    prev_c = e.conjectured_bits;
  }
}

TEST(Security, TargetPicksTheFewestQueries) {
  for (SecurityRegime r : {SecurityRegime::provable, SecurityRegime::conjectured})
    for (int rate = 1; rate <= 4; ++rate)
      for (double bits : {40.0, 80.0, 100.0}) {
        PcsParams p;
        p.rate_bits = rate;
        // A conjectured target keeps the PoW bits as margin.
        const double need = bits + (r == SecurityRegime::conjectured ? p.pow_bits : 0);
        p.queries = queries_for_target(bits, r, p, small_shape(), 128);
        EXPECT_GE(estimate_security(p, small_shape(), 128).bits(r), need);
        --p.queries;
        if (p.queries > 0) EXPECT_LT(estimate_security(p, small_shape(), 128).bits(r), need);
      }
  PcsParams p;  // 100 conjectured bits at rate 1/2: 101 queries, 116 bits with the 16 PoW bits
  EXPECT_EQ(queries_for_target(100, SecurityRegime::conjectured, p, small_shape(), 128), 101);
}

TEST(Security, UnreachableTargetsNameTheCap) {
  PcsParams p;
  ProtocolShape s = small_shape();
  s.max_log_height = 26;
  try {
    queries_for_target(120, SecurityRegime::provable, p, s, 128);
    ADD_FAILURE() << "120 provable bits reached in a 128-bit field";
  } catch (const SecurityError& e) {
    EXPECT_NE(std::string(e.what()).find("out of reach"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("commit phase caps"), std::string::npos) << e.what();
  }
}

// A run of several shard proofs is union-bounded over them: every error term is multiplied by
// the number of shards, so every figure drops by log2(shards) (4 shards: 2 bits).
TEST(Security, ShardsLowerEveryFigureByLog2OfTheirNumber) {
  PcsParams p;
  ProtocolShape four = small_shape();
  four.shards = 4;
  const SecurityEstimate a = estimate_security(p, small_shape(), 128);
  const SecurityEstimate b = estimate_security(p, four, 128);
  EXPECT_NEAR(a.protocol_bits - b.protocol_bits, 2, 1e-9);
  EXPECT_NEAR(a.udr_commit_bits - b.udr_commit_bits, 2, 1e-9);
  EXPECT_NEAR(a.udr_query_bits - b.udr_query_bits, 2, 1e-9);
  EXPECT_NEAR(a.udr_bits - b.udr_bits, 2, 1e-9);
  EXPECT_EQ(a.johnson_m, b.johnson_m);
  EXPECT_NEAR(a.johnson_commit_bits - b.johnson_commit_bits, 2, 1e-9);
  EXPECT_NEAR(a.johnson_query_bits - b.johnson_query_bits, 2, 1e-9);
  EXPECT_NEAR(a.johnson_bits - b.johnson_bits, 2, 1e-9);
  EXPECT_NEAR(a.provable_bits - b.provable_bits, 2, 1e-9);
  EXPECT_NEAR(a.conjectured_bits - b.conjectured_bits, 2, 1e-9);
  ProtocolShape three = small_shape();
  three.shards = 3;
  EXPECT_NEAR(a.conjectured_bits - estimate_security(p, three, 128).conjectured_bits,
              std::log2(3.0), 1e-9);
}

TEST(Security, MoreShardsNeedMoreQueries) {
  PcsParams p;
  ProtocolShape four = small_shape();
  four.shards = 4;
  // Conjectured at rate 1/2: a bit per query, so 2 more queries for the 2 bits 4 shards cost.
  const int one = queries_for_target(100, SecurityRegime::conjectured, p, small_shape(), 128);
  EXPECT_EQ(one, 101);
  EXPECT_EQ(queries_for_target(100, SecurityRegime::conjectured, p, four, 128), one + 2);
  const int provable_one = queries_for_target(80, SecurityRegime::provable, p, small_shape(), 128);
  const int provable_four = queries_for_target(80, SecurityRegime::provable, p, four, 128);
  EXPECT_GT(provable_four, provable_one);
  p.queries = provable_four;
  EXPECT_GE(estimate_security(p, four, 128).provable_bits, 80);
  p.queries = provable_four - 1;
  EXPECT_LT(estimate_security(p, four, 128).provable_bits, 80);
}

// A job's queries are chosen for its program's shard shape and for as many shards as its
// longest run (max_cycles) takes: shards of shard_cycles - 1 cycles.
TEST(Security, JobTargetsResolveQueriesAndBindTheStatement) {
  if (test::guest_dir().empty()) GTEST_SKIP() << "guest ELFs not built";
  const std::string job_text = "job: s\nprogram: " + test::guest_dir() +
                               "/programs/fibonacci.elf\nshard_cycles: 1024\n"
                               "pcs: {security: {bits: 80, regime: conjectured}}\n";
  JobConfig job = parse_job_text(job_text + "max_cycles: 1023\n", "s.yaml");
  EXPECT_EQ(job_max_log_rows(job), 10u);
  EXPECT_EQ(job_max_shards(job), 1u);
  EXPECT_EQ(protocol_shape(job).shards, 1u);
  EXPECT_EQ(job_pcs_params(job).queries, 80 + 1);
  EXPECT_GE(job_security(job).conjectured_bits, 80 + 16);
  // Four shards of 1023 cycles: 2 bits more to find.
  JobConfig four = parse_job_text(job_text + "max_cycles: 4092\n", "s.yaml");
  EXPECT_EQ(job_max_shards(four), 4u);
  EXPECT_EQ(job_pcs_params(four).queries, 80 + 1 + 2);
  EXPECT_EQ(job_max_shards(parse_job_text(job_text + "max_cycles: 4093\n", "s.yaml")), 5u);
  job.pcs.security->regime = "provable";
  const int q = job_pcs_params(job).queries;
  EXPECT_GT(q, 150);
  EXPECT_GE(job_security(job).provable_bits, 80);
  job.pcs.security->bits = 200;
  EXPECT_THROW(job_pcs_params(job), ConfigError);
  EXPECT_GT(challenge_field_bits(), 127.99);
  EXPECT_LT(challenge_field_bits(), 128.0);
}

}  // namespace
}  // namespace kprove
