#include "engine/sumcheck/zerocheck.hpp"

#include <algorithm>
#include <stdexcept>

#include "engine/proof/verify_error.hpp"

namespace kprove {

ZerocheckChallenges zerocheck_challenges(Transcript& t, int num_vars, std::size_t constraints) {
  if (num_vars < 1) throw std::invalid_argument("zerocheck: needs at least one variable");
  t.absorb_label("kprove.zerocheck");
  t.absorb_size(std::size_t(num_vars));
  t.absorb_size(constraints);
  ZerocheckChallenges ch;
  ch.beta = t.challenge_ext();
  for (int i = 0; i < num_vars; ++i) ch.zeta.push_back(t.challenge_ext());
  return ch;
}

ZerocheckReduction verify_zerocheck(Transcript& transcript, const std::vector<Expr>& constraints,
                                    int num_vars, std::size_t num_columns,
                                    const SumcheckProof& proof) {
  if (constraints.empty()) throw std::invalid_argument("verify_zerocheck: no constraints");
  int degree = 0;
  for (const Expr& c : constraints) {
    degree = std::max(degree, c.degree());
    if (c.max_column() >= num_columns)
      throw std::invalid_argument("verify_zerocheck: constraint uses column " +
                                  std::to_string(c.max_column()) + " of " +
                                  std::to_string(num_columns));
  }
  const auto ch = zerocheck_challenges(transcript, num_vars, constraints.size());
  const SumcheckClaim claim{num_vars, degree + 1, num_columns, Ext::zero()};
  SumcheckReduction sr = verify_sumcheck(transcript, std::span<const SumcheckClaim>(&claim, 1),
                                         proof, "zerocheck: ");
  const std::vector<Ext>& cols = proof.final_evals[0];
  const Ext oracle = eq_eval(ch.zeta, sr.point) * expr_oracle(constraints, ch.beta, cols);
  if (!check_oracle(sr, std::span<const Ext>(&oracle, 1)))
    throw VerifyError("zerocheck: final check eq(zeta, r) * C(columns) != reduced claim");
  return {std::move(sr.point), cols};
}

}  // namespace kprove
