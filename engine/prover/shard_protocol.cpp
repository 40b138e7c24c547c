#include "engine/prover/shard_protocol.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/prover/fixed_columns.hpp"

namespace kprove {

std::vector<TraceLayout> shard_layout(const chip::ChipSet& chips) {
  std::vector<TraceLayout> out;
  chips.for_each_chip([&](const auto& c) { out.push_back(TraceLayout{&c, std::nullopt, 0}); });
  chips.for_each_table([&](const auto& t) {
    out.push_back(TraceLayout{&t, t.id, table_fixed_columns(t.id)});
  });
  return out;
}

namespace detail {

void absorb_shard_statement(Transcript& t, uint64_t shard_index, const PcsParams& params,
                            const std::vector<TraceLayout>& layout,
                            const std::vector<uint32_t>& log_rows) {
  if (log_rows.size() != layout.size())
    throw std::invalid_argument("shard statement: " + std::to_string(log_rows.size()) +
                                " trace heights for " + std::to_string(layout.size()) + " traces");
  t.absorb_label(kShardDomain);
  t.absorb_size(shard_index);
  for (int p : {params.rate_bits, params.queries, params.pow_bits, params.final_log_size})
    t.absorb_size(std::size_t(p));
  t.absorb_size(layout.size());
  for (std::size_t k = 0; k < layout.size(); ++k) {
    t.absorb_label(layout[k].chip->name());
    t.absorb_size(log_rows[k]);
    t.absorb_size(layout[k].chip->num_columns());
    t.absorb_size(layout[k].fixed);
  }
}

TowerTrees tower_trees(const std::vector<TraceLayout>& layout,
                       const std::vector<uint32_t>& log_rows) {
  TowerTrees out;
  for (std::size_t k = 0; k < layout.size(); ++k) {
    out.first_tree.push_back(out.heights.size());
    out.heights.insert(out.heights.end(), layout[k].chip->lookups().size(), int(log_rows.at(k)));
  }
  out.first_tree.push_back(out.heights.size());
  return out;
}

namespace {

std::vector<Expr> main_exprs(const chip::Chip& chip) {
  std::vector<Expr> out = chip.constraints();
  for (const chip::Lookup& l : chip.lookups()) {
    out.push_back(l.multiplicity_expr());
    for (const Expr& e : l.tuple_exprs()) out.push_back(e);
  }
  out.push_back(Expr::constant(Felt::one()));
  return out;
}

std::vector<Ext> main_coefficients(const chip::Chip& chip, Ext gamma, Ext alpha, Ext beta,
                                   std::span<const Ext> claim_p, std::span<const Ext> claim_q) {
  const auto& lookups = chip.lookups();
  if (claim_p.size() != lookups.size() || claim_q.size() != lookups.size())
    throw std::invalid_argument("main_coefficients: chip " + chip.name() + " has " +
                                std::to_string(lookups.size()) + " lookups, " +
                                std::to_string(claim_p.size()) + " claims given");
  std::vector<Ext> out;
  Ext power = Ext::one();
  const auto next_power = [&] { return std::exchange(power, power * gamma); };
  for (std::size_t j = 0; j < chip.constraints().size(); ++j) out.push_back(next_power());
  Ext constant = Ext::zero();
  for (std::size_t l = 0; l < lookups.size(); ++l) {
    const Ext mu = next_power(), nu = next_power();
    out.push_back(mu);
    Ext beta_power = beta;
    for (std::size_t i = 0; i < lookups[l].tuple.size(); ++i, beta_power *= beta)
      out.push_back(-(nu * beta_power));
    const Felt id = Felt::from_u64(static_cast<uint32_t>(lookups[l].table));
    constant += nu * (alpha - id - claim_q[l]) - mu * claim_p[l];
  }
  out.push_back(constant);
  return out;
}

}  // namespace

MainTerms main_terms(Transcript& t, const TraceLayout& trace, std::size_t k, uint32_t log_rows,
                     const TowerTrees& trees, const TowerClaims& claims, Ext alpha, Ext beta) {
  const std::size_t first = trees.first_tree.at(k), end = trees.first_tree.at(k + 1);
  const Ext gamma = t.challenge_ext();
  MainTerms out;
  if (first == end) {
    for (uint32_t i = 0; i < log_rows; ++i) out.zeta.push_back(t.challenge_ext());
  } else {
    out.zeta = claims.points.at(first);
  }
  const std::span<const Ext> claim_p(claims.leaf_p), claim_q(claims.leaf_q);
  out.exprs = main_exprs(*trace.chip);
  out.coefficients =
      main_coefficients(*trace.chip, gamma, alpha, beta, claim_p.subspan(first, end - first),
                        claim_q.subspan(first, end - first));
  return out;
}

std::vector<Ext> to_pcs_point(std::span<const Ext> mle_point) {
  return std::vector<Ext>(mle_point.rbegin(), mle_point.rend());
}

int main_degree(const std::vector<Expr>& exprs) {
  int d = 0;
  for (const Expr& e : exprs) d = std::max(d, e.degree());
  return d + 1;
}

}  // namespace detail
}  // namespace kprove
