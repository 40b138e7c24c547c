// The messages of a (batched) sumcheck over the challenge field E, and their canonical byte
// encoding.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/field/goldilocks_ext2.hpp"
#include "kernels/field/traits.hpp"

namespace kprove {

template <ExtensionField E>
struct SumcheckProofOf {
  using F = typename E::Base;

  // rounds[k] = g_{k+1}(0), ..., g_{k+1}(D): the batched round polynomial of round k+1.
  std::vector<std::vector<E>> rounds;
  // final_evals[i] = claim i's MLE values at its point (SumcheckInstance::final_evals()).
  std::vector<std::vector<E>> final_evals;

  // Little-endian: u32 count, then per entry u32 length and each value's DEGREE coefficients,
  // F::BYTES each; rounds first, then final_evals. from_bytes throws std::invalid_argument on
  // malformed input.
  std::vector<uint8_t> to_bytes() const {
    std::vector<uint8_t> out;
    put_lists(out, rounds);
    put_lists(out, final_evals);
    return out;
  }
  static SumcheckProofOf from_bytes(std::span<const uint8_t> bytes) {
    Reader r(bytes);
    SumcheckProofOf p;
    p.rounds = r.lists();
    p.final_evals = r.lists();
    if (r.remaining() != 0)
      throw std::invalid_argument("SumcheckProof::from_bytes: " + std::to_string(r.remaining()) +
                                  " trailing bytes");
    return p;
  }

  friend bool operator==(const SumcheckProofOf&, const SumcheckProofOf&) = default;

 private:
  static void put(std::vector<uint8_t>& out, uint64_t x, int bytes) {
    for (int b = 0; b < bytes; ++b) out.push_back(uint8_t(x >> (8 * b)));
  }
  static void put_lists(std::vector<uint8_t>& out, const std::vector<std::vector<E>>& lists) {
    put(out, lists.size(), 4);
    for (const auto& list : lists) {
      put(out, list.size(), 4);
      for (const E& e : list)
        for (F c : e.c) put(out, c.value(), F::BYTES);
    }
  }

  class Reader {
   public:
    explicit Reader(std::span<const uint8_t> b) : b_(b) {}
    uint64_t get(int bytes) {
      if (pos_ + bytes > b_.size())
        throw std::invalid_argument("SumcheckProof::from_bytes: truncated at byte " +
                                    std::to_string(pos_));
      uint64_t x = 0;
      for (int i = 0; i < bytes; ++i) x |= uint64_t(b_[pos_++]) << (8 * i);
      return x;
    }
    F element() {
      const uint64_t x = get(F::BYTES);
      if (x >= F::P)
        throw std::invalid_argument("SumcheckProof::from_bytes: non-canonical field element");
      return F::from_canonical(x);
    }
    std::vector<std::vector<E>> lists() {
      const uint64_t count = get(4);
      if (count * 4 > remaining())
        throw std::invalid_argument("SumcheckProof::from_bytes: count exceeds input");
      std::vector<std::vector<E>> out(count);
      for (auto& list : out) {
        const uint64_t n = get(4);
        if (n * E::DEGREE * F::BYTES > remaining())
          throw std::invalid_argument("SumcheckProof::from_bytes: length exceeds input");
        for (uint64_t i = 0; i < n; ++i) {
          E e;
          for (F& c : e.c) c = element();
          list.push_back(e);
        }
      }
      return out;
    }
    std::size_t remaining() const { return b_.size() - pos_; }

   private:
    std::span<const uint8_t> b_;
    std::size_t pos_ = 0;
  };
};

using SumcheckProof = SumcheckProofOf<Ext>;

}  // namespace kprove
