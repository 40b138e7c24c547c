// The Basefold opening proof and its versioned binary encoding.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "engine/pcs/params.hpp"
#include "engine/proof/bytes.hpp"
#include "kernels/merkle/opening.hpp"

namespace kprove {

struct BasefoldQueryProof {
  MerkleOpening initial;              // the batch commitment at pair index q
  std::vector<MerkleOpening> layers;  // folded layer t = 1 .. T-1 at pair index q >> t
};

struct BasefoldProof {
  std::vector<std::array<Ext, 3>> reduction_rounds;  // point reduction: h_t(0), h_t(1), h_t(2)
  std::vector<Ext> reduced_evals;                    // per matrix, its combined MLE at s_k
  std::vector<std::array<Ext, 2>> fold_rounds;       // Basefold sumcheck: L_t(0), L_t(1)
  std::vector<Digest> layer_roots;                   // folded layers 1 .. T-1
  std::vector<Ext> final_message;                    // the fully folded MLE, in the clear
  uint64_t pow_nonce = 0;
  std::vector<BasefoldQueryProof> queries;
};

// Magic "KPBF", format version, then the fields above in order with u64 length prefixes.
std::vector<uint8_t> serialize(const BasefoldProof& proof);
// Throws ProofFormatError on truncated, oversized, non-canonical or trailing bytes. Lengths
// are bounded by `params` (queries, final message) and by the field's two-adicity.
BasefoldProof deserialize_basefold_proof(const std::vector<uint8_t>& bytes,
                                         const PcsParams& params);

}  // namespace kprove
