// The prove job on every backend: the proof file does not depend on where the witness was made
// (GPU_WITGEN and CPU_WITGEN paths give the same bytes, copies only across memory spaces), and
// the scheduler's booked peak — and the ledger's real one — stay within the budget, with
// witgen overlapping proving only when the budget holds two shards.
#include "engine/jobs/prove_job.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/backends.hpp"
#include "support/files.hpp"
#include "views/instances.hpp"
#include "views/memory_ledger.hpp"
#include "views/spaces.hpp"

namespace kprove {
namespace {

namespace fs = std::filesystem;

KPROVE_BACKEND_SUITE(ProveJob);

// Two shards (the second one partial), few queries: about a second per run on Serial.
JobConfig small_job(SpaceKind witgen, SpaceKind prove, const std::string& name) {
  JobConfig job = parse_job_text(
      "job: " + name + "\nworkload: {steps: 300, shard_steps: 256, seed: 3}\n" +
          "pcs: {queries: 8, pow_bits: 2}\n",
      name + ".yaml");
  job.spaces = {witgen, prove, prove};
  job.output.proof = (fs::path(::testing::TempDir()) / (name + ".proof")).string();
  return job;
}

std::uint64_t counter(const std::map<std::string, std::uint64_t>& m, const std::string& key) {
  const auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

// Witgen on this space, and on each host space (a host witgen on another backend runs on its own
// thread beside proving, OpenMP witgen on the calling thread): the same proof file.
TYPED_TEST(ProveJob, ProofDoesNotDependOnTheWitgenSpace) {
  using Mem = typename TestFixture::Mem;
  constexpr SpaceKind here = space_kind_of<typename TestFixture::Exec>();
  constexpr bool device = !Kokkos::SpaceAccessibility<Kokkos::HostSpace, Mem>::accessible;
  const JobConfig local = small_job(here, here, "local_witgen");
  Metrics local_metrics;
  MemoryLedger ledger;
  EXPECT_EQ(run_prove_job(local, local_metrics, ledger).shards, 2u);
  EXPECT_EQ(counter(local_metrics.bytes(), "h2d_copy"), 0u);
  const std::string bytes = test::read_file(local.output.proof);
  ASSERT_FALSE(bytes.empty());
  EXPECT_NO_THROW(run_verify_job(local, local.output.proof, local_metrics));

  for (const SpaceKind witgen : compiled_spaces()) {
    if (witgen == here || witgen == SpaceKind::cuda) continue;
    SCOPED_TRACE("witgen on " + to_string(witgen));
    const JobConfig host = small_job(witgen, here, "host_witgen");
    Metrics metrics;
    const ProveJobResult r = run_prove_job(host, metrics, ledger);
    EXPECT_TRUE(r.overlapped);
    EXPECT_EQ(test::read_file(host.output.proof), bytes);
    if (device)
      EXPECT_GT(counter(metrics.bytes(), "h2d_copy"), 0u);
    else
      EXPECT_EQ(counter(metrics.bytes(), "h2d_copy"), 0u);
  }
  EXPECT_EQ(ledger.stats(Mem::name()).current, 0u);
}

TYPED_TEST(ProveJob, BookedAndRealPeaksStayWithinTheBudget) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  constexpr SpaceKind here = space_kind_of<Exec>();
  const JobConfig job = small_job(here, here, "budget");
  const std::vector<std::uint64_t> f = shard_footprints(job);
  ASSERT_EQ(f.size(), 2u);
  const std::uint64_t one = std::max(f[0], f[1]);
  const std::string admission = "admission:" + std::string(Mem::name());

  for (const std::uint64_t budget : {one + one / 2, f[0] + f[1]}) {
    SCOPED_TRACE("budget " + std::to_string(budget));
    Metrics metrics;
    MemoryLedger ledger;
    ledger.set_budget(Mem::name(), budget);
    const ProveJobResult r = run_prove_job(job, metrics, ledger);
    EXPECT_EQ(r.overlapped, (can_overlap<Exec, Exec>()));
    EXPECT_LE(ledger.stats(Mem::name()).peak, budget);
    const std::uint64_t booked = counter(metrics.peak_memory(), admission);
    // Witgen of shard 1 is booked while shard 0 is proven only if both fit and may overlap.
    EXPECT_EQ(booked, budget >= f[0] + f[1] && r.overlapped ? f[0] + f[1] : one);
    EXPECT_NO_THROW(run_verify_job(job, job.output.proof, metrics));
  }
}

TYPED_TEST(ProveJob, ShardOverTheWholeBudgetFailsBeforeAnyWorkAndWritesNoProof) {
  using Mem = typename TestFixture::Mem;
  constexpr SpaceKind here = space_kind_of<typename TestFixture::Exec>();
  const JobConfig job = small_job(here, here, "over_budget");
  fs::remove(job.output.proof);
  Metrics metrics;
  MemoryLedger ledger;
  ledger.set_budget(Mem::name(), shard_footprints(job)[0] - 1);
  try {
    run_prove_job(job, metrics, ledger);
    FAIL() << "expected the budget to be refused";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("shard 0 needs"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(metrics.phases().empty());
  EXPECT_FALSE(fs::exists(job.output.proof));
}

}  // namespace
}  // namespace kprove
