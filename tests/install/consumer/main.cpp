// Uses the installed kprove: the job parser, a kernel from the installed headers checked against
// the host, and the engine library proving a small job and verifying the proof file.
#include <Kokkos_Core.hpp>
#include <cstdio>
#include <exception>

#include "config/job_config.hpp"
#include "engine/jobs/prove_job.hpp"
#include "engine/version.hpp"
#include "kernels/trace/column_sums.hpp"
#include "kernels/witgen/random_trace.hpp"

int main(int argc, char** argv) {
  using namespace kprove;
  const JobConfig job = parse_job_text(
      "job: consumer\nworkload: {steps: 300, shard_steps: 256, seed: 5}\n"
      "pcs: {queries: 20, pow_bits: 4}\noutput: {proof: consumer.proof}\n",
      "consumer.yaml");
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
    try {
      const ProveJobResult proved = run_prove_job(job, metrics, ledger);
      run_verify_job(job, job.output.proof, metrics);
      std::printf("kprove %s (Kokkos %s): %llu shards proven and verified, %llu proof bytes\n",
                  version(), kokkos_version().c_str(), (unsigned long long)proved.shards,
                  (unsigned long long)proved.proof_bytes);
    } catch (const std::exception& e) {
      std::printf("prove/verify failed: %s\n", e.what());
      ok = false;
    }
  }
  std::printf("consumer %s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
