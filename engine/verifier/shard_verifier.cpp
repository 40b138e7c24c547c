#include "engine/verifier/shard_verifier.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "engine/pcs/verify.hpp"
#include "engine/protocol/shard_protocol.hpp"
#include "engine/sumcheck/verifier.hpp"

namespace kprove {

namespace {

[[noreturn]] void reject(const std::string& why) {
  throw VerifyError("shard proof rejected: " + why);
}

// Runs the check of one part of the proof (tower, sumcheck, opening), naming the part in the
// VerifyError it throws.
template <class Check>
auto check_part(const std::string& part, Check&& check) {
  try {
    return check();
  } catch (const VerifyError& e) {
    reject(part + e.what());
  }
}

void check_shapes(const ChipList& chips, const std::vector<uint32_t>& log_rows,
                  uint32_t max_log_rows) {
  if (log_rows.size() != chips.size())
    reject("shape: " + std::to_string(log_rows.size()) + " trace heights, expected " +
           std::to_string(chips.size()));
  for (std::size_t k = 0; k < chips.size(); ++k) {
    const std::string& name = chips[k]->name();
    const uint32_t v = log_rows[k];
    if (const auto fixed = chips[k]->fixed_log_rows()) {
      if (v != *fixed)
        reject("shape: chip " + name + " claims 2^" + std::to_string(v) + " rows, it has 2^" +
               std::to_string(*fixed));
    } else if (const uint32_t bound = chips[k]->max_log_rows(max_log_rows); v < 1 || v > bound) {
      reject("shape: chip " + name + " claims 2^" + std::to_string(v) + " rows, outside 2^1..2^" +
             std::to_string(bound));
    }
  }
}

// Per bus, sum_t P_t / Q_t over its trees plus its boundary terms; rejects a zero root
// denominator.
detail::BusSums bus_sums(const ChipList& chips, const detail::TowerTrees& trees,
                         const TowerClaims& claims, const ShardStatement& statement, Ext alpha,
                         Ext beta) {
  const std::optional<detail::BusSums> boundary =
      detail::boundary_sums(statement.boundary, alpha, beta);
  if (!boundary) reject("LogUp: a boundary term has a zero denominator");
  detail::BusSums sums = *boundary;
  for (std::size_t k = 0; k < chips.size(); ++k)
    for (std::size_t t = trees.first_tree[k]; t < trees.first_tree[k + 1]; ++t) {
      if (claims.root_q[t].is_zero())
        reject("LogUp: chip " + chips[k]->name() + " interaction " +
               std::to_string(t - trees.first_tree[k]) + " has a zero root denominator");
      const chip::Bus bus = chips[k]->interactions()[t - trees.first_tree[k]].bus;
      sums[static_cast<uint32_t>(bus)] += claims.root_p[t] * claims.root_q[t].inverse();
    }
  return sums;
}

// Without run challenges every bus together must balance; with them every bus but the run
// buses must balance within the shard.
void check_balanced(const detail::BusSums& sums, const ShardStatement& statement) {
  Ext total = Ext::zero();
  for (uint32_t b = 1; b < chip::kNumBuses; ++b) {
    total += sums[b];
    const chip::Bus bus = static_cast<chip::Bus>(b);
    const auto& shared = statement.run_buses;
    if (statement.run_challenges && !sums[b].is_zero() &&
        std::find(shared.begin(), shared.end(), bus) == shared.end())
      reject(std::string("LogUp: the shard's ") + chip::to_string(bus) +
             " bus and its boundary do not balance (sum != 0)");
  }
  if (!statement.run_challenges && !total.is_zero())
    reject("LogUp: the buses of the shard do not balance with its boundary (sum != 0)");
}

std::string trace_names(const ChipList& chips) {
  std::string out;
  for (const chip::Chip* c : chips) out += (out.empty() ? "" : ", ") + c->name();
  return out;
}

}  // namespace

Ext verify_shard(const ShardProof& proof, const ChipList& chips,
                 const ShardStatement& statement, const PcsParams& params,
                 std::optional<Ext>* logup_sum) {
  params.validate();
  if (proof.shard_index != statement.shard_index)
    reject("shard index: the proof is for shard " + std::to_string(proof.shard_index) +
           ", expected " + std::to_string(statement.shard_index));
  check_shapes(chips, proof.log_rows, statement.max_log_rows);
  const std::vector<uint32_t>& log_rows = proof.log_rows;
  const std::vector<std::size_t> preprocessed = detail::preprocessed_chips(chips);
  if (preprocessed.empty() != !proof.preprocessed_opening)
    reject(preprocessed.empty() ? "a preprocessed opening, but no chip has preprocessed columns"
                                : "no opening of the preprocessed columns");

  Transcript transcript(detail::kShardDomain);
  detail::absorb_shard_statement(transcript, statement, params, chips, log_rows);
  transcript.absorb(proof.commitment);

  const auto [alpha, beta] = detail::logup_challenges(transcript, statement);
  const detail::TowerTrees trees = detail::tower_trees(chips, log_rows);
  const TowerClaims claims =
      check_part("", [&] { return verify_tower(transcript, trees.heights, proof.tower); });
  const detail::BusSums sums = bus_sums(chips, trees, claims, statement, alpha, beta);
  Ext sum = Ext::zero();  // the shard's part of the run's sum
  for (chip::Bus b : statement.run_buses) sum += sums[static_cast<uint32_t>(b)];
  if (logup_sum) *logup_sum = sum;
  check_balanced(sums, statement);

  std::vector<detail::MainTerms> terms;
  std::vector<SumcheckClaim> main_claims;
  for (std::size_t k = 0; k < chips.size(); ++k) {
    terms.push_back(
        detail::main_terms(transcript, *chips[k], k, log_rows[k], trees, claims, alpha, beta));
    main_claims.push_back(SumcheckClaim{int(log_rows[k]), detail::main_degree(terms.back().exprs),
                                        chips[k]->num_columns(), Ext::zero()});
  }
  const SumcheckReduction reduced = check_part("main constraints: ", [&] {
    return verify_sumcheck(transcript, main_claims, proof.main, "");
  });
  std::vector<Ext> oracles;
  std::vector<std::vector<Ext>> points, evals;
  for (std::size_t k = 0; k < chips.size(); ++k) {
    const chip::Chip& chip = *chips[k];
    const auto z = claim_point(reduced.point, int(log_rows[k]));
    const std::vector<Ext>& columns = proof.main.final_evals[k];
    for (std::size_t c = 0; c < chip.structured_columns(); ++c)
      if (columns[c] != chip.structured_column(c, z))
        reject("main constraints: chip " + chip.name() + " structured column " +
               chip.columns()[c] + " does not match its MLE");
    oracles.push_back(eq_eval(terms[k].zeta, z) *
                      expr_oracle(terms[k].exprs, terms[k].coefficients, columns));
    points.push_back(detail::to_pcs_point(z));
    evals.emplace_back(columns.begin() + std::ptrdiff_t(chip.fixed_columns()), columns.end());
  }
  if (!check_oracle(reduced, oracles))
    reject("main constraints: final check of the batched claims (" + trace_names(chips) +
           ") fails: some chip's constraints or interaction leaves do not hold");

  std::vector<std::pair<std::size_t, std::size_t>> shapes;
  for (std::size_t k = 0; k < chips.size(); ++k)
    shapes.emplace_back(std::size_t(1) << log_rows[k], chips[k]->witness_columns());
  check_part("pcs opening: ", [&] {
    basefold_verify(proof.commitment, shapes, points, evals, proof.opening, params, transcript);
  });
  if (preprocessed.empty()) return sum;
  std::vector<std::pair<std::size_t, std::size_t>> pre_shapes;
  std::vector<std::vector<Ext>> pre_points, pre_evals;
  for (std::size_t k : preprocessed) {
    pre_shapes.emplace_back(std::size_t(1) << log_rows[k], chips[k]->preprocessed_columns());
    pre_points.push_back(points[k]);
    const auto first =
        proof.main.final_evals[k].begin() + std::ptrdiff_t(chips[k]->structured_columns());
    pre_evals.emplace_back(first, first + std::ptrdiff_t(chips[k]->preprocessed_columns()));
  }
  check_part("preprocessed opening: ", [&] {
    basefold_verify(*statement.preprocessed_root, pre_shapes, pre_points, pre_evals,
                    *proof.preprocessed_opening, params, transcript);
  });
  return sum;
}

}  // namespace kprove
