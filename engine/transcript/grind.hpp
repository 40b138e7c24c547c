// Proof-of-work grinding on an execution space. A sequential grind costs 2^bits host
// permutations on average (~0.2 s per PCS opening at 16 bits); here the nonces are tried in
// parallel batches, one permutation each, and the smallest accepted nonce is taken, so the
// nonce (and the proof) is the same as a sequential search's on every backend.
#pragma once

#include <Kokkos_Core.hpp>
#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "engine/transcript/transcript.hpp"
#include "kernels/hash/poseidon2.hpp"

namespace kprove {

namespace detail {
template <class T>
struct PowSearch {
  using F = typename T::F;
  typename T::PowTrial trial;
  uint64_t first;
  int bits;

  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i, uint64_t& best) const {
    const uint64_t nonce = first + i;
    if (nonce >= F::P) return;
    F s[T::WIDTH];
    for (int k = 0; k < T::WIDTH; ++k) s[k] = trial.state[k];
    s[trial.nonce_slot] = F::from_canonical(nonce);
    T::Hasher::Perm::permute(s);
    if (T::pow_accepts(s[0].value(), bits) && nonce < best) best = nonce;
  }
};
}  // namespace detail

// Finds the first nonce check_pow(bits, nonce) accepts and advances `transcript` exactly as
// that call does. bits in 0 .. T::MAX_POW_BITS; batches grow from 2^12 to 2^22 nonces.
template <class Exec, class H, class E>
uint64_t grind(const Exec& exec, TranscriptOf<H, E>& transcript, int bits) {
  using T = TranscriptOf<H, E>;
  if (bits < 0 || bits > T::MAX_POW_BITS)
    throw std::invalid_argument("grind: bits " + std::to_string(bits) + " outside [0, " +
                                std::to_string(T::MAX_POW_BITS) + "]");
  uint64_t nonce = 0;
  if (bits > 0) {
    constexpr uint64_t kMaxBatch = uint64_t(1) << 22;
    detail::PowSearch<T> search{transcript.pow_trial(), 0, bits};
    uint64_t batch = uint64_t(1) << 12;
    for (nonce = UINT64_MAX; nonce == UINT64_MAX;) {
      Kokkos::parallel_reduce("kprove::grind", Kokkos::RangePolicy<Exec>(exec, 0, batch), search,
                              Kokkos::Min<uint64_t>(nonce));
      search.first += batch;
      batch = std::min(2 * batch, kMaxBatch);
    }
  }
  if (!transcript.check_pow(bits, nonce))
    throw std::logic_error("grind: nonce " + std::to_string(nonce) + " fails check_pow");
  return nonce;
}

}  // namespace kprove
