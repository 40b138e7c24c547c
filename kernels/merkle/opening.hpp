// An opening of a MerkleTree (merkle_tree.hpp): what the prover sends and the host verifier
// (merkle_verify.hpp) reads, apart from the device tree.
#pragma once

#include <vector>

#include "kernels/hash/sponge.hpp"

namespace kprove {

struct MerkleOpening {
  std::vector<std::vector<Felt>> rows;  // one per matrix, caller order
  std::vector<Digest> siblings;         // bottom-up, one per layer below the root
};

}  // namespace kprove
