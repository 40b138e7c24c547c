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

  // Conjectured bits of security: queries * rate_bits + pow_bits. Each query of a code of rate
  // 2^-rate_bits is conjectured (the ethSTARK / FRI "toy problem" conjecture: proximity gaps
  // up to the list-decoding radius) to let a far codeword through with probability at most
  // 2^-rate_bits, and grinding multiplies the cost of every retry by 2^pow_bits. The
  // extension field (|F_p^2| ~ 2^128) caps it in any case.
  double conjectured_security_bits() const;

  // Throws std::invalid_argument naming the field that is out of range.
  void validate() const;
  std::string describe() const;
};

}  // namespace kprove
