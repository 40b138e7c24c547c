// What a job's shards book in the prove space, worked out before a run: the worst shard of its
// shard_cycles, and the largest shard height whose worst shard fits the budget.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "config/job_config.hpp"
#include "engine/scheduler/shard_bytes.hpp"

namespace kprove {

struct JobMemory {
  std::string space;        // "device" or "host": the space the prover books in
  uint64_t budget = 0;      // of that space; 0: unlimited
  uint32_t log_rows = 0;    // the job's shard height bound (job_max_log_rows)
  ShardBytes shard, last;   // worst shard, and worst last shard (with the memory tables)
  // The largest height (2^4 .. 2^28) whose worst shards fit the budget; unset when the
  // budget is unlimited or not even 2^4 fits.
  std::optional<uint32_t> largest_fitting;
  uint64_t largest_shard_cycles = 0;  // the cycles of such a shard

  uint64_t peak() const { return std::max(shard.peak(), last.peak()); }
  bool fits() const { return budget == 0 || peak() <= budget; }
};

JobMemory job_memory(const JobConfig& job);

}  // namespace kprove
