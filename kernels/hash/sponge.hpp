// Hashing on a Poseidon2 permutation, Plonky3-compatible. A Hasher is the hash parameter of
// the Merkle tree, the transcript and grinding: its Field, its Digest and these two maps.
// - hash_elements / Sponge = PaddingFreeSponge<Perm, WIDTH, RATE, OUT>: zero state, the input
//   is split into blocks of RATE that OVERWRITE state[0..len) (a short last block leaves the
//   rest of the rate as it was), one permutation per block, digest = state[0..OUT). No
//   padding, so the input length must be fixed by the protocol; empty input gives the zero
//   digest.
// - compress = TruncatedPermutation<Perm, 2, OUT, WIDTH>: permute [left, right, 0, ...], take
//   the first OUT elements.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>

#include "kernels/hash/poseidon2.hpp"

namespace kprove {

template <class F, int N>
struct DigestOf {
  using Field = F;
  static constexpr int SIZE = N;
  F h[SIZE];

  KOKKOS_INLINE_FUNCTION friend bool operator==(const DigestOf& a, const DigestOf& b) {
    bool eq = true;
    for (int i = 0; i < SIZE; ++i) eq = eq && a.h[i] == b.h[i];
    return eq;
  }
  KOKKOS_INLINE_FUNCTION friend bool operator!=(const DigestOf& a, const DigestOf& b) {
    return !(a == b);
  }
};

template <class Permutation, int Rate, int Out>
struct Poseidon2Hasher {
  using Perm = Permutation;
  using Field = typename Perm::Field;
  using Digest = DigestOf<Field, Out>;
  static constexpr int WIDTH = Perm::WIDTH;
  static constexpr int RATE = Rate;
  static_assert(Rate < WIDTH && 2 * Out <= WIDTH, "capacity left, two digests per compression");

  // Incremental form of hash_elements, for inputs that are not one indexable sequence (e.g.
  // the rows of several matrices). A block is permuted only once the next element arrives or
  // at finish(), so exactly one permutation runs per (possibly short) block.
  class Sponge {
   public:
    static constexpr int WIDTH = Perm::WIDTH;
    static constexpr int RATE = Rate;

    KOKKOS_INLINE_FUNCTION Sponge() {
      for (int i = 0; i < WIDTH; ++i) state_[i] = Field::zero();
    }

    KOKKOS_INLINE_FUNCTION void absorb(Field x) {
      if (pos_ == RATE) {
        Perm::permute(state_);
        pos_ = 0;
      }
      state_[pos_++] = x;
    }

    KOKKOS_INLINE_FUNCTION Digest finish() {
      if (pos_ > 0) Perm::permute(state_);
      pos_ = 0;
      Digest d;
      for (int i = 0; i < Out; ++i) d.h[i] = state_[i];
      return d;
    }

   private:
    Field state_[WIDTH];
    int pos_ = 0;
  };

  // Digest of get(0), ..., get(n-1).
  template <class Getter>
  KOKKOS_INLINE_FUNCTION static Digest hash_elements(std::size_t n, const Getter& get) {
    Sponge sponge;
    for (std::size_t i = 0; i < n; ++i) sponge.absorb(get(i));
    return sponge.finish();
  }

  KOKKOS_INLINE_FUNCTION static Digest compress(const Digest& left, const Digest& right) {
    Field s[WIDTH];
    for (int i = 0; i < Out; ++i) {
      s[i] = left.h[i];
      s[Out + i] = right.h[i];
    }
    for (int i = 2 * Out; i < WIDTH; ++i) s[i] = Field::zero();
    Perm::permute(s);
    Digest d;
    for (int i = 0; i < Out; ++i) d.h[i] = s[i];
    return d;
  }
};

// Plonky3's Goldilocks and BabyBear configurations: digests of 256 and 248 bits.
using GoldilocksHasher = Poseidon2Hasher<Poseidon2Goldilocks12, 8, 4>;
using BabyBearHasher = Poseidon2Hasher<Poseidon2BabyBear16, 8, 8>;

// Each field's Poseidon2 hasher.
template <class F>
struct HasherOf;
template <>
struct HasherOf<Goldilocks> {
  using type = GoldilocksHasher;
};
template <>
struct HasherOf<BabyBear> {
  using type = BabyBearHasher;
};
template <class F>
using HasherFor = typename HasherOf<F>::type;

// The protocol's hasher until the Merkle tree, transcript and grinding take it as a parameter.
using Digest = GoldilocksHasher::Digest;
using SpongeHasher = GoldilocksHasher::Sponge;

template <class Getter>
KOKKOS_INLINE_FUNCTION Digest hash_elements(std::size_t n, const Getter& get) {
  return GoldilocksHasher::hash_elements(n, get);
}

KOKKOS_INLINE_FUNCTION Digest compress(const Digest& left, const Digest& right) {
  return GoldilocksHasher::compress(left, right);
}

}  // namespace kprove
