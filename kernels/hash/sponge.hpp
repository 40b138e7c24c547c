// Hashing on Poseidon2Goldilocks12, Plonky3-compatible:
// - hash_elements / SpongeHasher = PaddingFreeSponge<_, 12, 8, 4>: zero state, the input is
//   split into blocks of 8 that OVERWRITE state[0..len) (a short last block leaves the rest of
//   the rate as it was), one permutation per block, digest = state[0..4). No padding, so the
//   input length must be fixed by the protocol; empty input gives the zero digest.
// - compress = TruncatedPermutation<_, 2, 4, 12>: permute [left, right, 0, 0, 0, 0], take the
//   first 4 elements.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>

#include "kernels/hash/poseidon2.hpp"

namespace kprove {

struct Digest {
  static constexpr int SIZE = 4;
  Felt h[SIZE];

  KOKKOS_INLINE_FUNCTION friend bool operator==(const Digest& a, const Digest& b) {
    bool eq = true;
    for (int i = 0; i < SIZE; ++i) eq = eq && a.h[i] == b.h[i];
    return eq;
  }
  KOKKOS_INLINE_FUNCTION friend bool operator!=(const Digest& a, const Digest& b) {
    return !(a == b);
  }
};

// Incremental form of hash_elements, for inputs that are not one indexable sequence (e.g. the
// rows of several matrices). A block is permuted only once the next element arrives or at
// finish(), so exactly one permutation runs per (possibly short) block.
class SpongeHasher {
 public:
  static constexpr int WIDTH = Poseidon2Goldilocks12::WIDTH;
  static constexpr int RATE = 8;

  KOKKOS_INLINE_FUNCTION SpongeHasher() {
    for (int i = 0; i < WIDTH; ++i) state_[i] = Felt::zero();
  }

  KOKKOS_INLINE_FUNCTION void absorb(Felt x) {
    if (pos_ == RATE) {
      Poseidon2Goldilocks12::permute(state_);
      pos_ = 0;
    }
    state_[pos_++] = x;
  }

  KOKKOS_INLINE_FUNCTION Digest finish() {
    if (pos_ > 0) Poseidon2Goldilocks12::permute(state_);
    pos_ = 0;
    Digest d;
    for (int i = 0; i < Digest::SIZE; ++i) d.h[i] = state_[i];
    return d;
  }

 private:
  Felt state_[WIDTH];
  int pos_ = 0;
};

// Digest of get(0), ..., get(n-1).
template <class Getter>
KOKKOS_INLINE_FUNCTION Digest hash_elements(std::size_t n, const Getter& get) {
  SpongeHasher sponge;
  for (std::size_t i = 0; i < n; ++i) sponge.absorb(get(i));
  return sponge.finish();
}

KOKKOS_INLINE_FUNCTION Digest compress(const Digest& left, const Digest& right) {
  Felt s[Poseidon2Goldilocks12::WIDTH];
  for (int i = 0; i < Digest::SIZE; ++i) {
    s[i] = left.h[i];
    s[Digest::SIZE + i] = right.h[i];
  }
  for (int i = 2 * Digest::SIZE; i < Poseidon2Goldilocks12::WIDTH; ++i) s[i] = Felt::zero();
  Poseidon2Goldilocks12::permute(s);
  Digest d;
  for (int i = 0; i < Digest::SIZE; ++i) d.h[i] = s[i];
  return d;
}

}  // namespace kprove
