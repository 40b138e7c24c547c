// The messages of a (batched) sumcheck, and their canonical byte encoding.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove {

struct SumcheckProof {
  // rounds[k] = g_{k+1}(0), ..., g_{k+1}(D): the batched round polynomial of round k+1.
  std::vector<std::vector<Ext>> rounds;
  // final_evals[i] = claim i's MLE values at its point (SumcheckInstance::final_evals()).
  std::vector<std::vector<Ext>> final_evals;

  // Little-endian: u32 count, then per entry u32 length and (c0, c1) as u64 pairs; rounds
  // first, then final_evals. from_bytes throws std::invalid_argument on malformed input.
  std::vector<uint8_t> to_bytes() const;
  static SumcheckProof from_bytes(std::span<const uint8_t> bytes);

  friend bool operator==(const SumcheckProof&, const SumcheckProof&) = default;
};

}  // namespace kprove
