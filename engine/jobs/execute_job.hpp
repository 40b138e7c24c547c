// What `kprove execute` does: run the job's guest program on the emulator, without proving.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/job_config.hpp"
#include "engine/vm/emulator.hpp"

namespace kprove {

struct ExecuteOptions {
  bool records = false;  // also re-execute every shard with records
  unsigned threads = 0;  // host threads for the records (0: all cores)
};

struct ExecuteReport {
  vm::Execution execution;
  double execute_s = 0;  // the plain run
  // With records: the checkpointing pass and the parallel re-execution.
  std::size_t shards = 0;
  double plan_s = 0, record_s = 0;
  unsigned threads = 0;
  std::uint64_t record_bytes = 0;
  std::uint64_t chip_rows[vm::kNumChipKinds] = {};
};

// Throws ConfigError when the job names no program, vm::ElfError for a bad ELF and
// vm::VmError when the guest faults.
ExecuteReport run_execute_job(const JobConfig& job, const ExecuteOptions& options);

// The report as the CLI prints it: cycles, exit code, output (hex, and text where printable),
// emulation rate, and with records the per-chip row counts.
std::string format_execute_report(const JobConfig& job, const ExecuteReport& r);

}  // namespace kprove
