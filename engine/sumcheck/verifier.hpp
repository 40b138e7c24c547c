// Batched sumcheck verifier. verify_sumcheck replays the transcript, checks every round
// (g(0) + g(1) equals the running claim) and reduces the claims to one value at one point;
// the caller then checks that value against the claimed final MLE values with check_oracle
// (and, in a full protocol, checks those values against commitments).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/sumcheck/claim.hpp"
#include "engine/sumcheck/proof.hpp"
#include "engine/transcript/transcript.hpp"
#include "kernels/expr/expr.hpp"

namespace kprove {

struct SumcheckVerdict {
  bool accepted = false;
  std::string reason;      // why not, when rejected
  std::vector<Ext> point;  // r_1..r_v
  Ext expected;            // what sum_i alpha^i P_i(point_i) must equal
  Ext alpha;               // the batching challenge
  explicit operator bool() const { return accepted; }
};

// Rejects (never throws) on a proof of the wrong shape or a failed round check; throws
// std::invalid_argument only for malformed claims.
SumcheckVerdict verify_sumcheck(Transcript& transcript, std::span<const SumcheckClaim> claims,
                                const SumcheckProof& proof);

// The final check: sum_i alpha^i oracle_values[i] == verdict.expected, where oracle_values[i]
// is P_i evaluated at claim i's final values (e.g. product_oracle(proof.final_evals[i])).
bool check_oracle(const SumcheckVerdict& verdict, std::span<const Ext> oracle_values);

// P = f_1 * ... * f_d at the final values.
Ext product_oracle(std::span<const Ext> finals);
// P = sum_k beta^k C_k(columns) at the final column values.
Ext expr_oracle(const std::vector<Expr>& exprs, Ext beta, std::span<const Ext> finals);
// P = sum_k coefficients[k] C_k(columns), one coefficient per expression.
Ext expr_oracle(const std::vector<Expr>& exprs, std::span<const Ext> coefficients,
                std::span<const Ext> finals);
// eq(a, b) = prod_j (a_j b_j + (1 - a_j)(1 - b_j)).
Ext eq_eval(std::span<const Ext> a, std::span<const Ext> b);

}  // namespace kprove
