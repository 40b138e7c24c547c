// Batched sumcheck prover: proves sum_{x in {0,1}^{v_i}} P_i(x) = s_i for every instance at
// once (batching and size alignment as described in claim.hpp). The instances compute on
// their device; this driver only moves round polynomials through the transcript.
#pragma once

#include <span>
#include <vector>

#include "engine/sumcheck/claim.hpp"
#include "engine/sumcheck/instance.hpp"
#include "engine/sumcheck/proof.hpp"
#include "engine/transcript/transcript.hpp"

namespace kprove {

struct SumcheckOutput {
  SumcheckProof proof;
  std::vector<Ext> point;             // r_1..r_v; claim i's point is claim_point(point, v_i)
  std::vector<SumcheckClaim> claims;  // what the verifier must be given (sums as computed)
};

// Transcript order: claims (verify_sumcheck's begin), alpha, then per round the batched
// polynomial's values at 0..D (D = max degree) and its challenge, then all final values.
SumcheckOutput prove_sumcheck(Transcript& transcript, std::span<SumcheckInstance* const> instances);

}  // namespace kprove
