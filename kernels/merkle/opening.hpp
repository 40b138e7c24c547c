// An opening of a MerkleTree (merkle_tree.hpp): what the prover sends and the host verifier
// (merkle_verify.hpp) reads, apart from the device tree.
#pragma once

#include <vector>

#include "kernels/hash/sponge.hpp"

namespace kprove {

template <class H = GoldilocksHasher>
struct MerkleOpeningOf {
  using Hasher = H;
  std::vector<std::vector<typename H::Field>> rows;  // one per matrix, caller order
  std::vector<typename H::Digest> siblings;         // bottom-up, one per layer below the root
};

using MerkleOpening = MerkleOpeningOf<>;

}  // namespace kprove
