// Fiat-Shamir transcript: a duplex sponge over Poseidon2 (Goldilocks, width 12 = rate 8 +
// capacity 4), host-side. Prover and verifier run the same calls in the same order.
//
// Absorbed elements queue up; a full block of 8, or a squeeze with a non-empty queue,
// OVERWRITES state[0..len) with the queue and permutes (Plonky2's challenger; with no padding,
// the protocol must fix what is absorbed, which labels and explicit sizes make unambiguous).
// Squeezing hands out state[0..8) of the last permutation and permutes again once it runs out;
// absorbing anything discards the outputs not yet handed out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "kernels/field/goldilocks_ext2.hpp"
#include "kernels/hash/sponge.hpp"

namespace kprove {

class Transcript {
 public:
  static constexpr int WIDTH = Poseidon2Goldilocks12::WIDTH;
  static constexpr int RATE = 8;

  explicit Transcript(std::string_view domain_label);

  void absorb(Felt x);
  void absorb(Ext x);
  void absorb(std::span<const Felt> xs);
  void absorb(std::span<const Ext> xs);
  void absorb(const Digest& d);
  // A length-prefixed byte string, 7 bytes per element: for labels and domain separation.
  void absorb_label(std::string_view label);
  // Sizes and counts (< p).
  void absorb_size(std::size_t n);

  Felt challenge_base();
  Ext challenge_ext();
  // count indices in [0, 2^log_range), log_range <= 32, one squeezed element each (low bits).
  std::vector<std::size_t> challenge_indices(std::size_t count, int log_range);

  // Proof of work: absorbs nonce, squeezes one element and accepts if its top `bits` bits
  // (of 64) are zero. The prover's side is grind() (engine/transcript/grind.hpp).
  bool check_pow(int bits, uint64_t nonce);

  // Whether a squeezed element x passes a proof of work of `bits` (0 .. 63) leading zero bits.
  KOKKOS_INLINE_FUNCTION static constexpr bool pow_accepts(uint64_t x, int bits) {
    return bits == 0 || (x >> (64 - bits)) == 0;
  }

  // What check_pow(bits, nonce) computes, minus the nonce: it accepts iff the permutation of
  // `state` with state[nonce_slot] = nonce has an element 0 with `bits` leading zero bits. So a
  // grinder can try many nonces in parallel, one permutation each.
  struct PowTrial {
    Felt state[WIDTH];
    int nonce_slot;
  };
  PowTrial pow_trial() const;

 private:
  void duplex();

  Felt state_[WIDTH];
  std::vector<Felt> input_;
  std::vector<Felt> output_;
  std::size_t next_output_ = 0;
};

}  // namespace kprove
