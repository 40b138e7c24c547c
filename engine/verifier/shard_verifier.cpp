#include "engine/verifier/shard_verifier.hpp"

#include <string>
#include <vector>

#include "engine/pcs/basefold.hpp"
#include "engine/prover/fixed_columns.hpp"
#include "engine/prover/shard_protocol.hpp"
#include "engine/sumcheck/verifier.hpp"

namespace kprove {

namespace {

constexpr uint32_t kTableLogRows = 16;
static_assert(chip::kTableRows == std::size_t(1) << kTableLogRows);

[[noreturn]] void reject(const std::string& why) {
  throw VerifyError("shard proof rejected: " + why);
}

void check_shapes(const std::vector<TraceLayout>& layout, const std::vector<uint32_t>& log_rows,
                  uint32_t max_log_rows) {
  if (log_rows.size() != layout.size())
    reject("shape: " + std::to_string(log_rows.size()) + " trace heights, expected " +
           std::to_string(layout.size()));
  for (std::size_t k = 0; k < layout.size(); ++k) {
    const std::string& name = layout[k].chip->name();
    const uint32_t v = log_rows[k];
    if (layout[k].table) {
      if (v != kTableLogRows)
        reject("shape: table " + name + " claims 2^" + std::to_string(v) + " rows, it has " +
               std::to_string(chip::kTableRows));
    } else if (v < 1 || v > max_log_rows) {
      reject("shape: chip " + name + " claims 2^" + std::to_string(v) + " rows, outside 2^1..2^" +
             std::to_string(max_log_rows));
    }
  }
}

// Every root denominator is non-zero and sum_t P_t / Q_t == 0 over all lookups of the shard.
void check_logup_sum(const std::vector<TraceLayout>& layout, const detail::TowerTrees& trees,
                     const TowerClaims& claims) {
  Ext sum = Ext::zero();
  for (std::size_t k = 0; k < layout.size(); ++k)
    for (std::size_t t = trees.first_tree[k]; t < trees.first_tree[k + 1]; ++t) {
      if (claims.root_q[t].is_zero())
        reject("LogUp: chip " + layout[k].chip->name() + " lookup " +
               std::to_string(t - trees.first_tree[k]) + " has a zero root denominator");
      sum += claims.root_p[t] * claims.root_q[t].inverse();
    }
  if (!sum.is_zero()) reject("LogUp: the lookups of the shard do not balance (sum != 0)");
}

std::string trace_names(const std::vector<TraceLayout>& layout) {
  std::string out;
  for (const auto& t : layout) out += (out.empty() ? "" : ", ") + t.chip->name();
  return out;
}

}  // namespace

ShardStatement ShardStatement::for_shard(uint64_t shard_index, uint64_t shard_steps) {
  uint32_t v = 0;
  while ((std::size_t(1) << v) < chip::padded_rows(shard_steps)) ++v;
  return ShardStatement{shard_index, v};
}

void verify_shard(const ShardProof& proof, const chip::ChipSet& chips,
                  const ShardStatement& statement, const PcsParams& params) {
  params.validate();
  const std::vector<TraceLayout> layout = shard_layout(chips);
  if (proof.shard_index != statement.shard_index)
    reject("shard index: the proof is for shard " + std::to_string(proof.shard_index) +
           ", expected " + std::to_string(statement.shard_index));
  check_shapes(layout, proof.log_rows, statement.max_log_rows);
  const std::vector<uint32_t>& log_rows = proof.log_rows;

  Transcript transcript(detail::kShardDomain);
  detail::absorb_shard_statement(transcript, statement.shard_index, params, layout, log_rows);
  transcript.absorb(proof.commitment);

  const Ext alpha = transcript.challenge_ext();
  const Ext beta = transcript.challenge_ext();
  const detail::TowerTrees trees = detail::tower_trees(layout, log_rows);
  const TowerClaims claims = [&] {
    try {
      return verify_tower(transcript, trees.heights, proof.tower);
    } catch (const VerifyError& e) {
      reject(e.what());
    }
  }();
  check_logup_sum(layout, trees, claims);

  std::vector<detail::MainTerms> terms;
  std::vector<SumcheckClaim> main_claims;
  for (std::size_t k = 0; k < layout.size(); ++k) {
    terms.push_back(
        detail::main_terms(transcript, layout[k], k, log_rows[k], trees, claims, alpha, beta));
    main_claims.push_back(SumcheckClaim{int(log_rows[k]), detail::main_degree(terms.back().exprs),
                                        layout[k].chip->num_columns(), Ext::zero()});
  }
  const SumcheckVerdict verdict = verify_sumcheck(transcript, main_claims, proof.main);
  if (!verdict) reject("main constraints: " + verdict.reason);
  std::vector<Ext> oracles;
  std::vector<std::vector<Ext>> points, evals;
  for (std::size_t k = 0; k < layout.size(); ++k) {
    const auto z = claim_point(verdict.point, int(log_rows[k]));
    const std::vector<Ext>& columns = proof.main.final_evals[k];
    for (std::size_t c = 0; c < layout[k].fixed; ++c)
      if (columns[c] != table_fixed_column(*layout[k].table, c, z))
        reject("main constraints: table " + layout[k].chip->name() + " fixed column " +
               layout[k].chip->columns()[c] + " does not match its MLE");
    oracles.push_back(eq_eval(terms[k].zeta, z) *
                      expr_oracle(terms[k].exprs, terms[k].coefficients, columns));
    points.push_back(detail::to_pcs_point(z));
    evals.emplace_back(columns.begin() + std::ptrdiff_t(layout[k].fixed), columns.end());
  }
  if (!check_oracle(verdict, oracles))
    reject("main constraints: final check of the batched claims (" + trace_names(layout) +
           ") fails: some chip's constraints or lookup leaves do not hold");

  std::vector<std::pair<std::size_t, std::size_t>> shapes;
  for (std::size_t k = 0; k < layout.size(); ++k)
    shapes.emplace_back(std::size_t(1) << log_rows[k], layout[k].committed_columns());
  try {
    basefold_verify(proof.commitment, shapes, points, evals, proof.opening, params, transcript);
  } catch (const PcsVerifyError& e) {
    reject(std::string("pcs opening: ") + e.what());
  }
}

}  // namespace kprove
