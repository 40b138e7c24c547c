#include "engine/chip/logup.hpp"

namespace kprove::chip::detail {

void check_logup_input(const std::string& trace, std::size_t rows, std::size_t cols,
                       const std::vector<Interaction>& lookups) {
  if (rows == 0 || (rows & (rows - 1)) != 0)
    throw std::invalid_argument("logup_leaves: trace " + trace + " has " + std::to_string(rows) +
                                " rows, not a power of two");
  auto check = [&](const Affine& a) {
    for (const auto& term : a.terms())
      if (term.first >= cols)
        throw std::invalid_argument("logup_leaves: a lookup reads column " +
                                    std::to_string(term.first) + " of trace " + trace +
                                    ", which has " + std::to_string(cols) + " columns");
  };
  for (const Interaction& l : lookups) {
    check(l.multiplicity);
    for (const Affine& a : l.tuple) check(a);
  }
}

}  // namespace kprove::chip::detail
