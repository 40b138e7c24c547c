// The reference zkVM instruction set: RISC-V-style operations over 32-bit values, and the
// chip class each one is proven in. Semantics are KOKKOS_INLINE_FUNCTION so the device
// trace generator and host code share one definition of what an instruction computes.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>
#include <string>

namespace kprove::workload {

enum class Opcode : uint32_t { ADD, SUB, AND, OR, XOR, SLT, MUL, LW, SW };
inline constexpr std::size_t kNumOpcodes = 9;

// Which chip proves an opcode; records of a shard are grouped by class in this order.
enum class OpClass : uint32_t { alu, mul, mem };
inline constexpr std::size_t kNumOpClasses = 3;

KOKKOS_INLINE_FUNCTION constexpr OpClass op_class(Opcode op) {
  return op == Opcode::MUL                        ? OpClass::mul
         : (op == Opcode::LW || op == Opcode::SW) ? OpClass::mem
                                                  : OpClass::alu;
}

// Result of a register-register operation (ADD..MUL); SLT compares as signed 32-bit,
// MUL keeps the low 32 bits of the product.
KOKKOS_INLINE_FUNCTION constexpr uint32_t execute(Opcode op, uint32_t a, uint32_t b) {
  switch (op) {
    case Opcode::ADD: return a + b;
    case Opcode::SUB: return a - b;
    case Opcode::AND: return a & b;
    case Opcode::OR: return a | b;
    case Opcode::XOR: return a ^ b;
    case Opcode::SLT: return int32_t(a) < int32_t(b) ? 1u : 0u;
    case Opcode::MUL: return uint32_t(uint64_t(a) * b);
    default: return 0;
  }
}

// Upper-case mnemonic ("ADD", ...); from_name accepts either case and throws
// std::invalid_argument naming the text and the known mnemonics.
std::string to_string(Opcode op);
Opcode opcode_from_name(const std::string& name);

}  // namespace kprove::workload
