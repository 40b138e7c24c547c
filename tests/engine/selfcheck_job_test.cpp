// The self-check job and the proving job on a small guest program of several shards, on
// every pair of compiled execution spaces: per-shard phases, copy accounting, ledger release
// on failure, the labels and peaks a run records.
#include "engine/jobs/selfcheck_job.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/jobs/run_job.hpp"
#include "engine/metrics/report.hpp"
#include "engine/rv32im/program_proof.hpp"
#include "kernels/field/goldilocks.hpp"
#include "support/paths.hpp"
#include "views/spaces.hpp"

namespace kprove {
namespace {

// fibonacci(40) in shards of 255 cycles: a few shards, seconds to prove with 8 queries.
JobConfig small_job(SpaceKind witgen, SpaceKind commit) {
  JobConfig job = parse_job_text("job: t\nprogram: " + test::guest_dir() +
                                     "/programs/fibonacci.elf\ninput: {hex: '28000000'}\n"
                                     "shard_cycles: 256\npcs: {queries: 8, pow_bits: 2}\n",
                                 "test");
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

std::size_t phase_count(const MetricsSummary& s, const std::string& phase) {
  auto it = std::find_if(s.phases.begin(), s.phases.end(),
                         [&](const PhaseTotal& t) { return t.phase == phase; });
  return it == s.phases.end() ? 0 : it->count;
}

#define SKIP_WITHOUT_GUESTS() \
  if (test::guest_dir().empty()) GTEST_SKIP() << "guest ELFs not built"

TEST(SelfcheckJob, PassesOnEveryPairOfSpaces) {
  SKIP_WITHOUT_GUESTS();
  std::size_t shards = 0;
  for (SpaceKind wit : compiled_spaces())
    for (SpaceKind com : compiled_spaces()) {
      SCOPED_TRACE(to_string(wit) + " -> " + to_string(com));
      const JobConfig job = small_job(wit, com);
      Metrics metrics;
      MemoryLedger ledger;
      const SelfcheckResult r = run_selfcheck_job(job, metrics, ledger);
      EXPECT_TRUE(r.ok()) << (r.mismatches.empty() ? "" : r.mismatches[0]);
      EXPECT_GE(r.shards, 2u);
      if (shards) EXPECT_EQ(r.shards, shards);  // the same run on every pair
      shards = r.shards;
      EXPECT_GT(r.cells, r.shards * 256);
      const MetricsSummary s = summarize(metrics);
      EXPECT_EQ(phase_count(s, "witness"), r.shards);
      EXPECT_EQ(phase_count(s, "host_reference"), r.shards);
      EXPECT_EQ(phase_count(s, "selfcheck"), r.shards);
      // A copy happens (and is counted) exactly when the memory spaces differ.
      const bool same_memory = (wit == SpaceKind::cuda) == (com == SpaceKind::cuda);
      const auto bytes = metrics.bytes();
      if (same_memory) {
        EXPECT_TRUE(bytes.empty());
      } else {
        const char* counter = com == SpaceKind::cuda ? "h2d_copy" : "d2h_copy";
        ASSERT_EQ(bytes.count(counter), 1u);
        EXPECT_EQ(bytes.at(counter), r.cells * sizeof(Felt));
      }
      for (const auto& mem : memory_space_names()) EXPECT_EQ(ledger.stats(mem).current, 0u) << mem;
    }
}

TEST(SelfcheckJob, BudgetTooSmallFailsCleanlyAndReleasesMemory) {
  SKIP_WITHOUT_GUESTS();
  JobConfig job = small_job(compiled_spaces().front(), compiled_spaces().front());
  job.memory.host_budget = job.memory.device_budget = 1024;  // less than one shard's traces
  Metrics metrics;
  MemoryLedger ledger;
  bool failed = false;
  try {
    run_selfcheck(job, metrics, ledger);
  } catch (const BudgetExceeded&) {
    failed = true;
  } catch (const std::exception& e) {
    failed = true;
    EXPECT_NE(std::string(e.what()).find("budget"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(failed);
  for (const auto& mem : memory_space_names()) EXPECT_EQ(ledger.stats(mem).current, 0u) << mem;
}

TEST(SelfcheckJob, RecordsItsOutcome) {
  SKIP_WITHOUT_GUESTS();
  const JobConfig job = small_job(compiled_spaces().front(), compiled_spaces().back());
  Metrics metrics;
  MemoryLedger ledger;
  const JobOutcome out = run_selfcheck(job, metrics, ledger);
  EXPECT_TRUE(out.ok) << out.message;
  EXPECT_NE(out.message.find("self-check passed: "), std::string::npos) << out.message;
  EXPECT_NE(out.message.find(" 0 mismatching trace(s)"), std::string::npos) << out.message;
  EXPECT_EQ(metrics.labels().at("result"), "passed");
  EXPECT_EQ(metrics.labels().at("job_kind"), "selfcheck");
  EXPECT_GT(metrics.peak_memory().at(Kokkos::HostSpace::name()), 0u);
}

// The proving job: its labels name the program, the shard size and what the run took; the
// peaks are the ledger's; every booking is released; the proof verifies.
TEST(RunJob, RecordsLabelsAndPeakMemory) {
  SKIP_WITHOUT_GUESTS();
  const JobConfig job = small_job(compiled_spaces().front(), compiled_spaces().front());
  Metrics metrics;
  MemoryLedger ledger;
  const ProgramJobResult r = run_program_proving_job(job, metrics, ledger);
  EXPECT_GE(r.proof.shards.size(), 2u);
  EXPECT_EQ(r.proof.output, (std::vector<uint8_t>{0xcb, 0x7e, 0x19, 0x06}));  // fib(40)
  const auto& labels = metrics.labels();
  EXPECT_EQ(labels.at("job"), "t");
  EXPECT_EQ(labels.at("job_kind"), "prove");
  EXPECT_EQ(labels.at("program"), job.guest.program);
  EXPECT_EQ(labels.at("shard_cycles"), "256");
  EXPECT_EQ(labels.at("cycles"), std::to_string(r.proof.public_values.cycles));
  EXPECT_EQ(labels.at("shards"), std::to_string(r.proof.shards.size()));
  EXPECT_GT(r.proof.public_values.cycles, 255u);
  const std::uint64_t peak = metrics.peak_memory().at(Kokkos::HostSpace::name());
  EXPECT_GT(peak, 0u);
  EXPECT_EQ(peak, ledger.stats(Kokkos::HostSpace::name()).peak);
  for (const auto& mem : memory_space_names()) EXPECT_EQ(ledger.stats(mem).current, 0u) << mem;
  const MetricsSummary s = summarize(metrics);
  EXPECT_EQ(phase_count(s, "witness"), 2 * r.proof.shards.size() - 1);  // two passes, the last once
  EXPECT_EQ(phase_count(s, "pcs_opening"), r.proof.shards.size());
  EXPECT_NO_THROW(rv32im::verify_program(r.proof, r.vk));
  EXPECT_EQ(serialize(r.proof), r.bytes);
}

}  // namespace
}  // namespace kprove
