#include "engine/workload/opcode.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

namespace kprove::workload {

namespace {
const std::array<const char*, kNumOpcodes> kNames = {"ADD", "SUB", "AND", "OR", "XOR",
                                                     "SLT", "MUL", "LW",  "SW"};
}

std::string to_string(Opcode op) {
  const auto i = static_cast<std::size_t>(op);
  if (i >= kNumOpcodes) throw std::invalid_argument("opcode " + std::to_string(i) + " is unknown");
  return kNames[i];
}

Opcode opcode_from_name(const std::string& name) {
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char ch) { return char(std::toupper(ch)); });
  for (std::size_t i = 0; i < kNumOpcodes; ++i)
    if (upper == kNames[i]) return static_cast<Opcode>(i);
  std::string known;
  for (const char* n : kNames) known += std::string(known.empty() ? "" : ", ") + n;
  throw std::invalid_argument("unknown opcode '" + name + "' (known: " + known + ")");
}

}  // namespace kprove::workload
