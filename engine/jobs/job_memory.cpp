#include "engine/jobs/job_memory.hpp"

#include <memory>
#include <tuple>

#include "engine/jobs/job_security.hpp"
#include "engine/rv32im/machine.hpp"
#include "engine/vm/program.hpp"

namespace kprove {

namespace {

std::pair<ShardBytes, ShardBytes> worst(const std::shared_ptr<const vm::Guest>& guest,
                                        uint32_t log_rows, const PcsParams& params) {
  const rv32im::Machine machine(guest, log_rows);
  return {machine.worst_footprint(params, false), machine.worst_footprint(params, true)};
}

}  // namespace

JobMemory job_memory(const JobConfig& job) {
  JobMemory out;
  const bool device = job.spaces.prove == SpaceKind::cuda;
  out.space = device ? "device" : "host";
  out.budget = device ? job.memory.device_budget : job.memory.host_budget;
  out.log_rows = job_max_log_rows(job);
  const auto guest = std::make_shared<const vm::Guest>(vm::load_elf_file(job.guest.program));
  const PcsParams params = job_pcs_params(job);
  std::tie(out.shard, out.last) = worst(guest, out.log_rows, params);
  if (out.budget == 0) return out;
  for (uint32_t m = 4; m <= rv32im::kMaxMaxLogRows; ++m) {
    const auto [shard, last] = worst(guest, m, params);
    if (std::max(shard.peak(), last.peak()) > out.budget) break;
    out.largest_fitting = m;
    out.largest_shard_cycles = rv32im::shard_cycles(m);
  }
  return out;
}

}  // namespace kprove
