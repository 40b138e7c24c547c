#include "engine/vm/decode.hpp"

namespace kprove::vm {

const char* mnemonic(Op op) {
  static const char* const names[kNumOps + 1] = {
#define KPROVE_OP_NAME(name, text) text,
      KPROVE_RV32IM_OPS(KPROVE_OP_NAME)
#undef KPROVE_OP_NAME
      "invalid"};
  return names[static_cast<int>(op)];
}

}  // namespace kprove::vm
