#include "engine/pcs/params.hpp"

#include <stdexcept>

namespace kprove {

namespace {
void check_range(const char* name, int value, int lo, int hi) {
  if (value < lo || value > hi)
    throw std::invalid_argument("PcsParams: " + std::string(name) + " = " + std::to_string(value) +
                                " outside [" + std::to_string(lo) + ", " + std::to_string(hi) +
                                "]");
}
}  // namespace

void PcsParams::validate() const {
  // rate_bits >= 1 keeps every codeword at least 2 long, so fold pairs always exist.
  check_range("rate_bits", rate_bits, 1, 8);
  check_range("queries", queries, 1, 1024);
  check_range("pow_bits", pow_bits, 0, 32);  // host grinding: ~2^pow_bits hashes
  check_range("final_log_size", final_log_size, 0, 20);
}

std::string PcsParams::describe() const {
  return "Basefold rate 2^-" + std::to_string(rate_bits) + ", " + std::to_string(queries) +
         " queries, " + std::to_string(pow_bits) + " PoW bits, final message 2^" +
         std::to_string(final_log_size);
}

}  // namespace kprove
