// The one way a check of a proof fails: every verifier (sumcheck, tower, Basefold, shard,
// program) throws VerifyError, its message naming the failed check (and the chip, shard or
// layer where it belongs to one). Malformed bytes are ProofFormatError (bytes.hpp); a bad
// statement (not the proof's fault) is std::invalid_argument.
#pragma once

#include <stdexcept>

namespace kprove {

class VerifyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace kprove
