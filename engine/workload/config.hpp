// What the built-in trace generator produces: N steps of a seeded pseudo-random program
// with a configurable instruction mix, cut into shards of shard_steps records.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>

#include "engine/workload/opcode.hpp"

namespace kprove::workload {

// Relative weights indexed by Opcode; an opcode of weight 0 never occurs.
struct InstructionMix {
  std::array<uint32_t, kNumOpcodes> weight{};

  static InstructionMix uniform();
  // Mnemonic -> weight (case-insensitive); opcodes not named get weight 0. Throws
  // std::invalid_argument on an unknown mnemonic.
  static InstructionMix from_names(const std::map<std::string, unsigned>& weights);
  uint64_t total() const;
};

struct WorkloadConfig {
  // Limits: write addresses and clk must stay unique 32-bit values.
  static constexpr uint64_t kMaxSteps = uint64_t(1) << 29;
  static constexpr uint32_t kMaxWeight = uint32_t(1) << 24;

  uint64_t seed = 1;
  uint64_t steps = 0;
  uint64_t shard_steps = 0;
  InstructionMix mix = InstructionMix::uniform();

  // Throws std::invalid_argument naming the offending field.
  void validate() const;
  uint64_t num_shards() const { return (steps + shard_steps - 1) / shard_steps; }
  uint64_t shard_first_step(uint64_t shard) const { return shard * shard_steps; }
  // Steps in `shard`; the last shard may be short.
  uint64_t shard_size(uint64_t shard) const;
};

}  // namespace kprove::workload
