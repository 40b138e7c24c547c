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

#include <algorithm>
#include <cstddef>
#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/algebra/algebra.hpp"
#include "engine/transcript/transcript.hpp"

namespace kprove {

template <ExtensionField E>
struct SumcheckClaimOf {
  int num_vars;            // 1..62
  int degree;              // of P_i in each variable, >= 1
  std::size_t num_finals;  // how many final MLE values the proof carries for this claim
  E sum;                   // claimed sum over {0,1}^num_vars
};
using SumcheckClaim = SumcheckClaimOf<Ext>;

// Claim i's point: the last num_vars coordinates of the batched point.
template <std::ranges::contiguous_range R>
auto claim_point(const R& point, int num_vars) {
  const std::span<const std::ranges::range_value_t<R>> all(point);
  return all.subspan(all.size() - std::size_t(num_vars));
}

namespace detail {

template <ExtensionField E>
int max_num_vars(std::span<const SumcheckClaimOf<E>> claims) {
  int v = 0;
  for (const auto& c : claims) v = std::max(v, c.num_vars);
  return v;
}

template <ExtensionField E>
int max_degree(std::span<const SumcheckClaimOf<E>> claims) {
  int d = 0;
  for (const auto& c : claims) d = std::max(d, c.degree);
  return d;
}

// Absorbs the claims, squeezes alpha and returns it; throws std::invalid_argument on
// malformed claims (prover and verifier alike).
template <class T>
typename T::Challenge begin_sumcheck(
    T& t, std::span<const SumcheckClaimOf<typename T::Challenge>> claims) {
  if (claims.empty()) throw std::invalid_argument("sumcheck: no claims");
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (claims[i].num_vars < 1 || claims[i].num_vars > 62)
      throw std::invalid_argument("sumcheck: claim " + std::to_string(i) + " has " +
                                  std::to_string(claims[i].num_vars) +
                                  " variables, supported 1..62");
    if (claims[i].degree < 1)
      throw std::invalid_argument("sumcheck: claim " + std::to_string(i) + " has degree " +
                                  std::to_string(claims[i].degree) + ", needs >= 1");
  }
  t.absorb_label("kprove.sumcheck");
  t.absorb_size(claims.size());
  for (const auto& c : claims) {
    t.absorb_size(std::size_t(c.num_vars));
    t.absorb_size(std::size_t(c.degree));
    t.absorb_size(c.num_finals);
    t.absorb(c.sum);
  }
  return t.challenge_ext();
}

// sum_i alpha^i 2^(v - v_i) s_i.
template <ExtensionField E>
E batched_sum(std::span<const SumcheckClaimOf<E>> claims, E alpha) {
  const int v = max_num_vars(claims);
  std::vector<E> scaled;  // a shorter claim counts once per point of its dummy variables
  for (const auto& c : claims)
    scaled.push_back(c.sum * E::Base::from_u64(uint64_t(1) << (v - c.num_vars)));
  return dot_powers<E>(scaled, alpha);
}

// Absorbs one round polynomial and squeezes its challenge.
template <class T>
typename T::Challenge finish_round(T& t, std::span<const typename T::Challenge> evals) {
  t.absorb(evals);
  return t.challenge_ext();
}

template <class T>
void absorb_finals(T& t, const std::vector<std::vector<typename T::Challenge>>& finals) {
  for (const auto& f : finals) t.absorb(std::span<const typename T::Challenge>(f));
}

}  // namespace detail

}  // namespace kprove
