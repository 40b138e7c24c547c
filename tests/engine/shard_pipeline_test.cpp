// Shard pipeline: overlap happens when the budget allows two shards, never otherwise, the
// booked peak never exceeds the budget, and failures name their shard and stop cleanly — with
// witgen on the helper thread and with witgen on the calling thread (OpenMP witgen).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>

#include "engine/scheduler/shard_pipeline.hpp"
#include "views/owned.hpp"

namespace kprove {
namespace {

using Clock = std::chrono::steady_clock;
using HostBuf = Owned<Vec<uint8_t, Kokkos::HostSpace>>;

struct Interval {
  std::size_t shard;
  bool witgen;
  Clock::time_point begin, end;
};

// Synthetic shards that allocate what they book, phase by phase, through the allocation
// ledger: witgen its peak (traces and scratch, the scratch freed when it returns), proving its
// share on top of the traces, like codewords and sumcheck tables would.
struct Harness {
  static constexpr std::size_t kFootprint = 1 << 20;
  ShardBytes bytes{kFootprint, kFootprint, 0};
  std::size_t max_inflight = 2;
  MemoryLedger admission, allocations;
  std::mutex mutex;
  std::vector<Interval> log;
  std::atomic<int> witgen_calls{0};
  std::size_t fail_witgen = SIZE_MAX, fail_prove = SIZE_MAX;
  bool witgen_on_calling_thread = false;
  std::set<std::thread::id> witgen_threads, prove_threads;

  void record(std::size_t shard, bool witgen, Clock::time_point begin) {
    std::lock_guard<std::mutex> lock(mutex);
    log.push_back({shard, witgen, begin, Clock::now()});
    (witgen ? witgen_threads : prove_threads).insert(std::this_thread::get_id());
  }

  HostBuf alloc(std::size_t n) {
    return alloc_vec<uint8_t, Kokkos::HostSpace>(allocations, "w", std::max<std::size_t>(n, 1));
  }

  std::vector<std::size_t> run(std::size_t shards, std::size_t budget, bool overlap) {
    admission.set_budget("dev", budget);
    allocations.set_budget("HostSpace", budget);
    PipelineOptions opt{overlap, max_inflight, "dev", witgen_on_calling_thread};
    std::vector<std::size_t> order(shards);
    std::iota(order.begin(), order.end(), std::size_t(0));
    return run_shard_pipeline<HostBuf, std::size_t>(
        order, admission, opt, [&](std::size_t) { return bytes; },
        [&](std::size_t i) {
          ++witgen_calls;
          auto t0 = Clock::now();
          if (i == fail_witgen) throw std::runtime_error("records unreadable");
          HostBuf traces = alloc(bytes.witness);
          const HostBuf scratch = alloc(bytes.witgen - bytes.witness);
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
          record(i, true, t0);
          return traces;
        },
        [&](std::size_t i, HostBuf&& w) {
          auto t0 = Clock::now();
          if (i == fail_prove) throw std::runtime_error("constraint unsatisfied");
          const HostBuf tables = alloc(bytes.prove);
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
          record(i, false, t0);
          return w.bytes() + i;
        });
  }

