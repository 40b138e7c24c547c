#include "engine/vm/records.hpp"

namespace kprove::vm {

const char* to_string(ChipKind k) {
  static const char* const names[kNumChipKinds + 1] = {
      "alu_reg", "alu_imm", "mul", "div", "branch", "jal", "jalr",
      "upper",   "load",    "store", "ecall", "invalid"};
  return names[static_cast<int>(k)];
}

std::uint64_t ShardRecords::record_bytes() const {
  std::uint64_t bytes = 0;
  for_each_chip([&](ChipKind, const auto& v) { bytes += v.size() * sizeof(v[0]); });
  const auto add = [&](const auto& v) { bytes += v.size() * sizeof(v[0]); };
  add(io_words);
  add(memory);
  add(registers);
  return bytes;
}

void ShardRecords::clear() {
  for_each_chip([](ChipKind, auto& v) { v.clear(); });
  io_words.clear();
  memory.clear();
  registers.clear();
}

}  // namespace kprove::vm
