// Batched sumcheck verifier. verify_sumcheck replays the transcript, checks every round
// (g(0) + g(1) equals the running claim) and reduces the claims to one value at one point;
// the caller then checks that value against the claimed final MLE values with check_oracle
// (and, in a full protocol, checks those values against commitments). A failed check throws
// VerifyError (engine/proof/verify_error.hpp). T is the transcript (TranscriptOf<H, E>).
#pragma once

#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "engine/algebra/algebra.hpp"
#include "engine/proof/verify_error.hpp"
#include "engine/sumcheck/claim.hpp"
#include "engine/sumcheck/proof.hpp"
#include "engine/transcript/transcript.hpp"
#include "kernels/expr/expr.hpp"

namespace kprove {

// What the rounds reduce the claims to.
template <ExtensionField E>
struct SumcheckReductionOf {
  std::vector<E> point;  // r_1..r_v
  E expected;            // what sum_i alpha^i P_i(point_i) must equal
  E alpha;               // the batching challenge
};
using SumcheckReduction = SumcheckReductionOf<Ext>;

// Throws VerifyError, its message starting with `context`, on a proof of the wrong shape or a
// failed round check; std::invalid_argument for malformed claims.
template <class T>
SumcheckReductionOf<typename T::Challenge> verify_sumcheck(
    T& transcript, std::span<const SumcheckClaimOf<typename T::Challenge>> claims,
    const SumcheckProofOf<typename T::Challenge>& proof, std::string_view context) {
  using E = typename T::Challenge;
  const auto reject = [&](const std::string& why) {
    throw VerifyError(std::string(context) + why);
  };
  const E alpha = detail::begin_sumcheck(transcript, claims);
  const int v = detail::max_num_vars(claims);
  const std::size_t npts = std::size_t(detail::max_degree(claims)) + 1;
  if (proof.rounds.size() != std::size_t(v))
    reject("proof has " + std::to_string(proof.rounds.size()) + " rounds, expected " +
           std::to_string(v));
  if (proof.final_evals.size() != claims.size())
    reject("proof has final values for " + std::to_string(proof.final_evals.size()) +
           " claims, expected " + std::to_string(claims.size()));
  for (std::size_t i = 0; i < claims.size(); ++i)
    if (proof.final_evals[i].size() != claims[i].num_finals)
      reject("claim " + std::to_string(i) + " has " +
             std::to_string(proof.final_evals[i].size()) + " final values, expected " +
             std::to_string(claims[i].num_finals));

  SumcheckReductionOf<E> out;
  E claim = detail::batched_sum(claims, alpha);
  for (int k = 0; k < v; ++k) {
    const std::vector<E>& g = proof.rounds[k];
    if (g.size() != npts)
      reject("round " + std::to_string(k + 1) + " has " + std::to_string(g.size()) +
             " values, expected " + std::to_string(npts));
    if (g[0] + g[1] != claim) reject("round " + std::to_string(k + 1) + ": g(0) + g(1) != claim");
    const E r = detail::finish_round(transcript, std::span<const E>(g));
    claim = interpolate_at<E>(g, r);
    out.point.push_back(r);
  }
  detail::absorb_finals(transcript, proof.final_evals);
  out.expected = claim;
  out.alpha = alpha;
  return out;
}

// The final check: sum_i alpha^i oracle_values[i] == reduction.expected, where
// oracle_values[i] is P_i evaluated at claim i's final values (e.g.
// product_oracle(proof.final_evals[i])).
template <ExtensionField E>
bool check_oracle(const SumcheckReductionOf<E>& reduction,
                  std::span<const std::type_identity_t<E>> oracle_values) {
  return dot_powers<E>(oracle_values, reduction.alpha) == reduction.expected;
}

// P = f_1 * ... * f_d at the final values.
template <std::ranges::contiguous_range R>
auto product_oracle(const R& finals) {
  using E = std::ranges::range_value_t<R>;
  E p = E::one();
  for (const E& f : finals) p *= f;
  return p;
}

// P = sum_k beta^k C_k(columns) at the final column values.
template <ExtensionField E>
E expr_oracle(const std::vector<ExprOf<typename E::Base>>& exprs, E beta,
              std::span<const std::type_identity_t<E>> finals) {
  std::vector<E> values;
  for (const auto& e : exprs) values.push_back(e.evaluate(finals));
  return dot_powers<E>(values, beta);
}

// P = sum_k coefficients[k] C_k(columns), one coefficient per expression.
template <ExtensionField E>
E expr_oracle(const std::vector<ExprOf<typename E::Base>>& exprs,
              const std::vector<E>& coefficients,
              std::span<const std::type_identity_t<E>> finals) {
  if (coefficients.size() != exprs.size())
    throw std::invalid_argument("expr_oracle: " + std::to_string(coefficients.size()) +
                                " coefficients for " + std::to_string(exprs.size()) +
                                " expressions");
  E v = E::zero();
  for (std::size_t k = 0; k < exprs.size(); ++k) v += coefficients[k] * exprs[k].evaluate(finals);
  return v;
}

}  // namespace kprove
