// Runs a job as an ordered list of per-shard steps. Each step is one phase on one execution
// space (timed by a PhaseScope); the steps of a shard share a State that the job defines, so a
// prover slots in as steps such as witness -> commit_traces -> main_constraints -> tower ->
// pcs_opening, each handing its buffers to the next through the State.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "config/job_config.hpp"
#include "engine/metrics/metrics.hpp"

namespace kprove {

// One shard of the workload: steps [first_step, first_step + steps), traced in `rows` rows
// (shard_steps; the last shard's rows past its steps are padding).
struct ShardInfo {
  long index = 0;
  std::uint64_t first_step = 0;
  std::uint64_t steps = 0;
  std::uint64_t rows = 0;
};

std::vector<ShardInfo> plan_shards(const Workload& workload);

template <class State>
class JobRunner {
 public:
  using StepFn = std::function<void(const ShardInfo&, State&)>;

  explicit JobRunner(Metrics& metrics) : metrics_(metrics) {}

  // `fn` must leave its kernels complete when it returns (fence), so the phase time is real.
  JobRunner& add_step(std::string phase, SpaceKind space, StepFn fn) {
    steps_.push_back(Step{std::move(phase), space, std::move(fn)});
    return *this;
  }

  // Every step on every shard, shard after shard. Each shard gets a fresh State, destroyed
  // (releasing its buffers to the ledger) before the next shard starts. Exceptions from a
  // step propagate after the State is released.
  void run(const std::vector<ShardInfo>& shards) const {
    for (const ShardInfo& shard : shards) {
      State state{};
      for (const Step& step : steps_) {
        PhaseScope scope(metrics_, step.phase, shard.index, step.space);
        step.fn(shard, state);
      }
    }
  }

 private:
  struct Step {
    std::string phase;
    SpaceKind space;
    StepFn fn;
  };
  Metrics& metrics_;
  std::vector<Step> steps_;
};

}  // namespace kprove
