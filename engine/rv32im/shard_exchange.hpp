// What ranks exchange while proving one run (run_prover.hpp): shards' commitments and proofs,
// each tagged with its shard index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/rv32im/statement.hpp"

namespace kprove::rv32im {

using IndexedBytes = std::vector<std::pair<std::size_t, std::vector<uint8_t>>>;

// Little-endian: a u64 count, then per entry its u64 index and u64-length-prefixed bytes.
std::vector<uint8_t> pack(const IndexedBytes& entries);
// Throws ProofFormatError for malformed bytes or an index not below `count`.
IndexedBytes unpack(const std::vector<uint8_t>& bytes, std::size_t count);

// A u64 count of heights (u32 each), then the root's four field elements.
std::vector<uint8_t> serialize(const ShardCommitment& c);
ShardCommitment deserialize_shard_commitment(const std::vector<uint8_t>& bytes);

}  // namespace kprove::rv32im
