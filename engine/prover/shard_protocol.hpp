// What prover (shard_prover.hpp) and verifier (engine/verifier/shard_verifier.hpp) of a shard
// derive identically: the trace layout, the transcript statement, the tower's trees and the
// main-constraint expressions with their challenge coefficients.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "engine/chip/chip_set.hpp"
#include "engine/pcs/params.hpp"
#include "engine/prover/tower.hpp"
#include "engine/transcript/transcript.hpp"
#include "kernels/expr/expr.hpp"

namespace kprove {

// One trace of a shard, in ChipSet order (record chips, then tables).
struct TraceLayout {
  const chip::Chip* chip = nullptr;
  std::optional<chip::TableId> table;  // set for the fixed tables
  std::size_t fixed = 0;               // leading fixed columns: not committed

  std::size_t committed_columns() const { return chip->num_columns() - fixed; }
};

std::vector<TraceLayout> shard_layout(const chip::ChipSet& chips);

namespace detail {

inline constexpr const char* kShardDomain = "kprove.shard.v1";

// Label, shard index, PCS parameters, then per trace its name, log2(rows), columns and fixed
// columns. Throws std::invalid_argument when log_rows does not match the layout.
void absorb_shard_statement(Transcript& t, uint64_t shard_index, const PcsParams& params,
                            const std::vector<TraceLayout>& layout,
                            const std::vector<uint32_t>& log_rows);

// The tower's trees: one per lookup of every trace (trace order, then lookup order), each of
// the trace's height. first_tree[k] is trace k's first tree; first_tree.back() the count.
struct TowerTrees {
  std::vector<int> heights;
  std::vector<std::size_t> first_tree;
};
TowerTrees tower_trees(const std::vector<TraceLayout>& layout,
                       const std::vector<uint32_t>& log_rows);

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
MainTerms main_terms(Transcript& t, const TraceLayout& trace, std::size_t k, uint32_t log_rows,
                     const TowerTrees& trees, const TowerClaims& claims, Ext alpha, Ext beta);

// Degree of the claim in each variable: the eq factor times the highest expression (what
// ExprInstance reports for the compiled expressions).
int main_degree(const std::vector<Expr>& exprs);

// A point in kernels/mle order (first coordinate = most significant row bit) as Basefold
// takes it (first coordinate = least significant bit).
std::vector<Ext> to_pcs_point(std::span<const Ext> mle_point);

}  // namespace detail
}  // namespace kprove
