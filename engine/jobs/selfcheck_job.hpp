// The self-check job: exercises the engine's plumbing end to end without a prover. Per shard:
//   witness   (spaces.witgen) allocate a Trace through the ledger, fill it with random_cell
//   selfcheck (spaces.commit) move it to the commit space (copied only if the memory space
//             differs), column sums on that space, compared with a host recomputation.
// Identical results on every backend are the point: a mismatch means a broken backend,
// transfer or reduction.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "config/job_config.hpp"
#include "engine/metrics/metrics.hpp"
#include "views/memory_ledger.hpp"

namespace kprove {

inline constexpr std::size_t kSelfcheckColumns = 16;

struct SelfcheckResult {
  std::size_t shards = 0;
  std::vector<std::string> mismatches;  // "shard 2 column 5: device 123, host 456"
  bool ok() const { return mismatches.empty(); }
};

SelfcheckResult run_selfcheck_job(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger);

}  // namespace kprove
