// `kprove run` and `kprove verify` for a real job: the reference workload is cut into shards;
// per shard, witness generation on spaces.witgen (records made on the device), a copy to the
// prove space only when the memory spaces differ (the CPU_WITGEN path), then commit, tower,
// main constraints and PCS opening on spaces.prove — shards pipelined so witgen of shard i+1
// overlaps proving of shard i under the booked device budget (engine/scheduler).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/job_config.hpp"
#include "engine/metrics/metrics.hpp"
#include "engine/proof/proof_file.hpp"
#include "views/memory_ledger.hpp"

namespace kprove {

struct ProveJobResult {
  std::uint64_t shards = 0;
  std::uint64_t proof_bytes = 0;
  bool overlapped = false;  // witgen ran beside proving
};

// Proves every shard and writes job.output.proof (atomically, only when all shards are proven).
// Given `proof`, hands the proof file back there instead and writes nothing: the caller commits
// it together with the run's other outputs (write_job_reports).
ProveJobResult run_prove_job(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger,
                             ProofFile* proof = nullptr);

// Reads and checks a proof file against the job: fingerprint, shard count, every shard proof.
// Throws ProofFormatError (corrupt file), VerifyError (rejected proof) naming the shard.
void run_verify_job(const JobConfig& job, const std::string& proof_path, Metrics& metrics);

// Bytes of prove-space memory each shard books before it starts (engine/jobs/footprint.hpp).
std::vector<std::uint64_t> shard_footprints(const JobConfig& job);

// The canonical statement a proof is bound to (workload and PCS parameters).
std::string job_statement(const JobConfig& job);

}  // namespace kprove
