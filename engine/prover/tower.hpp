// The LogUp GKR tower's prover: builds every layer of a batch of trees, then proves them layer
// by layer (the protocol, its proof and its verifier: engine/protocol/tower.hpp).
#pragma once

#include <Kokkos_Core.hpp>
#include <utility>
#include <vector>

#include "engine/protocol/tower.hpp"
#include "views/owned.hpp"

namespace kprove {

// One tree's leaves: p and q, 2^height entries each (height >= 1).
template <class Mem>
struct TowerLeaves {
  Kokkos::View<const Ext*, Mem> p, q;
};

// All layers of a batch of trees, built before proving so the leaves can be released.
template <class Mem>
struct Tower {
  detail::TowerShape shape;
  std::vector<Owned<Mat<Ext, Mem>>> layers;  // layers[k], k = 1..H; (2^k x 2 active(k))
};

struct TowerOutput {
  TowerProof proof;
  TowerClaims claims;
};

// Throws std::invalid_argument for no trees, p/q of different or non-power-of-two sizes, or a
// single-leaf tree.
template <class Exec>
Tower<typename Exec::memory_space> build_tower(
    const Exec& exec, MemoryLedger& ledger,
    const std::vector<TowerLeaves<typename Exec::memory_space>>& trees);

// Consumes the tower, releasing every layer once its sumcheck has read it.
template <class Exec>
TowerOutput prove_tower(const Exec& exec, MemoryLedger& ledger,
                        Tower<typename Exec::memory_space>&& tower, Transcript& transcript);

}  // namespace kprove

#include "engine/prover/impl/tower_prove.hpp"
