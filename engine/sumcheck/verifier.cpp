#include "engine/sumcheck/verifier.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/algebra/algebra.hpp"
#include "engine/proof/verify_error.hpp"

namespace kprove {

SumcheckReduction verify_sumcheck(Transcript& transcript, std::span<const SumcheckClaim> claims,
                                  const SumcheckProof& proof, std::string_view context) {
  const auto reject = [&](const std::string& why) {
    throw VerifyError(std::string(context) + why);
  };
  const Ext alpha = detail::begin_sumcheck(transcript, claims);
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

  SumcheckReduction out;
  Ext claim = detail::batched_sum(claims, alpha);
  for (int k = 0; k < v; ++k) {
    const std::vector<Ext>& g = proof.rounds[k];
    if (g.size() != npts)
      reject("round " + std::to_string(k + 1) + " has " + std::to_string(g.size()) +
             " values, expected " + std::to_string(npts));
    if (g[0] + g[1] != claim)
      reject("round " + std::to_string(k + 1) + ": g(0) + g(1) != claim");
    const Ext r = detail::finish_round(transcript, g);
    claim = interpolate_at(g, r);
    out.point.push_back(r);
  }
  detail::absorb_finals(transcript, proof.final_evals);
  out.expected = claim;
  out.alpha = alpha;
  return out;
}

bool check_oracle(const SumcheckReduction& reduction, std::span<const Ext> oracle_values) {
  return dot_powers(oracle_values, reduction.alpha) == reduction.expected;
}

Ext product_oracle(std::span<const Ext> finals) {
  Ext p = Ext::one();
  for (Ext f : finals) p *= f;
  return p;
}

Ext expr_oracle(const std::vector<Expr>& exprs, Ext beta, std::span<const Ext> finals) {
  std::vector<Ext> values;
  for (const Expr& e : exprs) values.push_back(e.evaluate(finals));
  return dot_powers(values, beta);
}

Ext expr_oracle(const std::vector<Expr>& exprs, std::span<const Ext> coefficients,
                std::span<const Ext> finals) {
  if (coefficients.size() != exprs.size())
    throw std::invalid_argument("expr_oracle: " + std::to_string(coefficients.size()) +
                                " coefficients for " + std::to_string(exprs.size()) +
                                " expressions");
  Ext v = Ext::zero();
  for (std::size_t k = 0; k < exprs.size(); ++k) v += coefficients[k] * exprs[k].evaluate(finals);
  return v;
}

}  // namespace kprove
