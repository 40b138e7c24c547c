#include "engine/jobs/selfcheck_job.hpp"

#include <memory>

#include "engine/jobs/job_security.hpp"
#include "engine/rv32im/program_proof.hpp"
#include "engine/scheduler/trace_transfer.hpp"
#include "kernels/trace/column_sums.hpp"
#include "views/spaces.hpp"

namespace kprove {
namespace {

template <class WitExec, class ComExec>
SelfcheckResult run_typed(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger) {
  using ComMem = typename ComExec::memory_space;
  const rv32im::Machine machine(std::make_shared<vm::Guest>(vm::load_elf_file(job.guest.program)),
                                job_max_log_rows(job));
  vm::ShardPlan plan;
  {
    PhaseScope scope(metrics, "plan", -1, SpaceKind::serial);
    plan = vm::plan_shards(machine.shared_guest(),
                           std::make_shared<const std::vector<uint8_t>>(job.guest.input),
                           job.guest.max_cycles, rv32im::shard_cycles(job_max_log_rows(job)));
  }
  SelfcheckResult result;
  result.shards = plan.num_shards();
  rv32im::FinalMemory final;
  for (std::size_t s = 0; s < plan.num_shards(); ++s) {
    const vm::ShardRecords records = vm::record_shard(plan, s);
    final.add(records);
    const rv32im::FinalMemory* last = s + 1 == plan.num_shards() ? &final : nullptr;
    chip::ShardTraces<typename WitExec::memory_space> made;
    {
      PhaseScope scope(metrics, "witness", long(s), job.spaces.witgen);
      const WitExec exec;
      made = machine.witgen(exec, ledger, records, last);
      exec.fence();
    }
    std::vector<std::vector<Felt>> host;
    {
      PhaseScope scope(metrics, "host_reference", long(s), SpaceKind::serial);
      const Kokkos::Serial serial;
      for (const auto& t : machine.witgen(serial, ledger, records, last).traces)
        host.push_back(column_sums(serial, t.view()));
    }
    PhaseScope scope(metrics, "selfcheck", long(s), job.spaces.commit);
    const ComExec exec;
    for (std::size_t k = 0; k < made.traces.size(); ++k) {
      result.cells += made.traces[k].rows() * made.traces[k].cols();
      const Trace<ComMem> trace =
          transfer_trace<ComMem>(exec, std::move(made.traces[k]), ledger, &metrics);
      const std::vector<Felt> sums = column_sums(exec, trace.view());
      for (std::size_t c = 0; c < sums.size(); ++c)
        if (sums[c] != host[k][c])
          result.mismatches.push_back(
              "shard " + std::to_string(s) + " chip " + made.chips[k]->name() + " column " +
              made.chips[k]->columns()[c] + ": sum " + std::to_string(sums[c].value()) + " on " +
              to_string(job.spaces.witgen) + ", " + std::to_string(host[k][c].value()) +
              " on the host");
    }
  }
  return result;
}

}  // namespace

SelfcheckResult run_selfcheck_job(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger) {
  return dispatch_space(job.spaces.witgen, [&](auto wit) {
    return dispatch_space(job.spaces.commit, [&](auto com) {
      return run_typed<decltype(wit), decltype(com)>(job, metrics, ledger);
    });
  });
}

}  // namespace kprove
