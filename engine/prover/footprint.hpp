// Bytes a shard holds in the prove memory space, phase by phase, computed from its shapes
// (chips and trace heights), so the scheduler books each phase before it starts instead of
// finding out by allocating. tests/rv32im/continuation_test.cpp checks the ledger peak of real
// runs against the bookings.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/pcs/params.hpp"
#include "engine/protocol/shard_protocol.hpp"
#include "engine/scheduler/shard_bytes.hpp"

namespace kprove {

// Upper bounds, term by term per trace. witness: the traces. witgen: the traces plus `extra`
// (records, counters: what witgen reads besides). prove: the committed copies, codewords and
// Merkle layers, which live to the opening, plus the largest of the three phases that follow
// one another and free their tables before the next starts: the tower (LogUp leaves and
// layers), the main sumcheck (Ext tables) and the Basefold opening (combined and folded
// tables, folded codewords and their trees).
ShardBytes shard_footprint(const ChipList& chips, const std::vector<uint32_t>& log_rows,
                           const PcsParams& params, uint64_t extra = 0);

}  // namespace kprove
