// Batched sumcheck prover: proves sum_{x in {0,1}^{v_i}} P_i(x) = s_i for every instance at
// once (batching and size alignment as described in claim.hpp). The instances compute on
// their device; this driver only moves round polynomials through the transcript. T is the
// transcript (TranscriptOf<H, E>), whose challenge field E the instances work in.
#pragma once

#include <span>
#include <stdexcept>
#include <vector>

#include "engine/algebra/algebra.hpp"
#include "engine/sumcheck/claim.hpp"
#include "engine/sumcheck/instance.hpp"
#include "engine/sumcheck/proof.hpp"
#include "engine/transcript/transcript.hpp"

namespace kprove {

template <ExtensionField E>
struct SumcheckOutputOf {
  SumcheckProofOf<E> proof;
  std::vector<E> point;                    // r_1..r_v; claim i's point is claim_point(point, v_i)
  std::vector<SumcheckClaimOf<E>> claims;  // what the verifier must be given (sums as computed)
};
using SumcheckOutput = SumcheckOutputOf<Ext>;

// Transcript order: claims (verify_sumcheck's begin), alpha, then per round the batched
// polynomial's values at 0..D (D = max degree) and its challenge, then all final values.
template <class T>
SumcheckOutputOf<typename T::Challenge> prove_sumcheck(
    T& transcript, std::span<SumcheckInstanceOf<typename T::Challenge>* const> instances) {
  using E = typename T::Challenge;
  using F = typename E::Base;
  SumcheckOutputOf<E> out;
  // Each claim's first round depends on no challenge, so all of them are computed up front:
  // their g(0) + g(1) are the claimed sums the transcript must see before alpha.
  std::vector<std::vector<E>> first;
  for (SumcheckInstanceOf<E>* inst : instances) {
    if (inst == nullptr) throw std::invalid_argument("prove_sumcheck: null instance");
    first.push_back(inst->round_evals());
    if (first.back().size() != std::size_t(inst->degree()) + 1)
      throw std::logic_error("prove_sumcheck: instance returned the wrong number of values");
    out.claims.push_back(SumcheckClaimOf<E>{inst->num_vars(), inst->degree(), inst->num_finals(),
                                            first.back()[0] + first.back()[1]});
  }
  const std::span<const SumcheckClaimOf<E>> claims(out.claims);
  const E alpha = detail::begin_sumcheck(transcript, claims);
  const int v = detail::max_num_vars(claims);
  const std::size_t npts = std::size_t(detail::max_degree(claims)) + 1;

  for (int k = 0; k < v; ++k) {  // 0-based round
    std::vector<E> g(npts, E::zero());
    E power = E::one();
    for (std::size_t i = 0; i < instances.size(); ++i, power *= alpha) {
      const int start = v - out.claims[i].num_vars;  // first round touching claim i
      if (k < start) {
        // Constant: the claim's sum times the number of its untouched dummy points.
        const E c = out.claims[i].sum * F::from_u64(uint64_t(1) << (start - k - 1));
        for (E& e : g) e += power * c;
        continue;
      }
      const std::vector<E> evals = k == start ? first[i] : instances[i]->round_evals();
      const std::vector<E> ext = extend_evals(evals, npts);
      for (std::size_t t = 0; t < npts; ++t) g[t] += power * ext[t];
    }
    const E r = detail::finish_round(transcript, std::span<const E>(g));
    out.proof.rounds.push_back(std::move(g));
    out.point.push_back(r);
    for (std::size_t i = 0; i < instances.size(); ++i)
      if (k >= v - out.claims[i].num_vars) instances[i]->bind(r);
  }
  for (SumcheckInstanceOf<E>* inst : instances)
    out.proof.final_evals.push_back(inst->final_evals());
  detail::absorb_finals(transcript, out.proof.final_evals);
  return out;
}

}  // namespace kprove
