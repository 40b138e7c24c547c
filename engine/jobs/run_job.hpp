// What `kprove run` and `kprove selfcheck` do with a parsed job: apply its memory budgets to the
// ledger, run it, record peak memory and write the metrics and timeline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/job_config.hpp"
#include "engine/jobs/program_job.hpp"
#include "engine/metrics/metrics.hpp"
#include "views/memory_ledger.hpp"

namespace kprove {

struct JobOutcome {
  bool ok = false;
  std::string message;               // one line for the user
  std::vector<std::string> details;  // what went wrong, one entry per problem
};

// Proves the job's program (run_program_job) with its labels, budgets and peaks, and the cycle
// and shard counts; exceptions (e.g. BudgetExceeded, ShardError) propagate, nothing is written.
ProgramJobResult run_program_proving_job(const JobConfig& job, Metrics& metrics,
                                         MemoryLedger& ledger, Communicator* ranks = nullptr);

// The backend self-check (selfcheck_job.hpp). Exceptions propagate.
JobOutcome run_selfcheck(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger);

// Writes job.output.metrics, job.output.timeline and, given `proof`, job.output.proof, creating
// their directories: each is written in full to a temporary beside its target first, then all
// are renamed into place, the proof last, so a failure writing any of them (disk full, a
// directory in the way) replaces none, least of all an existing proof, and leaves no
// temporary. Throws std::runtime_error naming the file when it cannot be written.
void write_job_reports(const JobConfig& job, const Metrics& metrics,
                       const std::optional<std::vector<uint8_t>>& proof = std::nullopt);

// device_budget goes to every non-host memory space of this build, host_budget to HostSpace.
void apply_memory_budgets(const MemoryConfig& memory, MemoryLedger& ledger);
// Resets the peaks of this build's memory spaces, so a run reports its own peak.
void reset_memory_peaks(MemoryLedger& ledger);
void record_peak_memory(const MemoryLedger& ledger, Metrics& metrics);

}  // namespace kprove
