// The job runner and the self-check job on every pair of compiled execution spaces: shard
// planning, step order and per-shard state, copy accounting, ledger release on failure.
#include "engine/jobs/selfcheck_job.hpp"

#include <gtest/gtest.h>

#include "engine/jobs/job_runner.hpp"
#include "engine/jobs/run_job.hpp"
#include "engine/metrics/report.hpp"
#include "kernels/field/goldilocks.hpp"
#include "views/spaces.hpp"

namespace kprove {
namespace {

JobConfig small_job(SpaceKind witgen, SpaceKind commit) {
  JobConfig job =
      parse_job_text("job: t\nworkload: {steps: 1000, shard_steps: 256, seed: 9}", "test");
  job.spaces = PhaseSpaces{witgen, commit, commit};
  return job;
}

// Ledger names of the memory spaces of this build's execution spaces.
std::vector<std::string> memory_space_names() {
  std::vector<std::string> names;
  for (SpaceKind k : compiled_spaces())
    dispatch_space(k, [&](auto exec) { names.push_back(decltype(exec)::memory_space::name()); });
  return names;
}

TEST(PlanShards, LastShardIsPartialButPadded) {
  Workload w;
  w.steps = 1000;
  w.shard_steps = 256;
  const auto shards = plan_shards(w);
  ASSERT_EQ(shards.size(), 4u);
  EXPECT_EQ(shards[3].index, 3);
  EXPECT_EQ(shards[3].first_step, 768u);
  EXPECT_EQ(shards[3].steps, 232u);
  EXPECT_EQ(shards[3].rows, 256u);
  w.steps = 512;
  EXPECT_EQ(plan_shards(w).size(), 2u);
  EXPECT_EQ(plan_shards(w)[1].steps, 256u);
}

struct CountingState {
  std::vector<std::string> seen;
};

TEST(JobRunner, RunsStepsInOrderWithFreshStatePerShard) {
  Metrics metrics;
  std::vector<std::string> log;
  JobRunner<CountingState> runner(metrics);
  for (const char* phase : {"witness", "commit_traces"})
    runner.add_step(phase, SpaceKind::serial, [&log, phase](const ShardInfo& s, CountingState& st) {
      st.seen.push_back(phase);
      log.push_back(std::to_string(s.index) + phase + std::to_string(st.seen.size()));
    });
  runner.run({ShardInfo{0, 0, 16, 16}, ShardInfo{1, 16, 16, 16}});
  EXPECT_EQ(log, (std::vector<std::string>{"0witness1", "0commit_traces2", "1witness1",
                                           "1commit_traces2"}));
  const auto phases = metrics.phases();
  ASSERT_EQ(phases.size(), 4u);
  EXPECT_EQ(phases[3].phase, "commit_traces");
  EXPECT_EQ(phases[3].shard, 1);
}

TEST(SelfcheckJob, PassesOnEveryPairOfSpaces) {
  for (SpaceKind wit : compiled_spaces())
    for (SpaceKind com : compiled_spaces()) {
      SCOPED_TRACE(to_string(wit) + " -> " + to_string(com));
      const JobConfig job = small_job(wit, com);
      Metrics metrics;
      MemoryLedger ledger;
      const SelfcheckResult r = run_selfcheck_job(job, metrics, ledger);
      EXPECT_TRUE(r.ok()) << (r.mismatches.empty() ? "" : r.mismatches[0]);
      EXPECT_EQ(r.shards, 4u);
      const MetricsSummary s = summarize(metrics);
      for (const char* phase : {"witness", "selfcheck"}) {
        auto it = std::find_if(s.phases.begin(), s.phases.end(),
                               [&](const PhaseTotal& t) { return t.phase == phase; });
        ASSERT_NE(it, s.phases.end());
        EXPECT_EQ(it->count, 4u) << phase;
      }
      // A copy happens (and is counted) exactly when the memory spaces differ.
      const bool same_memory = (wit == SpaceKind::cuda) == (com == SpaceKind::cuda);
      const auto bytes = metrics.bytes();
      if (same_memory) {
        EXPECT_TRUE(bytes.empty());
      } else {
        const char* counter = com == SpaceKind::cuda ? "h2d_copy" : "d2h_copy";
        ASSERT_EQ(bytes.count(counter), 1u);
        EXPECT_EQ(bytes.at(counter), 4u * 256 * kSelfcheckColumns * sizeof(Felt));
      }
      for (const auto& mem : memory_space_names()) EXPECT_EQ(ledger.stats(mem).current, 0u) << mem;
    }
}

TEST(SelfcheckJob, BudgetTooSmallFailsCleanlyAndReleasesMemory) {
  JobConfig job = small_job(compiled_spaces().front(), compiled_spaces().front());
  job.memory.host_budget = job.memory.device_budget = 1024;  // less than one shard's trace
  Metrics metrics;
  MemoryLedger ledger;
  EXPECT_THROW(run_selfcheck(job, metrics, ledger), BudgetExceeded);
  for (const auto& mem : memory_space_names()) EXPECT_EQ(ledger.stats(mem).current, 0u) << mem;
}

TEST(RunJob, RecordsLabelsAndPeakMemory) {
  const JobConfig job = small_job(compiled_spaces().front(), compiled_spaces().back());
  Metrics metrics;
  MemoryLedger ledger;
  const JobOutcome out = run_selfcheck(job, metrics, ledger);
  EXPECT_TRUE(out.ok) << out.message;
  EXPECT_NE(out.message.find("self-check passed: 4 shard(s)"), std::string::npos) << out.message;
  EXPECT_EQ(metrics.labels().at("result"), "passed");
  EXPECT_EQ(metrics.labels().at("job"), "t");
  // One shard's trace (and its copy, when spaces differ) is the most ever held at once.
  const std::uint64_t trace_bytes = 256 * kSelfcheckColumns * sizeof(Felt);
  EXPECT_EQ(metrics.peak_memory().at(Kokkos::HostSpace::name()), trace_bytes);
}

}  // namespace
}  // namespace kprove
