// Basefold parameters shared by prover and verifier.
#pragma once

#include <string>

namespace kprove {

struct PcsParams {
  int rate_bits = 1;       // codeword length = message length << rate_bits
  int queries = 100;       // query repetitions of the fold checks
  int pow_bits = 16;       // proof-of-work grinding before the query indices are drawn
  int final_log_size = 8;  // folding stops at a message of 2^final_log_size entries (or at
                           // the smallest matrix's height), which is sent in the clear

  // Soundness in bits: engine/pcs/security.hpp.

  // Throws std::invalid_argument naming the field that is out of range.
  void validate() const;
  std::string describe() const;
  friend bool operator==(const PcsParams&, const PcsParams&) = default;
};

}  // namespace kprove
