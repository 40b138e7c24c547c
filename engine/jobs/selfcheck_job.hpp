// The self-check job: the backends against the host on the job's own program, without a
// prover. Per shard of the run:
//   witness   (spaces.witgen) re-execute the shard and make every trace (device witgen)
//   selfcheck (spaces.commit) move the traces to the commit space (copied only if the memory
//             space differs), column sums there, compared with the same traces made and
//             summed on the host (Serial).
// Identical results on every backend are the point: a mismatch means a broken backend,
// transfer, witgen or reduction.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "config/job_config.hpp"
#include "engine/metrics/metrics.hpp"
#include "views/memory_ledger.hpp"

namespace kprove {

struct SelfcheckResult {
  std::size_t shards = 0;
  std::size_t cells = 0;                 // trace cells checked
  std::vector<std::string> mismatches;  // "shard 2 chip alu_reg column 5: 123 on cuda, 456 on the host"
  bool ok() const { return mismatches.empty(); }
};

SelfcheckResult run_selfcheck_job(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger);

}  // namespace kprove
