// The shard protocol: what prover (engine/prover/shard_prover.hpp) and verifier
// (engine/verifier/shard_verifier.hpp) of a shard share: the statement, the transcript's
// opening, the tower's trees and the main-constraint expressions with their challenge
// coefficients. One proof that every chip trace satisfies its constraints and that all LogUp
// lookups of the shard (chips into the fixed tables) balance.
//
// Protocol (one Fiat-Shamir transcript, domain "kprove.shard.v2"):
//  1. Witness: one trace per chip of the ChipList, rows a power of two. Committed: every
//     witness column. Structured columns are never committed (the verifier evaluates their
//     MLEs itself, Chip::structured_column); preprocessed columns are committed once, in the
//     verifying key (engine/prover/preprocessed.hpp), and opened per shard.
//  2. Statement: public values first, shard index, PCS parameters, per trace its name,
//     log2(rows) and column kinds, the preprocessed root; then one Basefold batch commitment
//     of all witness matrices, its root absorbed.
//  3. LogUp challenges alpha, beta (drawn here, or the run's, absorbed: a run of many shards
//     draws them once from every shard's commitment, engine/rv32im/statement.hpp); leaves per
//     interaction l of trace k: p = multiplicity, q = alpha - (bus + sum_i beta^(i+1) tuple_i)
//     (chip::logup_leaves).
//  4. Tower (tower.hpp): one fractional-sum tree per interaction, all trees batched under
//     shared challenges; the top layer is sent and the verifier checks that sum_t P_t / Q_t
//     plus the statement's boundary terms is zero (every Q_t != 0), or with run challenges
//     hands the sum to the run's check. Output per trace k: its point z'_k (log2(rows_k)
//     coordinates, shared by its interactions) and the claims p_l(z'_k), q_l(z'_k).
//  5. Main constraints: per trace a fresh gamma_k, and ONE batched sumcheck (traces of
//     different heights suffix-aligned, engine/sumcheck/claim.hpp) of, per trace,
//       sum_x eq(z'_k, x) [ sum_j gamma^j C_j(T(x)) + sum_l mu_l (p_l(T(x)) - claim_p)
//                                                   + nu_l (q_l(T(x)) - claim_q) ] = 0,
//     p_l, q_l affine in the columns (main_terms below gives the exact terms). Constraints and
//     leaf claims are checked together; the result is a point z_k per trace and every column's
//     value there (fixed table columns included; the verifier recomputes those).
//  6. PCS openings: Basefold opening of witness matrix k at z_k (reversed: Basefold binds the
//     least significant row bit first) with step 5's values of the witness columns; then, if
//     any chip has preprocessed columns, the opening of the preprocessed commitment at the
//     same points with step 5's values of those columns.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "engine/chip/chip.hpp"
#include "engine/pcs/params.hpp"
#include "engine/protocol/tower.hpp"
#include "engine/transcript/transcript.hpp"
#include "kernels/expr/expr.hpp"
#include "kernels/hash/sponge.hpp"

