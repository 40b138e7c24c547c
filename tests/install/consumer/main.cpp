// Uses the installed kprove: the job parser, a kernel from the installed headers checked against
// the host, the engine library proving a small job and verifying the proof file, and a chip of
// its own (square_chip.hpp) proven and verified with the shard prover, a forged trace rejected.
#include <Kokkos_Core.hpp>
#include <cstdio>
#include <exception>

#include "config/job_config.hpp"
#include "engine/jobs/prove_job.hpp"
#include "engine/version.hpp"
#include "kernels/trace/column_sums.hpp"
#include "kernels/witgen/random_trace.hpp"
#include "engine/chip/table_chips.hpp"
#include "engine/prover/shard_prover.hpp"
#include "engine/verifier/shard_verifier.hpp"
#include "square_chip.hpp"

namespace {

// Proves the squares of `xs` (y of row `forge` set to y + 1 when forge >= 0); whether the
// verifier accepts.
template <class Exec>
bool prove_squares(const std::vector<std::uint32_t>& xs, long forge) {
  using namespace kprove;
  using Mem = typename Exec::memory_space;
  MemoryLedger ledger;
  const SquareChip square;
  const chip::U16RangeTable range;
  const ChipList chips = {&square, &range};
  chip::Multiplicities<Mem> mult(Exec(), ledger);
  const auto records = upload_vec<Mem>(Exec(), ledger, "xs", xs);
  chip::ShardTraces<Mem> w;
  w.chips = chips;
  w.traces.push_back(chip::witgen_rows(Exec(), ledger, square,
                                       Kokkos::View<const std::uint32_t*, Mem>(records.view()),
                                       mult.counters(), SquareFill{}));
  w.traces.push_back(range.witgen(Exec(), ledger, mult));
  if (forge >= 0) {
    auto cell = Kokkos::subview(w.traces[0].view(), forge, 2);
    Felt y;
    Kokkos::deep_copy(y, cell);
    Kokkos::deep_copy(cell, y + Felt::one());
  }
  PcsParams params;
  params.queries = 20;
  params.pow_bits = 4;
  ShardStatement statement;
  statement.max_log_rows = 10;
  const ShardProof proof = prove_shard(Exec(), ledger, chips, std::move(w), params, statement, nullptr);
  try {
    verify_shard(proof, chips, statement, params);
    return true;
  } catch (const VerifyError&) {
    return false;
  }
}

}  // namespace

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
    const std::vector<std::uint32_t> xs = {3, 65535, 0, 12345, 7};
    const bool honest = prove_squares<Exec>(xs, -1), forged = prove_squares<Exec>(xs, 1);
    std::printf("own chip: honest proof %s, forged square %s\n",
                honest ? "verified" : "REJECTED", forged ? "ACCEPTED" : "rejected");
    ok = ok && honest && !forged;
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
