// Thrown by the verifiers when a proof is rejected; the message names the failed check (and
// the chip, where the check belongs to one).
#pragma once

#include <stdexcept>

namespace kprove {

class VerifyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace kprove
