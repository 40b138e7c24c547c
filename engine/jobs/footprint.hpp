// Device bytes one shard holds from witgen start to proof end, computed from its shapes: the
// rows of each chip follow from the shard's opcode counts (made on the host from the same
// counter-based program the device witgen runs, so no guess), the rest from the PCS rate.
// The scheduler books this before the shard starts; the shard-footprint test checks the ledger
// peak of a real proof against it.
#pragma once

#include <array>
#include <cstdint>

#include "engine/chip/chip_set.hpp"
#include "engine/pcs/params.hpp"
#include "engine/workload/config.hpp"

namespace kprove {

struct ShardShape {
  std::array<uint64_t, 3> records{};  // per OpClass (alu, mul, mem)
  uint64_t steps = 0;
};

// Counts the opcode classes of one shard on the host (no device work).
ShardShape shard_shape(const workload::WorkloadConfig& cfg, uint64_t shard);

// Upper bound of the shard's peak bytes in the prove memory space, term by term:
// records + traces + codewords (2^rate_bits x committed columns) + Merkle layers + LogUp
// leaves and tower layers + the Ext tables of the main sumcheck.
uint64_t shard_footprint(const chip::ChipSet& chips, const ShardShape& shape,
                         const PcsParams& params);

}  // namespace kprove
