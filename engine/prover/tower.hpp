// LogUp GKR tower: proves the root (P, Q) of the fractional-sum tree over each leaf vector
// (sum_i p_i / q_i = P / Q) and reduces it to claims on the leaf MLEs at a random point.
//
// Layer k of a tree of height h (k = 0 the root .. h the leaves) is an MLE in k variables
// (kernels/mle order, x_1 = MSB); the children of entry y are entries (y, 0) and (y, 1) of
// layer k + 1 (kernels/tower/layers.hpp). All trees are aligned at the root and share every
// challenge: at layer k every tree taller than k has its claim at the same point r_k, so ONE
// sumcheck per layer reduces all of them (T trees, eta fresh per layer):
//   sum_t eta^2t P_t(r_k) + eta^(2t+1) Q_t(r_k)
//     = sum_y eq(r_k, y) sum_t eta^2t (pL qR + pR qL)(y) + eta^(2t+1) (qL qR)(y),
// degree 3, run as an ExprInstance over layer k + 1 read as a (2^k x 4T) table. Its final
// values are the children at the sumcheck point rho; a fresh c gives r_{k+1} = (rho, c) and
// P_t(r_{k+1}) = pL(rho) + c (pR(rho) - pL(rho)), the same for Q. A tree of height h stops at
// r_h with its leaf claim. Layer 1 (the two children of every root) is sent in the clear as
// the top; the roots follow from it.
//
// Transcript: label "kprove.tower", tree count and heights (caller order); the top, c_0; per
// layer k = 1..H-1: eta, the sumcheck (engine/sumcheck), c_k. Inside, trees are ordered
// tallest first (stable), which is the column order of every layer and of the proof values.
#pragma once

#include <Kokkos_Core.hpp>
#include <utility>
#include <vector>

#include "engine/prover/impl/tower_shape.hpp"
#include "engine/sumcheck/proof.hpp"
#include "engine/transcript/transcript.hpp"
#include "views/owned.hpp"

namespace kprove {

struct TowerProof {
  std::vector<Ext> top;               // layer 1 as [left children | right children], 4 per tree
  std::vector<SumcheckProof> layers;  // layer k -> k + 1, k = 1..H-1
  friend bool operator==(const TowerProof&, const TowerProof&) = default;
};

// One tree's leaves: p and q, 2^height entries each (height >= 1).
template <class Mem>
struct TowerLeaves {
  Kokkos::View<const Ext*, Mem> p, q;
};

// Per tree, in caller order.
struct TowerClaims {
  std::vector<Ext> root_p, root_q;
  std::vector<std::vector<Ext>> points;  // r_h of the tree's height h (kernels/mle order)
  std::vector<Ext> leaf_p, leaf_q;       // the leaf MLEs at points[t]
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

// Replays the transcript; returns the roots and leaf claims the proof commits to. Throws
// VerifyError naming the failed check (layer and reason); std::invalid_argument for bad
// heights (the statement, not the proof).
TowerClaims verify_tower(Transcript& transcript, const std::vector<int>& heights,
                         const TowerProof& proof);

}  // namespace kprove

#include "engine/prover/impl/tower_prove.hpp"
