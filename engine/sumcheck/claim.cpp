#include "engine/sumcheck/claim.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/algebra/algebra.hpp"

namespace kprove::detail {

Ext begin_sumcheck(Transcript& t, std::span<const SumcheckClaim> claims) {
  if (claims.empty()) throw std::invalid_argument("sumcheck: no claims");
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (claims[i].num_vars < 1 || claims[i].num_vars > 62)
      throw std::invalid_argument("sumcheck: claim " + std::to_string(i) + " has " +
                                  std::to_string(claims[i].num_vars) +
                                  " variables, supported 1..62");
    if (claims[i].degree < 1)
      throw std::invalid_argument("sumcheck: claim " + std::to_string(i) + " has degree " +
                                  std::to_string(claims[i].degree) + ", needs >= 1");
  }
  t.absorb_label("kprove.sumcheck");
  t.absorb_size(claims.size());
  for (const auto& c : claims) {
    t.absorb_size(std::size_t(c.num_vars));
    t.absorb_size(std::size_t(c.degree));
    t.absorb_size(c.num_finals);
    t.absorb(c.sum);
  }
  return t.challenge_ext();
}

Ext batched_sum(std::span<const SumcheckClaim> claims, Ext alpha) {
  const int v = max_num_vars(claims);
  std::vector<Ext> scaled;  // a shorter claim counts once per point of its dummy variables
  for (const auto& c : claims)
    scaled.push_back(c.sum * Felt::from_u64(uint64_t(1) << (v - c.num_vars)));
  return dot_powers(scaled, alpha);
}

int max_num_vars(std::span<const SumcheckClaim> claims) {
  int v = 0;
  for (const auto& c : claims) v = std::max(v, c.num_vars);
  return v;
}

int max_degree(std::span<const SumcheckClaim> claims) {
  int d = 0;
  for (const auto& c : claims) d = std::max(d, c.degree);
  return d;
}

Ext finish_round(Transcript& t, std::span<const Ext> evals) {
  t.absorb(evals);
  return t.challenge_ext();
}

void absorb_finals(Transcript& t, const std::vector<std::vector<Ext>>& finals) {
  for (const auto& f : finals) t.absorb(std::span<const Ext>(f));
}

}  // namespace kprove::detail
