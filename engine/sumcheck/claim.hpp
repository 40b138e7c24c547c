// What a verifier knows about each claim of a batched sumcheck, and the transcript steps that
// prover and verifier share.
//
// Batching claims of different sizes: with v = max num_vars, claim i (v_i variables) is read
// as a polynomial in all v variables that ignores the first v - v_i, so its variables are the
// LAST v_i of the common point and it contributes 2^(v - v_i) s_i to the combined sum. The
// batched polynomial is sum_i alpha^i P_i with alpha squeezed after all claims are absorbed; in
// the rounds before claim i's variables start, its part of the round polynomial is the
// constant 2^(v - v_i - k) s_i (round k, 1-based).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "engine/transcript/transcript.hpp"

namespace kprove {

struct SumcheckClaim {
  int num_vars;            // 1..62
  int degree;              // of P_i in each variable, >= 1
  std::size_t num_finals;  // how many final MLE values the proof carries for this claim
  Ext sum;                 // claimed sum over {0,1}^num_vars
};

// Claim i's point: the last num_vars coordinates of the batched point.
inline std::span<const Ext> claim_point(std::span<const Ext> point, int num_vars) {
  return point.subspan(point.size() - std::size_t(num_vars));
}

namespace detail {

// Absorbs the claims, squeezes alpha and returns it; throws std::invalid_argument on
// malformed claims (prover and verifier alike).
Ext begin_sumcheck(Transcript& t, std::span<const SumcheckClaim> claims);
// sum_i alpha^i 2^(v - v_i) s_i.
Ext batched_sum(std::span<const SumcheckClaim> claims, Ext alpha);
int max_num_vars(std::span<const SumcheckClaim> claims);
int max_degree(std::span<const SumcheckClaim> claims);
// Absorbs one round polynomial and squeezes its challenge.
Ext finish_round(Transcript& t, std::span<const Ext> evals);
void absorb_finals(Transcript& t, const std::vector<std::vector<Ext>>& finals);

}  // namespace detail

}  // namespace kprove
