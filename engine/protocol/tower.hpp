// The LogUp GKR tower protocol: what its prover (engine/prover/tower.hpp) and its verifier
// share. The tower proves the root (P, Q) of the fractional-sum tree over each leaf vector
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

#include <cstddef>
#include <span>
#include <vector>

#include "engine/sumcheck/proof.hpp"
#include "engine/transcript/transcript.hpp"
#include "kernels/expr/expr.hpp"

namespace kprove {

struct TowerProof {
  std::vector<Ext> top;               // layer 1 as [left children | right children], 4 per tree
  std::vector<SumcheckProof> layers;  // layer k -> k + 1, k = 1..H-1
  friend bool operator==(const TowerProof&, const TowerProof&) = default;
};

// Per tree, in caller order.
struct TowerClaims {
  std::vector<Ext> root_p, root_q;
  std::vector<std::vector<Ext>> points;  // r_h of the tree's height h (kernels/mle order)
  std::vector<Ext> leaf_p, leaf_q;       // the leaf MLEs at points[t]
};

// Replays the transcript; returns the roots and leaf claims the proof commits to. Throws
// VerifyError naming the failed check (layer and reason); std::invalid_argument for bad
// heights (the statement, not the proof).
TowerClaims verify_tower(Transcript& transcript, const std::vector<int>& heights,
                         const TowerProof& proof);

// What prover and verifier derive identically from the tree heights, and the host arithmetic
// they share.
namespace detail {

constexpr int kMaxTowerHeight = 40;

struct TowerShape {
  std::vector<int> heights;        // caller order
  std::vector<std::size_t> order;  // tree indices, tallest first (stable)
  int max_height = 0;

  TowerShape() = default;
  // Throws std::invalid_argument for no trees or a height outside 1..kMaxTowerHeight.
  explicit TowerShape(std::vector<int> heights);
  // Trees of height >= k: the first active(k) entries of order.
  std::size_t active(int k) const;
};

void absorb_tower_statement(Transcript& t, const TowerShape& shape);

// The layer sumcheck's expressions [P_0, Q_0, P_1, Q_1, ...] for the first `trees` trees, over
// the children columns [left: p_0, q_0, p_1, q_1, ... | right: the same] (4 trees columns).
std::vector<Expr> tower_layer_exprs(std::size_t trees);

// The claims walking down the layers, in tallest-first order, and the finished trees' leaf
// claims in caller order.
class TowerWalk {
 public:
  explicit TowerWalk(const TowerShape& shape);

  // Roots from the top (children of every root).
  void set_roots(std::span<const Ext> top);
  // From layer k to k + 1: `children` (4 active(k+1) values) at the layer's point rho (k
  // coordinates), bound to c. Starts at k = 0 with rho empty and the top as children.
  void descend(std::span<const Ext> children, const std::vector<Ext>& rho, Ext c);
  // sum_s eta^2s P_s + eta^(2s+1) Q_s over the trees continuing below the current layer.
  Ext layer_sum(Ext eta) const;

  int layer() const { return k_; }
  const std::vector<Ext>& point() const { return point_; }
  TowerClaims take();

 private:
  const TowerShape& shape_;
  int k_ = 0;
  std::vector<Ext> point_, p_, q_;
  std::vector<Ext> root_p_, root_q_, leaf_p_, leaf_q_;
  std::vector<std::vector<Ext>> points_;
};

}  // namespace detail
}  // namespace kprove
