// What prover and verifier of the tower (engine/prover/tower.hpp) derive identically from the
// tree heights, and the host arithmetic they share.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "engine/transcript/transcript.hpp"
#include "kernels/expr/expr.hpp"

namespace kprove {

struct TowerClaims;

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
