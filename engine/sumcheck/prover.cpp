#include "engine/sumcheck/prover.hpp"

#include <stdexcept>

#include "engine/algebra/algebra.hpp"

namespace kprove {

SumcheckOutput prove_sumcheck(Transcript& transcript,
                              std::span<SumcheckInstance* const> instances) {
  SumcheckOutput out;
  // Each claim's first round depends on no challenge, so all of them are computed up front:
  // their g(0) + g(1) are the claimed sums the transcript must see before alpha.
  std::vector<std::vector<Ext>> first;
  for (SumcheckInstance* inst : instances) {
    if (inst == nullptr) throw std::invalid_argument("prove_sumcheck: null instance");
    first.push_back(inst->round_evals());
    if (first.back().size() != std::size_t(inst->degree()) + 1)
      throw std::logic_error("prove_sumcheck: instance returned the wrong number of values");
    out.claims.push_back(SumcheckClaim{inst->num_vars(), inst->degree(), inst->num_finals(),
                                       first.back()[0] + first.back()[1]});
  }
  const Ext alpha = detail::begin_sumcheck(transcript, out.claims);
  const int v = detail::max_num_vars(out.claims);
  const std::size_t npts = std::size_t(detail::max_degree(out.claims)) + 1;

  for (int k = 0; k < v; ++k) {  // 0-based round
    std::vector<Ext> g(npts, Ext::zero());
    Ext power = Ext::one();
    for (std::size_t i = 0; i < instances.size(); ++i, power *= alpha) {
      const int start = v - out.claims[i].num_vars;  // first round touching claim i
      if (k < start) {
        // Constant: the claim's sum times the number of its untouched dummy points.
        const Ext c = out.claims[i].sum * Felt::from_u64(uint64_t(1) << (start - k - 1));
        for (Ext& e : g) e += power * c;
        continue;
      }
      const std::vector<Ext> evals = k == start ? first[i] : instances[i]->round_evals();
      const std::vector<Ext> ext = extend_evals(evals, npts);
      for (std::size_t t = 0; t < npts; ++t) g[t] += power * ext[t];
    }
    const Ext r = detail::finish_round(transcript, g);
    out.proof.rounds.push_back(std::move(g));
    out.point.push_back(r);
    for (std::size_t i = 0; i < instances.size(); ++i)
      if (k >= v - out.claims[i].num_vars) instances[i]->bind(r);
  }
  for (SumcheckInstance* inst : instances) out.proof.final_evals.push_back(inst->final_evals());
  detail::absorb_finals(transcript, out.proof.final_evals);
  return out;
}

}  // namespace kprove
