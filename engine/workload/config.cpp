#include "engine/workload/config.hpp"

#include <algorithm>
#include <stdexcept>

namespace kprove::workload {

InstructionMix InstructionMix::uniform() {
  InstructionMix m;
  m.weight.fill(1);
  return m;
}

InstructionMix InstructionMix::from_names(const std::map<std::string, unsigned>& weights) {
  InstructionMix m;
  for (const auto& [name, w] : weights)
    m.weight[static_cast<std::size_t>(opcode_from_name(name))] = w;
  return m;
}

uint64_t InstructionMix::total() const {
  uint64_t t = 0;
  for (uint32_t w : weight) t += w;
  return t;
}

void WorkloadConfig::validate() const {
  if (steps == 0 || steps > kMaxSteps)
    throw std::invalid_argument("workload steps must be in [1, 2^29], got " +
                                std::to_string(steps));
  if (shard_steps == 0 || shard_steps > kMaxSteps)
    throw std::invalid_argument("workload shard_steps must be in [1, 2^29], got " +
                                std::to_string(shard_steps));
  for (std::size_t i = 0; i < kNumOpcodes; ++i)
    if (mix.weight[i] > kMaxWeight)
      throw std::invalid_argument("instruction weight of " + to_string(Opcode(i)) +
                                  " exceeds 2^24: " + std::to_string(mix.weight[i]));
  if (mix.total() == 0) throw std::invalid_argument("instruction mix has no opcode of weight > 0");
}

uint64_t WorkloadConfig::shard_size(uint64_t shard) const {
  if (shard >= num_shards())
    throw std::invalid_argument("shard " + std::to_string(shard) + " out of range (" +
                                std::to_string(num_shards()) + " shards)");
  return std::min(shard_steps, steps - shard_first_step(shard));
}

}  // namespace kprove::workload
