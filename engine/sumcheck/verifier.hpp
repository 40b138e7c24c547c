// Batched sumcheck verifier. verify_sumcheck replays the transcript, checks every round
// (g(0) + g(1) equals the running claim) and reduces the claims to one value at one point;
// the caller then checks that value against the claimed final MLE values with check_oracle
// (and, in a full protocol, checks those values against commitments). A failed check throws
// VerifyError (engine/proof/verify_error.hpp).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "engine/algebra/algebra.hpp"
#include "engine/sumcheck/claim.hpp"
#include "engine/sumcheck/proof.hpp"
#include "engine/transcript/transcript.hpp"
#include "kernels/expr/expr.hpp"

namespace kprove {

// What the rounds reduce the claims to.
struct SumcheckReduction {
  std::vector<Ext> point;  // r_1..r_v
  Ext expected;            // what sum_i alpha^i P_i(point_i) must equal
  Ext alpha;               // the batching challenge
};

// Throws VerifyError, its message starting with `context`, on a proof of the wrong shape or a
// failed round check; std::invalid_argument for malformed claims.
SumcheckReduction verify_sumcheck(Transcript& transcript, std::span<const SumcheckClaim> claims,
                                  const SumcheckProof& proof, std::string_view context);

// The final check: sum_i alpha^i oracle_values[i] == reduction.expected, where
// oracle_values[i] is P_i evaluated at claim i's final values (e.g.
// product_oracle(proof.final_evals[i])).
bool check_oracle(const SumcheckReduction& reduction, std::span<const Ext> oracle_values);

// P = f_1 * ... * f_d at the final values.
Ext product_oracle(std::span<const Ext> finals);
// P = sum_k beta^k C_k(columns) at the final column values.
Ext expr_oracle(const std::vector<Expr>& exprs, Ext beta, std::span<const Ext> finals);
// P = sum_k coefficients[k] C_k(columns), one coefficient per expression.
Ext expr_oracle(const std::vector<Expr>& exprs, std::span<const Ext> coefficients,
                std::span<const Ext> finals);

}  // namespace kprove
