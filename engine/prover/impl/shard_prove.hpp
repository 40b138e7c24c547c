// prove_shard (declared in engine/prover/shard_prover.hpp) and its phases.
#pragma once

#include <Kokkos_Core.hpp>
#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/chip/logup.hpp"
#include "engine/pcs/basefold.hpp"
#include "engine/protocol/shard_protocol.hpp"
#include "engine/prover/tower.hpp"
#include "engine/sumcheck/expr_instance.hpp"
#include "engine/sumcheck/prover.hpp"
#include "kernels/mle/mle.hpp"
#include "views/spaces.hpp"

namespace kprove {

namespace detail {

// Times one prover phase when metrics are on.
class ProverPhase {
 public:
  ProverPhase(Metrics* metrics, const char* phase, uint64_t shard, SpaceKind space) {
    if (metrics != nullptr) scope_.emplace(*metrics, phase, long(shard), space);
  }

 private:
  std::optional<PhaseScope> scope_;
};

// log2(rows) per trace; throws std::invalid_argument unless the witness matches the chips.
template <class Mem>
std::vector<uint32_t> check_witness(const ChipList& chips, const chip::ShardTraces<Mem>& w) {
  if (w.traces.size() != chips.size() || w.chips.size() != chips.size())
    throw std::invalid_argument("prove_shard: witness has " + std::to_string(w.traces.size()) +
                                " traces, the chip list " + std::to_string(chips.size()));
  std::vector<uint32_t> log_rows;
  for (std::size_t k = 0; k < chips.size(); ++k) {
    const chip::Chip& chip = *chips[k];
    const Trace<Mem>& t = w.traces[k];
    const std::string what = "prove_shard: trace " + std::to_string(k) + " (" + chip.name() + ")";
    if (w.chips[k] != &chip) throw std::invalid_argument(what + " belongs to another chip");
    if (t.cols() != chip.num_columns())
      throw std::invalid_argument(what + " has " + std::to_string(t.cols()) +
                                  " columns, the chip " + std::to_string(chip.num_columns()));
    const int v = mle_num_vars(t.rows(), what.c_str());
    if (v == 0) throw std::invalid_argument(what + " has a single row");
    if (const auto fixed = chip.fixed_log_rows(); fixed && uint32_t(v) != *fixed)
      throw std::invalid_argument(what + " has 2^" + std::to_string(v) + " rows, the chip 2^" +
                                  std::to_string(*fixed));
    log_rows.push_back(uint32_t(v));
  }
  return log_rows;
}

// What Basefold commits: chip traces as they are, the witness columns of chips with fixed
// columns as copies.
template <class Mem>
struct CommittedMatrices {
  std::vector<Owned<Mat<Felt, Mem>>> copies;
  std::vector<Mat<Felt, Mem>> views;  // per trace
};

template <class Exec>
CommittedMatrices<typename Exec::memory_space> committed_matrices(
    const Exec& exec, MemoryLedger& ledger, const ChipList& chips,
    const std::vector<Trace<typename Exec::memory_space>>& traces) {
  using Mem = typename Exec::memory_space;
  CommittedMatrices<Mem> out;
  for (std::size_t k = 0; k < chips.size(); ++k) {
    const auto& t = traces[k];
    const std::size_t fixed = chips[k]->fixed_columns();
    if (fixed == 0) {
      out.views.push_back(t.view());
      continue;
    }
    out.copies.push_back(alloc_mat<Felt, Mem>(ledger, "shard:committed " + t.name(), t.rows(),
                                              chips[k]->witness_columns()));
    Kokkos::deep_copy(exec, out.copies.back().view(),
                      Kokkos::subview(t.view(), Kokkos::ALL, std::make_pair(fixed, t.cols())));
    out.views.push_back(out.copies.back().view());
  }
  exec.fence();
  return out;
}

// Throws std::invalid_argument unless `pre` commits exactly the preprocessed chips under the
// statement's root.
template <class Mem>
void check_preprocessed(const ChipList& chips, const ShardStatement& statement,
                        const Preprocessed<Mem>* pre) {
  const auto expected = preprocessed_chips(chips);
  if (expected.empty() && pre == nullptr) return;
  if (pre == nullptr || !pre->commitment || pre->chips != expected)
    throw std::invalid_argument("prove_shard: the preprocessed commitment does not cover the "
                                "chips with preprocessed columns");
  if (!statement.preprocessed_root || *statement.preprocessed_root != pre->root())
    throw std::invalid_argument("prove_shard: the preprocessed commitment is not the "
                                "statement's");
}

template <class Exec>
BasefoldCommitment<typename Exec::memory_space> commit_matrices(
    const Exec& exec, MemoryLedger& ledger,
    const std::vector<Mat<Felt, typename Exec::memory_space>>& m, const PcsParams& params) {
  int log_max = 1;
  for (const auto& x : m) log_max = std::max(log_max, mle_num_vars(x.extent(0), "commit"));
  const NttTwiddles<typename Exec::memory_space> twiddles(ledger, log_max);
  auto commitment = basefold_commit(exec, ledger, m, params, twiddles);
  exec.fence();  // the twiddles die here
  return commitment;
}

// One tree per lookup of every trace (tower_trees order); the leaves die once the tower holds
// its layers.
template <class Exec>
Tower<typename Exec::memory_space> shard_tower(
    const Exec& exec, MemoryLedger& ledger, const ChipList& chips,
    const std::vector<Trace<typename Exec::memory_space>>& traces, Ext alpha, Ext beta) {
  using Mem = typename Exec::memory_space;
  std::vector<chip::LogupLeaves<Mem>> leaves;
  std::vector<TowerLeaves<Mem>> trees;
  for (std::size_t k = 0; k < chips.size(); ++k) {
    const auto& lookups = chips[k]->interactions();
    if (lookups.empty()) continue;
    leaves.push_back(chip::logup_leaves(exec, ledger, traces[k], lookups, alpha, beta));
    const auto& lv = leaves.back();
    for (std::size_t l = 0; l < lookups.size(); ++l) {
      const auto range = std::make_pair(l * lv.rows, (l + 1) * lv.rows);
      trees.push_back({Kokkos::subview(lv.numerators.view(), range),
                       Kokkos::subview(lv.denominators.view(), range)});
    }
  }
  auto tower = build_tower(exec, ledger, trees);
  trees.clear();  // drop the views before their buffers are released
  return tower;
}

template <class Exec>
SumcheckOutput prove_main(const Exec& exec, MemoryLedger& ledger, const ChipList& chips,
                          const std::vector<Trace<typename Exec::memory_space>>& traces,
                          const std::vector<uint32_t>& log_rows, const TowerClaims& claims,
                          Ext alpha, Ext beta, Transcript& transcript) {
  using Mem = typename Exec::memory_space;
  const TowerTrees trees = tower_trees(chips, log_rows);
  std::vector<ExprProgram<Mem, Felt>> programs;
  std::vector<std::unique_ptr<ExprInstance<Exec>>> instances;
  std::vector<SumcheckInstance*> list;
  for (std::size_t k = 0; k < chips.size(); ++k) {
    MainTerms terms = main_terms(transcript, *chips[k], k, log_rows[k], trees, claims, alpha, beta);
    programs.push_back(ExprProgram<Mem, Felt>::compile(exec, terms.exprs, ledger));
    // Each trace's claim is zero (shard_protocol.hpp, step 5).
    instances.push_back(std::make_unique<ExprInstance<Exec>>(
        exec, traces[k].view(), programs.back(), terms.coefficients, std::move(terms.zeta), ledger,
        Ext::zero()));
    list.push_back(instances.back().get());
  }
  return prove_sumcheck(transcript, list);
}

}  // namespace detail

template <class Mem>
struct CommittedShard {
  chip::ShardTraces<Mem> witness;
  std::vector<uint32_t> log_rows;
  detail::CommittedMatrices<Mem> matrices;
  BasefoldCommitment<Mem> commitment;

