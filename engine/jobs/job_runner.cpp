#include "engine/jobs/job_runner.hpp"

#include <algorithm>

namespace kprove {

std::vector<ShardInfo> plan_shards(const Workload& w) {
  std::vector<ShardInfo> shards;
  for (std::uint64_t first = 0; first < w.steps; first += w.shard_steps)
    shards.push_back(ShardInfo{static_cast<long>(shards.size()), first,
                               std::min(w.shard_steps, w.steps - first), w.shard_steps});
  return shards;
}

}  // namespace kprove
