// Fiat-Shamir transcript: a duplex sponge over a Hasher's Poseidon2 permutation (Goldilocks:
// width 12 = rate 8 + capacity 4; BabyBear: width 16 = rate 8 + capacity 8), host-side, with
// challenges in the extension E. Prover and verifier run the same calls in the same order.
//
// Absorbed elements queue up; a full block of RATE, or a squeeze with a non-empty queue,
// OVERWRITES state[0..len) with the queue and permutes (Plonky2's challenger; with no padding,
// the protocol must fix what is absorbed, which labels and explicit sizes make unambiguous).
// Squeezing hands out state[0..RATE) of the last permutation and permutes again once it runs
// out; absorbing anything discards the outputs not yet handed out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "kernels/field/babybear_ext4.hpp"
#include "kernels/field/goldilocks_ext2.hpp"
#include "kernels/hash/sponge.hpp"

namespace kprove {

template <class H, class E>
class TranscriptOf {
 public:
  using Hasher = H;
  using F = typename H::Field;
  using Challenge = E;
  using Digest = typename H::Digest;
  static_assert(std::is_same_v<F, typename E::Base>, "challenges extend the hashed field");
  static constexpr int WIDTH = H::WIDTH;
  static constexpr int RATE = H::RATE;
  // Label bytes per element: the most that stay below p.
  static constexpr int LABEL_BYTES = (F::BITS - 1) / 8;
  // Proofs of work look at the bits of the canonical value, below F::BITS.
  static constexpr int MAX_POW_BITS = F::BITS - 1;

  explicit TranscriptOf(std::string_view domain_label) {
    for (auto& s : state_) s = F::zero();
    absorb_label(domain_label);
  }

  void absorb(F x) {
    output_.clear();
    next_output_ = 0;
    input_.push_back(x);
    if (input_.size() == RATE) duplex();
  }
  void absorb(E x) {
    for (F c : x.c) absorb(c);
  }
  void absorb(std::span<const F> xs) {
    for (F x : xs) absorb(x);
  }
  void absorb(std::span<const E> xs) {
    for (E x : xs) absorb(x);
  }
  void absorb(const Digest& d) {
    for (F x : d.h) absorb(x);
  }
  // A length-prefixed byte string, LABEL_BYTES per element: for labels and domain separation.
  void absorb_label(std::string_view label) {
    absorb_size(label.size());
    for (std::size_t i = 0; i < label.size(); i += LABEL_BYTES) {
      uint64_t word = 0;
      for (std::size_t b = 0; b < LABEL_BYTES && i + b < label.size(); ++b)
        word |= uint64_t(static_cast<unsigned char>(label[i + b])) << (8 * b);
      absorb(F::from_canonical(word));  // < 2^(8 LABEL_BYTES) < p
    }
  }
  // Sizes and counts (< p).
  void absorb_size(std::size_t n) {
    if (n >= F::P)
      throw std::invalid_argument("Transcript::absorb_size: " + std::to_string(n) +
                                  " exceeds the field");
    absorb(F::from_canonical(n));
  }

  F challenge_base() {
    if (!input_.empty() || next_output_ == output_.size()) duplex();
    return output_[next_output_++];
  }
  E challenge_ext() {
    E e;
    for (F& c : e.c) c = challenge_base();
    return e;
  }
  // count indices in [0, 2^log_range), one squeezed element each (its low bits, uniform up to
  // a bias below 2^log_range / p for log_range <= the field's two-adicity, which bounds every
  // domain the protocol indexes).
  std::vector<std::size_t> challenge_indices(std::size_t count, int log_range) {
    if (log_range < 0 || log_range > F::TWO_ADICITY)
      throw std::invalid_argument("Transcript::challenge_indices: log_range " +
                                  std::to_string(log_range) + " outside [0, " +
                                  std::to_string(F::TWO_ADICITY) + "]");
    const uint64_t mask = (uint64_t(1) << log_range) - 1;
    std::vector<std::size_t> out(count);
    for (auto& i : out) i = std::size_t(challenge_base().value() & mask);
    return out;
  }

  // Proof of work: absorbs nonce, squeezes one element and accepts if its top `bits` bits (of
  // F::BITS) are zero. The prover's side is grind() (engine/transcript/grind.hpp).
  bool check_pow(int bits, uint64_t nonce) {
    if (bits < 0 || bits > MAX_POW_BITS)
      throw std::invalid_argument("Transcript::check_pow: bits " + std::to_string(bits) +
                                  " outside [0, " + std::to_string(MAX_POW_BITS) + "]");
    if (nonce >= F::P) return false;
    absorb(F::from_canonical(nonce));
    return pow_accepts(challenge_base().value(), bits);
  }

  // Whether a squeezed element x passes a proof of work of `bits` leading zero bits.
  KOKKOS_INLINE_FUNCTION static constexpr bool pow_accepts(uint64_t x, int bits) {
    return bits == 0 || (x >> (F::BITS - bits)) == 0;
  }

  // What check_pow(bits, nonce) computes, minus the nonce: it accepts iff the permutation of
  // `state` with state[nonce_slot] = nonce has an element 0 with `bits` leading zero bits. So a
  // grinder can try many nonces in parallel, one permutation each.
  struct PowTrial {
    F state[WIDTH];
    int nonce_slot;
  };
  PowTrial pow_trial() const {
    // input_ never holds a full block (absorb duplexes it at once), so the nonce lands in the
    // block; absorbing it, or the squeeze after it, permutes that block over state_.
    PowTrial t;
    for (int i = 0; i < WIDTH; ++i) t.state[i] = state_[i];
    for (std::size_t i = 0; i < input_.size(); ++i) t.state[i] = input_[i];
    t.nonce_slot = int(input_.size());
    return t;
  }

 private:
  void duplex() {
    for (std::size_t i = 0; i < input_.size(); ++i) state_[i] = input_[i];
    input_.clear();
    H::Perm::permute(state_);
    output_.assign(state_, state_ + RATE);
    next_output_ = 0;
  }

  F state_[WIDTH];
  std::vector<F> input_;
  std::vector<F> output_;
  std::size_t next_output_ = 0;
};

// The transcript whose challenges lie in E, over E's base field's Hasher.
template <class E>
using TranscriptFor = TranscriptOf<HasherFor<typename E::Base>, E>;

// The protocol's transcript (Goldilocks) and BabyBear's.
using Transcript = TranscriptOf<GoldilocksHasher, GoldilocksExt2>;
using BabyBearTranscript = TranscriptOf<BabyBearHasher, BabyBearExt4>;
extern template class TranscriptOf<GoldilocksHasher, GoldilocksExt2>;
extern template class TranscriptOf<BabyBearHasher, BabyBearExt4>;

}  // namespace kprove
