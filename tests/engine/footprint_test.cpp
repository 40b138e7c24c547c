// The scheduler books shard_footprint() before a shard starts; this checks that bound against
// the ledger peak of a real witgen + proof of the shard, on every backend, and that it is not
// so loose that it would forbid overlap for no reason.
#include "engine/jobs/footprint.hpp"

#include <gtest/gtest.h>

#include "engine/prover/shard_prover.hpp"
#include "engine/workload/generator.hpp"
#include "support/backends.hpp"
#include "support/random.hpp"

namespace kprove {
namespace {

KPROVE_BACKEND_SUITE(ShardFootprint);

TYPED_TEST(ShardFootprint, BoundsTheLedgerPeakOfARealShard) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  workload::WorkloadConfig cfg;
  cfg.seed = rng.u64();
  cfg.steps = 3000;
  cfg.shard_steps = 2048;
  PcsParams params;
  params.queries = 4;
  params.pow_bits = 2;
  const chip::ChipSet chips;
  for (uint64_t shard = 0; shard < cfg.num_shards(); ++shard) {
    SCOPED_TRACE("shard " + std::to_string(shard));
    const ShardShape shape = shard_shape(cfg, shard);
    EXPECT_EQ(shape.records[0] + shape.records[1] + shape.records[2], cfg.shard_size(shard));
    MemoryLedger ledger;
    {
      auto records = workload::generate_shard(Exec(), ledger, cfg, shard);
      for (std::size_t c = 0; c < 3; ++c) EXPECT_EQ(records.count[c], shape.records[c]);
      auto traces = chip::witgen_shard(Exec(), ledger, chips, records);
      prove_shard(Exec(), ledger, chips.all(), std::move(traces), params,
                  ShardStatement::for_shard(shard, cfg.shard_steps), nullptr);
    }
    const auto peak = ledger.stats(Mem::name()).peak;
    const auto bound = shard_footprint(chips, shape, params);
    EXPECT_LE(peak, bound);
    EXPECT_GE(2 * peak, bound) << "bound " << bound << " is over twice the peak " << peak;
  }
}

}  // namespace
}  // namespace kprove
