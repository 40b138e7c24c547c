#include "engine/jobs/selfcheck_job.hpp"

#include "engine/jobs/job_runner.hpp"
#include "engine/jobs/trace_transfer.hpp"
#include "engine/log.hpp"
#include "kernels/trace/column_sums.hpp"
#include "kernels/witgen/random_trace.hpp"
#include "views/spaces.hpp"

namespace kprove {
namespace {

// The plain reference: the same cells, summed one by one on the host.
std::vector<Felt> host_column_sums(std::uint64_t seed, const ShardInfo& shard) {
  std::vector<Felt> sums(kSelfcheckColumns, Felt::zero());
  for (std::uint64_t r = 0; r < shard.rows; ++r)
    for (std::size_t c = 0; c < kSelfcheckColumns; ++c)
      sums[c] += random_cell(seed, shard.first_step + r, c);
  return sums;
}

template <class WitMem>
struct State {
  Trace<WitMem> witness;  // from the witness step to the selfcheck step
};

template <class WitExec, class ComExec>
SelfcheckResult run_typed(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger) {
  using WitMem = typename WitExec::memory_space;
  using ComMem = typename ComExec::memory_space;
  using S = State<WitMem>;
  const std::uint64_t seed = job.workload.seed;
  const auto shards = plan_shards(job.workload);
  SelfcheckResult result;
  result.shards = shards.size();

  JobRunner<S> runner(metrics);
  runner.add_step("witness", job.spaces.witgen, [&](const ShardInfo& shard, S& st) {
    log::debug("shard " + std::to_string(shard.index) + ": " + std::to_string(shard.steps) +
               " steps from step " + std::to_string(shard.first_step));
    const WitExec exec;
    st.witness = Trace<WitMem>::allocate(ledger, "selfcheck" + std::to_string(shard.index),
                                         shard.rows, kSelfcheckColumns);
    fill_random_trace(exec, st.witness.view(), seed, shard.first_step);
    exec.fence();
  });
  runner.add_step("selfcheck", job.spaces.commit, [&](const ShardInfo& shard, S& st) {
    const ComExec exec;
    Trace<ComMem> trace;
    {
      PhaseScope copy(metrics, "transfer", shard.index, job.spaces.commit);
      trace = transfer_trace<ComMem>(exec, std::move(st.witness), ledger, metrics);
    }
    const std::vector<Felt> device = column_sums(exec, trace.view());
    std::vector<Felt> host;
    {
      PhaseScope ref(metrics, "host_reference", shard.index, SpaceKind::serial);
      host = host_column_sums(seed, shard);
    }
    for (std::size_t c = 0; c < kSelfcheckColumns; ++c)
      if (device[c] != host[c])
        result.mismatches.push_back(
            "shard " + std::to_string(shard.index) + " column " + std::to_string(c) + ": device " +
            std::to_string(device[c].value()) + ", host " + std::to_string(host[c].value()));
  });
  runner.run(shards);
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
