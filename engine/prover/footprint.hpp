// Bytes a shard holds in the prove memory space from witgen start to proof end, computed from
// its shapes (chips and trace heights), so the scheduler books them before the shard starts
// instead of finding out by allocating. tests/engine/prover/footprint_test.cpp checks the
// ledger peak of real shard proofs against it.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/pcs/params.hpp"
#include "engine/prover/shard_protocol.hpp"

namespace kprove {

// Upper bound of the shard's peak bytes, term by term per trace: the trace, its codeword
// (2^rate_bits x committed columns), Merkle layers, LogUp leaves and tower layers, the Ext
// tables of the main sumcheck; plus `extra` (records, counters: what witgen holds besides).
uint64_t shard_footprint(const ChipList& chips, const std::vector<uint32_t>& log_rows,
                         const PcsParams& params, uint64_t extra = 0);

}  // namespace kprove
