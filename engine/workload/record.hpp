// One executed instruction: the fixed-size POD record the trace generator emits and every
// chip's witgen consumes. Fields an opcode does not use are zero.
#pragma once

#include <cstdint>
#include <type_traits>

namespace kprove::workload {

struct StepRecord {
  uint32_t clk;        // global step index + 1; 0 stands for "before the program"
  uint32_t op;         // Opcode
  uint32_t a;          // rs1 value; LW/SW: base address
  uint32_t b;          // rs2 value; SW: the value stored
  uint32_t c;          // rd value written (ALU/MUL result, LW: value loaded)
  uint32_t imm;        // LW/SW: address offset, < 2^12
  uint32_t addr;       // LW/SW: a + imm (mod 2^32), word aligned
  uint32_t mem_value;  // LW/SW: the value read or written
  uint32_t prev_clk;   // LW/SW: clk of the last write to addr (0: initial memory)
};

static_assert(std::is_trivially_copyable_v<StepRecord> && sizeof(StepRecord) == 36);

}  // namespace kprove::workload
