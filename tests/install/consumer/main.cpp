// Uses the installed kprove: the job parser, a field kernel from the installed headers checked
// against the host, and the engine library running a small self-check job.
#include <Kokkos_Core.hpp>
#include <cstdio>

#include "config/job_config.hpp"
#include "engine/jobs/run_job.hpp"
#include "engine/version.hpp"
#include "kernels/trace/column_sums.hpp"
#include "kernels/witgen/random_trace.hpp"

int main(int argc, char** argv) {
  using namespace kprove;
  const JobConfig job = parse_job_text(
      "job: consumer\nworkload: {steps: 300, shard_steps: 128, seed: 5}\n", "consumer.yaml");
  Kokkos::ScopeGuard kokkos(argc, argv);
  bool ok = true;
  {
    using Exec = Kokkos::DefaultExecutionSpace;
    Mat<Felt, Exec::memory_space> m("m", 64, 3);
    fill_random_trace(Exec(), m, 5, 0);
    const auto sums = column_sums(Exec(), m);
    for (std::uint64_t c = 0; c < 3; ++c) {
      Felt host = Felt::zero();
      for (std::uint64_t r = 0; r < 64; ++r) host += random_cell(5, r, c);
      ok = ok && sums[c] == host;
    }
    Metrics metrics;
    MemoryLedger ledger;
    const JobOutcome outcome = run_job(job, metrics, ledger);
    ok = ok && outcome.ok;
    std::printf("kprove %s (Kokkos %s): %s\n", version(), kokkos_version().c_str(),
                outcome.message.c_str());
  }
  std::printf("consumer %s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
