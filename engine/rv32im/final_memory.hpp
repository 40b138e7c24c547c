// The final value and timestamp of every register and word a run touched, what the last
// shard's memory tables finalise: its shards' boundaries, the later access of an address
// kept. Timestamps grow over the run, so the union is the same in any order of adding, and
// ranks that proved different shards merge theirs (engine/distributed).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/rv32im/tables/memory_tables.hpp"
#include "engine/vm/records.hpp"

namespace kprove::rv32im {

struct FinalMemory {
  Boundary registers, memory;
  void add(const vm::ShardRecords& shard);
  void merge(const FinalMemory& other);
};

// Little-endian: for registers then memory a u64 count, then five u32 per entry.
std::vector<uint8_t> serialize(const FinalMemory& final);
// Throws ProofFormatError when the bytes are not a FinalMemory (sorted, unique addresses).
FinalMemory deserialize_final_memory(const std::vector<uint8_t>& bytes);

}  // namespace kprove::rv32im
