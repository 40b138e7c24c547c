// The proof of one shard (protocol: shard_protocol.hpp) and its versioned binary encoding.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/pcs/proof.hpp"
#include "engine/protocol/tower.hpp"
#include "engine/sumcheck/proof.hpp"
#include "kernels/hash/sponge.hpp"

namespace kprove {

struct ShardProof {
  uint64_t shard_index = 0;
  std::vector<uint32_t> log_rows;  // log2(rows) per trace, ChipSet order
  Digest commitment;               // Basefold batch root of every committed matrix
  TowerProof tower;                // LogUp GKR tower over all lookups
  SumcheckProof main;              // main constraints: one claim per trace
  BasefoldProof opening;           // witness columns at the main sumcheck's points
  // Preprocessed columns at the same points, against the verifying key's root; absent iff no
  // chip has preprocessed columns.
  std::optional<BasefoldProof> preprocessed_opening;
};

// Little-endian: magic "KPSH", u32 version, u64 shard index, log_rows, the commitment (4 Felt),
// the tower (top values, then each layer's sumcheck), the main sumcheck and the Basefold
// proof, a byte 0/1 and the preprocessed Basefold proof if 1; sub-proofs travel as
// length-prefixed blobs in their own encodings.
std::vector<uint8_t> serialize(const ShardProof& proof);

// Throws ProofFormatError on a wrong magic or version, truncated, oversized, non-canonical or
// trailing bytes, or a malformed sub-proof. `params` bounds the Basefold part.
ShardProof deserialize_shard_proof(const std::vector<uint8_t>& bytes, const PcsParams& params);

}  // namespace kprove