  Digest root() const { return commitment.root(); }
};

template <class Exec>
CommittedShard<typename Exec::memory_space> commit_shard(
    const Exec& exec, MemoryLedger& ledger, const ChipList& chips,
    chip::ShardTraces<typename Exec::memory_space>&& witness, const PcsParams& params,
    uint64_t shard, const ShardProverOptions& options) {
  params.validate();
  chip::ShardTraces<typename Exec::memory_space> w = std::move(witness);
  std::vector<uint32_t> log_rows = detail::check_witness(chips, w);
  exec.fence();  // earlier kernels are not this phase's
  detail::ProverPhase phase(options.metrics, options.commit_phase, shard, space_kind_of<Exec>());
  auto matrices = detail::committed_matrices(exec, ledger, chips, w.traces);
  auto commitment = detail::commit_matrices(exec, ledger, matrices.views, params);
  return {std::move(w), std::move(log_rows), std::move(matrices), std::move(commitment)};
}

template <class Exec>
ShardProof prove_committed(const Exec& exec, MemoryLedger& ledger, const ChipList& chips,
                           CommittedShard<typename Exec::memory_space>&& committed,
                           const PcsParams& params, const ShardStatement& statement,
                           const Preprocessed<typename Exec::memory_space>* preprocessed,
                           const ShardProverOptions& options) {
  params.validate();
  CommittedShard<typename Exec::memory_space> c = std::move(committed);
  auto& w = c.witness;
  detail::check_preprocessed(chips, statement, preprocessed);
  if (w.chips != chips)
    throw std::invalid_argument("prove_committed: the shard was committed for other chips");
  const uint64_t shard_index = statement.shard_index;
  ShardProof proof;
  proof.shard_index = shard_index;
  proof.log_rows = c.log_rows;
  proof.commitment = c.root();
  Transcript transcript(detail::kShardDomain);
  detail::absorb_shard_statement(transcript, statement, params, chips, proof.log_rows);
  transcript.absorb(proof.commitment);
  std::optional<detail::ProverPhase> phase;
  const auto begin = [&](const char* name) {
    exec.fence();  // the previous phase's kernels belong to its interval
    phase.emplace(options.metrics, name, shard_index, space_kind_of<Exec>());
  };

  begin("tower");
  const auto [alpha, beta] = detail::logup_challenges(transcript, statement);
  TowerOutput tower = prove_tower(
      exec, ledger, detail::shard_tower(exec, ledger, chips, w.traces, alpha, beta), transcript);
  proof.tower = std::move(tower.proof);

  begin("main_constraints");
  SumcheckOutput main = detail::prove_main(exec, ledger, chips, w.traces, proof.log_rows,
                                           tower.claims, alpha, beta, transcript);
  for (std::size_t k = 0; k < chips.size(); ++k)
    if (chips[k]->fixed_columns() > 0) w.traces[k].release();  // opened from the copies

  begin("pcs_opening");
  std::vector<std::vector<Ext>> points, evals;
  for (std::size_t k = 0; k < chips.size(); ++k) {
    points.push_back(detail::to_pcs_point(claim_point(main.point, int(proof.log_rows[k]))));
    const auto& finals = main.proof.final_evals[k];
    evals.emplace_back(finals.begin() + std::ptrdiff_t(chips[k]->fixed_columns()), finals.end());
  }
  proof.opening =
      basefold_open(exec, ledger, c.commitment, c.matrices.views, points, evals, transcript);
  if (preprocessed != nullptr && preprocessed->commitment) {
    std::vector<std::vector<Ext>> pre_points, pre_evals;
    for (std::size_t k : preprocessed->chips) {
      pre_points.push_back(points[k]);
      const auto first = main.proof.final_evals[k].begin() +
                         std::ptrdiff_t(chips[k]->structured_columns());
      pre_evals.emplace_back(first, first + std::ptrdiff_t(chips[k]->preprocessed_columns()));
    }
    proof.preprocessed_opening = basefold_open(exec, ledger, *preprocessed->commitment,
                                               preprocessed->views(), pre_points, pre_evals,
                                               transcript);
  }
  proof.main = std::move(main.proof);
  c.matrices.views.clear();  // the last references to the chip traces
  w.traces.clear();
  exec.fence();
  phase.reset();
  return proof;
}

template <class Exec>
ShardProof prove_shard(const Exec& exec, MemoryLedger& ledger, const ChipList& chips,
                       chip::ShardTraces<typename Exec::memory_space>&& witness,
                       const PcsParams& params, const ShardStatement& statement,
                       const Preprocessed<typename Exec::memory_space>* preprocessed,
                       const ShardProverOptions& options) {
  detail::check_preprocessed(chips, statement, preprocessed);
  return prove_committed(exec, ledger, chips,
                         commit_shard(exec, ledger, chips, std::move(witness), params,
                                      statement.shard_index, options),
                         params, statement, preprocessed, options);
}

}  // namespace kprove
