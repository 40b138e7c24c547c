#include "engine/sumcheck/verifier.hpp"

#include <stdexcept>

#include "engine/sumcheck/univariate.hpp"

namespace kprove {

namespace {

SumcheckVerdict reject(std::string why) {
  SumcheckVerdict v;
  v.reason = std::move(why);
  return v;
}

}  // namespace

SumcheckVerdict verify_sumcheck(Transcript& transcript, std::span<const SumcheckClaim> claims,
                                const SumcheckProof& proof) {
  const Ext alpha = detail::begin_sumcheck(transcript, claims);
  const int v = detail::max_num_vars(claims);
  const std::size_t npts = std::size_t(detail::max_degree(claims)) + 1;
  if (proof.rounds.size() != std::size_t(v))
    return reject("proof has " + std::to_string(proof.rounds.size()) + " rounds, expected " +
                  std::to_string(v));
  if (proof.final_evals.size() != claims.size())
    return reject("proof has final values for " + std::to_string(proof.final_evals.size()) +
                  " claims, expected " + std::to_string(claims.size()));
  for (std::size_t i = 0; i < claims.size(); ++i)
    if (proof.final_evals[i].size() != claims[i].num_finals)
      return reject("claim " + std::to_string(i) + " has " +
                    std::to_string(proof.final_evals[i].size()) + " final values, expected " +
                    std::to_string(claims[i].num_finals));

  SumcheckVerdict out;
  Ext claim = detail::batched_sum(claims, alpha);
  for (int k = 0; k < v; ++k) {
    const std::vector<Ext>& g = proof.rounds[k];
    if (g.size() != npts)
      return reject("round " + std::to_string(k + 1) + " has " + std::to_string(g.size()) +
                    " values, expected " + std::to_string(npts));
    if (g[0] + g[1] != claim)
      return reject("round " + std::to_string(k + 1) + ": g(0) + g(1) != claim");
    const Ext r = detail::finish_round(transcript, g);
    claim = interpolate_at(g, r);
    out.point.push_back(r);
  }
  detail::absorb_finals(transcript, proof.final_evals);
  out.accepted = true;
  out.expected = claim;
  out.alpha = alpha;
  return out;
}

bool check_oracle(const SumcheckVerdict& verdict, std::span<const Ext> oracle_values) {
  if (!verdict.accepted) return false;
  Ext sum = Ext::zero(), power = Ext::one();
  for (Ext value : oracle_values) {
    sum += power * value;
    power *= verdict.alpha;
  }
  return sum == verdict.expected;
}

Ext product_oracle(std::span<const Ext> finals) {
  Ext p = Ext::one();
  for (Ext f : finals) p *= f;
  return p;
}

Ext expr_oracle(const std::vector<Expr>& exprs, Ext beta, std::span<const Ext> finals) {
  Ext v = Ext::zero();  // Horner, as on the device: C_0 + beta (C_1 + ...)
  for (std::size_t k = exprs.size(); k-- > 0;) v = v * beta + exprs[k].evaluate(finals);
  return v;
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

Ext eq_eval(std::span<const Ext> a, std::span<const Ext> b) {
  if (a.size() != b.size()) throw std::invalid_argument("eq_eval: points differ in length");
  Ext p = Ext::one();
  for (std::size_t j = 0; j < a.size(); ++j)
    p *= a[j] * b[j] + (Ext::one() - a[j]) * (Ext::one() - b[j]);
  return p;
}

}  // namespace kprove