namespace kprove {

// The chips of a shard, one trace each, in the order of the witness and of the proof.
using ChipList = std::vector<const chip::Chip*>;

// A tuple the verifier itself puts on a bus: the boundary of the shard's execution (entry
// state, halting state, initial registers). It adds multiplicity / (alpha - fingerprint) to
// the LogUp sum, which then must be zero.
struct BoundaryTerm {
  chip::Bus bus;
  std::vector<Felt> tuple;
  Felt multiplicity;
};

// The LogUp challenges of a run of many shards: drawn once from every shard's commitment
// (one memory argument spans the run), then absorbed by each shard instead of drawn.
struct LogupChallenges {
  Ext alpha, beta;
};

// What prover and verifier know of a shard besides the proof.
struct ShardStatement {
  uint64_t shard_index = 0;
  // Bound on log2(rows) of every trace whose height the prover chooses.
  uint32_t max_log_rows = 0;
  // Absorbed into the transcript before any commitment (vk digest, program, input, output,
  // exit code, cycles, ...): every challenge depends on them.
  std::vector<Felt> public_values;
  std::vector<BoundaryTerm> boundary;
  // Root of the preprocessed columns (the verifying key's commitment); set iff some chip has
  // preprocessed columns.
  std::optional<Digest> preprocessed_root;
  // Set for a shard of a run: on the run buses its LogUp sum (with the boundary) is one part
  // of the run's, which the run's verifier checks; every other bus must balance within the
  // shard. Unset, the shard draws alpha and beta after its commitment and its sum must be
  // zero.
  std::optional<LogupChallenges> run_challenges;
  std::vector<chip::Bus> run_buses;
};

namespace detail {

inline constexpr const char* kShardDomain = "kprove.shard.v2";

// Label, public values, shard index, PCS parameters, per trace its name, log2(rows) and
// column kinds, then the preprocessed root. Throws std::invalid_argument when log_rows does
// not match the chips or the preprocessed root is missing or superfluous.
void absorb_shard_statement(Transcript& t, const ShardStatement& statement,
                            const PcsParams& params, const ChipList& chips,
                            const std::vector<uint32_t>& log_rows);

// The statement's run challenges, absorbed, or alpha and beta drawn (after the commitment).
LogupChallenges logup_challenges(Transcript& t, const ShardStatement& statement);

// Chips with preprocessed columns, in chip order: the matrices of the preprocessed commitment.
std::vector<std::size_t> preprocessed_chips(const ChipList& chips);

// Per bus (index: the bus id), the sum over its boundary terms of
// multiplicity / (alpha - fingerprint(bus, tuple)); throws std::invalid_argument for a tuple of
// the wrong arity. A zero denominator is reported as nullopt (the verifier rejects).
using BusSums = std::array<Ext, chip::kNumBuses>;
std::optional<BusSums> boundary_sums(const std::vector<BoundaryTerm>& terms, Ext alpha, Ext beta);

// The tower's trees: one per lookup of every trace (trace order, then lookup order), each of
// the trace's height. first_tree[k] is trace k's first tree; first_tree.back() the count.
struct TowerTrees {
  std::vector<int> heights;
  std::vector<std::size_t> first_tree;
};
TowerTrees tower_trees(const ChipList& chips, const std::vector<uint32_t>& log_rows);

// Trace k's part of the main-constraint sumcheck,
//   sum_x eq(zeta, x) sum_i c_i E_i(T(x)) = 0,
// with Felt expressions E and Ext coefficients c: the constraints C_j (c = gamma^j), then per
// lookup l its multiplicity and tuple entries, then the constant 1. With mu = gamma^(m+2l)
// and nu = gamma^(m+2l+1) (m constraints) lookup l contributes
//   mu (p_l - claim_p) + nu (q_l - claim_q),   q_l = alpha - (id + sum_i beta^(i+1) tuple_i):
// mu on the multiplicity, -nu beta^(i+1) on tuple entry i, its constants on the 1.
struct MainTerms {
  std::vector<Expr> exprs;
  std::vector<Ext> coefficients;
  std::vector<Ext> zeta;  // the tower point of the trace's lookups (fresh if it has none)
};

// Draws trace k's gamma (and, for a trace without lookups, its eq point) and builds its terms
// from the tower's leaf claims.
MainTerms main_terms(Transcript& t, const chip::Chip& chip, std::size_t k, uint32_t log_rows,
                     const TowerTrees& trees, const TowerClaims& claims, Ext alpha, Ext beta);

// Degree of the claim in each variable: the eq factor times the highest expression (what
// ExprInstance reports for the compiled expressions).
int main_degree(const std::vector<Expr>& exprs);

// A point in kernels/mle order (first coordinate = most significant row bit) as Basefold
// takes it (first coordinate = least significant bit).
std::vector<Ext> to_pcs_point(std::span<const Ext> mle_point);

}  // namespace detail
}  // namespace kprove
