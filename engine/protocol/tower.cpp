#include "engine/protocol/tower.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

#include "engine/algebra/algebra.hpp"
#include "engine/proof/verify_error.hpp"
#include "engine/sumcheck/verifier.hpp"

namespace kprove {

namespace detail {

TowerShape::TowerShape(std::vector<int> h) : heights(std::move(h)) {
  if (heights.empty()) throw std::invalid_argument("tower: no trees");
  for (std::size_t t = 0; t < heights.size(); ++t)
    if (heights[t] < 1 || heights[t] > kMaxTowerHeight)
      throw std::invalid_argument("tower: tree " + std::to_string(t) + " has height " +
                                  std::to_string(heights[t]) + ", supported 1.." +
                                  std::to_string(kMaxTowerHeight));
  order.resize(heights.size());
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return heights[a] > heights[b]; });
  max_height = heights[order[0]];
}

std::size_t TowerShape::active(int k) const {
  std::size_t n = 0;
  while (n < order.size() && heights[order[n]] >= k) ++n;
  return n;
}

void absorb_tower_statement(Transcript& t, const TowerShape& shape) {
  t.absorb_label("kprove.tower");
  t.absorb_size(shape.heights.size());
  for (int h : shape.heights) t.absorb_size(std::size_t(h));
}

std::vector<Expr> tower_layer_exprs(std::size_t trees) {
  std::vector<Expr> out;
  const auto col = [](std::size_t c) { return Expr::col(uint32_t(c)); };
  const std::size_t right = 2 * trees;
  for (std::size_t s = 0; s < trees; ++s) {
    const Expr pl = col(2 * s), ql = col(2 * s + 1);
    const Expr pr = col(right + 2 * s), qr = col(right + 2 * s + 1);
    out.push_back(pl * qr + pr * ql);
    out.push_back(ql * qr);
  }
  return out;
}

TowerWalk::TowerWalk(const TowerShape& shape)
    : shape_(shape),
      root_p_(shape.heights.size()),
      root_q_(shape.heights.size()),
      leaf_p_(shape.heights.size()),
      leaf_q_(shape.heights.size()),
      points_(shape.heights.size()) {}

void TowerWalk::set_roots(std::span<const Ext> top) {
  const auto exprs = tower_layer_exprs(shape_.order.size());
  for (std::size_t s = 0; s < shape_.order.size(); ++s) {
    root_p_[shape_.order[s]] = exprs[2 * s].evaluate(top);
    root_q_[shape_.order[s]] = exprs[2 * s + 1].evaluate(top);
  }
}

void TowerWalk::descend(std::span<const Ext> children, const std::vector<Ext>& rho, Ext c) {
  const std::size_t trees = shape_.active(k_ + 1);
  if (children.size() != 4 * trees || rho.size() != std::size_t(k_))
    throw std::logic_error("TowerWalk: children or point do not match layer " + std::to_string(k_));
  p_.resize(trees);
  q_.resize(trees);
  const std::size_t right = 2 * trees;
  for (std::size_t s = 0; s < trees; ++s) {
    p_[s] = children[2 * s] + c * (children[right + 2 * s] - children[2 * s]);
    q_[s] = children[2 * s + 1] + c * (children[right + 2 * s + 1] - children[2 * s + 1]);
  }
  point_ = rho;
  point_.push_back(c);
  ++k_;
  for (std::size_t s = shape_.active(k_ + 1); s < trees; ++s) {
    const std::size_t t = shape_.order[s];
    points_[t] = point_;
    leaf_p_[t] = p_[s];
    leaf_q_[t] = q_[s];
  }
}

Ext TowerWalk::layer_sum(Ext eta) const {
  std::vector<Ext> claims;  // P_0, Q_0, P_1, Q_1, ...
  for (std::size_t s = 0, n = shape_.active(k_ + 1); s < n; ++s) {
    claims.push_back(p_[s]);
    claims.push_back(q_[s]);
  }
  return dot_powers(claims, eta);
}

TowerClaims TowerWalk::take() {
  return TowerClaims{std::move(root_p_), std::move(root_q_), std::move(points_), std::move(leaf_p_),
                     std::move(leaf_q_)};
}

}  // namespace detail

TowerClaims verify_tower(Transcript& transcript, const std::vector<int>& heights,
                         const TowerProof& proof) {
  const detail::TowerShape shape(heights);
  detail::absorb_tower_statement(transcript, shape);
  const std::size_t trees = shape.order.size();
  if (proof.top.size() != 4 * trees)
    throw VerifyError("tower: top layer has " + std::to_string(proof.top.size()) +
                      " values, expected " + std::to_string(4 * trees));
  if (proof.layers.size() != std::size_t(shape.max_height - 1))
    throw VerifyError("tower: " + std::to_string(proof.layers.size()) + " layer proofs, expected " +
                      std::to_string(shape.max_height - 1));
  detail::TowerWalk walk(shape);
  walk.set_roots(proof.top);
  transcript.absorb(std::span<const Ext>(proof.top));
  walk.descend(proof.top, {}, transcript.challenge_ext());
  for (int k = 1; k < shape.max_height; ++k) {
    const std::string where = "tower layer " + std::to_string(k) + ": ";
    const std::size_t below = shape.active(k + 1);
    const Ext eta = transcript.challenge_ext();
    const SumcheckClaim claim{k, 3, 4 * below, walk.layer_sum(eta)};
    const SumcheckProof& layer = proof.layers[k - 1];
    const SumcheckReduction reduced =
        verify_sumcheck(transcript, std::span<const SumcheckClaim>(&claim, 1), layer, where);
    const std::vector<Ext>& children = layer.final_evals[0];
    const Ext oracle = eq_eval(walk.point(), reduced.point) *
                       expr_oracle(detail::tower_layer_exprs(below), eta, children);
    if (!check_oracle(reduced, std::span<const Ext>(&oracle, 1)))
      throw VerifyError(where + "final check eq(r, rho) * children != reduced claim");
    walk.descend(children, reduced.point, transcript.challenge_ext());
  }
  return walk.take();
}

}  // namespace kprove
