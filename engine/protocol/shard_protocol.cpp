#include "engine/protocol/shard_protocol.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/chip/interaction.hpp"

namespace kprove {

namespace detail {

void absorb_shard_statement(Transcript& t, const ShardStatement& statement,
                            const PcsParams& params, const ChipList& chips,
                            const std::vector<uint32_t>& log_rows) {
  if (log_rows.size() != chips.size())
    throw std::invalid_argument("shard statement: " + std::to_string(log_rows.size()) +
                                " trace heights for " + std::to_string(chips.size()) + " traces");
  if (preprocessed_chips(chips).empty() == statement.preprocessed_root.has_value())
    throw std::invalid_argument(statement.preprocessed_root
                                    ? "shard statement: a preprocessed root, no preprocessed chip"
                                    : "shard statement: preprocessed chips without their root");
  t.absorb_label(kShardDomain);
  t.absorb_size(statement.public_values.size());
  t.absorb(std::span<const Felt>(statement.public_values));
  t.absorb_size(statement.shard_index);
  for (int p : {params.rate_bits, params.queries, params.pow_bits, params.final_log_size})
    t.absorb_size(std::size_t(p));
  t.absorb_size(chips.size());
  for (std::size_t k = 0; k < chips.size(); ++k) {
    t.absorb_label(chips[k]->name());
    t.absorb_size(log_rows[k]);
    for (std::size_t n : {chips[k]->num_columns(), chips[k]->structured_columns(),
                          chips[k]->preprocessed_columns()})
      t.absorb_size(n);
  }
  if (statement.preprocessed_root) t.absorb(*statement.preprocessed_root);
}

LogupChallenges logup_challenges(Transcript& t, const ShardStatement& statement) {
  if (const auto& run = statement.run_challenges) {
    t.absorb(run->alpha);
    t.absorb(run->beta);
    return *run;
  }
  const Ext alpha = t.challenge_ext();
  return {alpha, t.challenge_ext()};
}

std::vector<std::size_t> preprocessed_chips(const ChipList& chips) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < chips.size(); ++k)
    if (chips[k]->preprocessed_columns() > 0) out.push_back(k);
  return out;
}

std::optional<BusSums> boundary_sums(const std::vector<BoundaryTerm>& terms, Ext alpha,
                                     Ext beta) {
  BusSums sums;
  sums.fill(Ext::zero());
  for (const BoundaryTerm& b : terms) {
    if (b.tuple.size() != chip::bus_arity(b.bus))
      throw std::invalid_argument(std::string("boundary term on bus ") + chip::to_string(b.bus) +
                                  " has " + std::to_string(b.tuple.size()) + " entries");
    Ext q = alpha - Felt::from_u64(static_cast<uint32_t>(b.bus));
    Ext beta_power = beta;
    for (Felt v : b.tuple) q -= beta_power * v, beta_power *= beta;
    if (q.is_zero()) return std::nullopt;
    sums[static_cast<uint32_t>(b.bus)] += Ext(b.multiplicity) * q.inverse();
  }
  return sums;
}

TowerTrees tower_trees(const ChipList& chips, const std::vector<uint32_t>& log_rows) {
  TowerTrees out;
  for (std::size_t k = 0; k < chips.size(); ++k) {
    out.first_tree.push_back(out.heights.size());
    out.heights.insert(out.heights.end(), chips[k]->interactions().size(), int(log_rows.at(k)));
  }
  out.first_tree.push_back(out.heights.size());
  return out;
}

namespace {

std::vector<Expr> main_exprs(const chip::Chip& chip) {
  std::vector<Expr> out = chip.constraints();
  for (const chip::Interaction& l : chip.interactions()) {
    out.push_back(l.multiplicity_expr());
    for (const Expr& e : l.tuple_exprs()) out.push_back(e);
  }
  out.push_back(Expr::constant(Felt::one()));
  return out;
}

std::vector<Ext> main_coefficients(const chip::Chip& chip, Ext gamma, Ext alpha, Ext beta,
                                   std::span<const Ext> claim_p, std::span<const Ext> claim_q) {
  const auto& lookups = chip.interactions();
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
    const Felt id = Felt::from_u64(static_cast<uint32_t>(lookups[l].bus));
    constant += nu * (alpha - id - claim_q[l]) - mu * claim_p[l];
  }
  out.push_back(constant);
  return out;
}

}  // namespace

MainTerms main_terms(Transcript& t, const chip::Chip& chip, std::size_t k, uint32_t log_rows,
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
  out.exprs = main_exprs(chip);
  out.coefficients =
      main_coefficients(chip, gamma, alpha, beta, claim_p.subspan(first, end - first),
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