  bool any_overlap() const {
    for (const auto& a : log)
      for (const auto& b : log)
        if (a.witgen && !b.witgen && a.shard != b.shard && a.begin < b.end && b.begin < a.end)
          return true;
    return false;
  }
};

// The parameter: witgen on the calling thread.
class ShardPipeline : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override { h.witgen_on_calling_thread = GetParam(); }
  Harness h;
};

TEST_P(ShardPipeline, OverlapsWhenTheBudgetHoldsTwoShards) {
  auto proofs = h.run(6, 2 * Harness::kFootprint, true);
  ASSERT_EQ(proofs.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(proofs[i], Harness::kFootprint + i);
  EXPECT_TRUE(h.any_overlap());
  const auto caller = std::this_thread::get_id();
  EXPECT_EQ(h.witgen_threads.size(), 1u);
  EXPECT_EQ(h.prove_threads.size(), 1u);
  EXPECT_EQ(h.witgen_threads.count(caller), GetParam() ? 1u : 0u);
  EXPECT_EQ(h.prove_threads.count(caller), GetParam() ? 0u : 1u);
  EXPECT_LE(h.allocations.stats("HostSpace").peak, 2 * Harness::kFootprint);
  EXPECT_EQ(h.admission.stats("dev").current, 0u);
}

TEST_P(ShardPipeline, SerialisesWhenTheBudgetHoldsOneShard) {
  auto proofs = h.run(4, Harness::kFootprint + Harness::kFootprint / 2, true);
  ASSERT_EQ(proofs.size(), 4u);
  EXPECT_FALSE(h.any_overlap());
  EXPECT_LE(h.allocations.stats("HostSpace").peak, Harness::kFootprint + Harness::kFootprint / 2);
}

// The shard being proven counts: with 2 in flight, one is proven while the next waits.
TEST_P(ShardPipeline, HoldsAtMostMaxInflightShardsWithAnUnlimitedBudget) {
  h.run(6, 0, true);
  EXPECT_TRUE(h.any_overlap());
  EXPECT_LE(h.allocations.stats("HostSpace").peak, 2 * Harness::kFootprint);
  EXPECT_LE(h.admission.stats("dev").peak, 2 * Harness::kFootprint);
}

// Booked by phase: a shard waiting for its proof holds its traces only, so the next witgen
// fits beside a proof in a budget below two whole shards.
TEST_P(ShardPipeline, TheNextWitgenFitsBesideAProofInLessThanTwoShards) {
  constexpr std::size_t k = Harness::kFootprint / 4;
  h.bytes = {2 * k, k, 3 * k};  // peak: 4k
  auto proofs = h.run(6, 6 * k, true);
  ASSERT_EQ(proofs.size(), 6u);
  EXPECT_TRUE(h.any_overlap());
  EXPECT_LE(h.allocations.stats("HostSpace").peak, 6 * k);
  EXPECT_EQ(h.admission.stats("dev").current, 0u);
}

TEST_P(ShardPipeline, WitgenWaitsWhenItWouldNotFitBesideAProof) {
  constexpr std::size_t k = Harness::kFootprint / 4;
  h.bytes = {2 * k, k, 3 * k};
  h.run(4, 5 * k, true);  // a proof (4k) leaves k, less than a witgen (2k)
  EXPECT_FALSE(h.any_overlap());
  EXPECT_LE(h.allocations.stats("HostSpace").peak, 5 * k);
}

// Traces that fill the budget: two shards waiting would leave no room for the proof of the
// first. Witgen of the second waits instead of taking it.
TEST_P(ShardPipeline, ShardsWaitingForTheirProofAlwaysLeaveRoomForTheOldest) {
  constexpr std::size_t k = Harness::kFootprint / 4;
  h.bytes = {4 * k, 4 * k, k};
  h.max_inflight = 3;
  auto proofs = h.run(6, 8 * k, true);
  ASSERT_EQ(proofs.size(), 6u);
  EXPECT_LE(h.allocations.stats("HostSpace").peak, 8 * k);
  EXPECT_EQ(h.admission.stats("dev").current, 0u);
}

TEST_P(ShardPipeline, NoOverlapWhenDisabled) {
  h.run(3, 0, false);
  EXPECT_FALSE(h.any_overlap());
}

TEST_P(ShardPipeline, ShardLargerThanBudgetFailsBeforeAnyWork) {
  try {
    h.run(3, Harness::kFootprint / 2, true);
    FAIL() << "accepted a shard larger than the budget";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("shard 0 needs"), std::string::npos) << e.what();
  }
  EXPECT_EQ(h.witgen_calls.load(), 0);
}

TEST_P(ShardPipeline, WitgenFailureNamesTheShardAndReleasesEverything) {
  h.fail_witgen = 2;
  try {
    h.run(5, 2 * Harness::kFootprint, true);
    FAIL() << "failure swallowed";
  } catch (const ShardError& e) {
    EXPECT_EQ(e.shard(), 2u);
    EXPECT_NE(std::string(e.what()).find("shard 2: witgen failed: records unreadable"),
              std::string::npos);
  }
  EXPECT_EQ(h.admission.stats("dev").current, 0u);
  EXPECT_EQ(h.allocations.stats("HostSpace").current, 0u);
}

TEST_P(ShardPipeline, ProveFailureStopsTheProducer) {
  h.fail_prove = 1;
  try {
    h.run(8, 2 * Harness::kFootprint, true);
    FAIL() << "failure swallowed";
  } catch (const ShardError& e) {
    EXPECT_EQ(e.shard(), 1u);
    EXPECT_NE(std::string(e.what()).find("prove failed"), std::string::npos);
  }
  EXPECT_LT(h.witgen_calls.load(), 8);
  EXPECT_EQ(h.admission.stats("dev").current, 0u);
  EXPECT_EQ(h.allocations.stats("HostSpace").current, 0u);
}

INSTANTIATE_TEST_SUITE_P(Threads, ShardPipeline, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& p) {
                           return p.param ? "WitgenOnCaller" : "ProveOnCaller";
                         });

}  // namespace
}  // namespace kprove
