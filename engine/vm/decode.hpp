// RV32IM decoding, shared by the host emulator and device witgen: a 32-bit instruction word
// becomes an opcode, register indices and a sign-extended immediate. Words outside RV32IM
// (compressed, CSR, FENCE, EBREAK, reserved encodings) decode to Op::invalid.
#pragma once

#include <Kokkos_Macros.hpp>
#include <cstdint>

namespace kprove::vm {

// Every RV32IM instruction as X(enumerator, mnemonic), grouped by the chip that proves it
// (see ChipKind): the one list the opcode enum, the names and the emulator's dispatch use.
#define KPROVE_RV32IM_OPS(X)                                                                  \
  X(add, "add") X(sub, "sub") X(sll, "sll") X(slt, "slt") X(sltu, "sltu") X(xor_, "xor")      \
  X(srl, "srl") X(sra, "sra") X(or_, "or") X(and_, "and")                                     \
  X(addi, "addi") X(slti, "slti") X(sltiu, "sltiu") X(xori, "xori") X(ori, "ori")             \
  X(andi, "andi") X(slli, "slli") X(srli, "srli") X(srai, "srai")                             \
  X(mul, "mul") X(mulh, "mulh") X(mulhsu, "mulhsu") X(mulhu, "mulhu")                         \
  X(div, "div") X(divu, "divu") X(rem, "rem") X(remu, "remu")                                 \
  X(beq, "beq") X(bne, "bne") X(blt, "blt") X(bge, "bge") X(bltu, "bltu") X(bgeu, "bgeu")     \
  X(jal, "jal") X(jalr, "jalr")                                                               \
  X(lui, "lui") X(auipc, "auipc")                                                             \
  X(lb, "lb") X(lh, "lh") X(lw, "lw") X(lbu, "lbu") X(lhu, "lhu")                             \
  X(sb, "sb") X(sh, "sh") X(sw, "sw")                                                         \
  X(ecall, "ecall")

enum class Op : std::uint8_t {
#define KPROVE_OP_ENUM(name, text) name,
  KPROVE_RV32IM_OPS(KPROVE_OP_ENUM)
#undef KPROVE_OP_ENUM
  invalid,
};
inline constexpr int kNumOps = static_cast<int>(Op::invalid);

// The chip families records are grouped by; one record shape per family.
enum class ChipKind : std::uint8_t {
  alu_reg, alu_imm, mul, div, branch, jal, jalr, upper, load, store, ecall, invalid
};
inline constexpr int kNumChipKinds = static_cast<int>(ChipKind::invalid);

// x0 is read as zero; writes to it go to this sink register (the program table stores it as
// rd), so no instruction needs a "rd is x0" case.
inline constexpr std::uint8_t kRegSink = 32;
inline constexpr int kNumRegs = 33;

struct Insn {
  Op op = Op::invalid;
  std::uint8_t rd = 0;   // kRegSink for rd = x0; 0 where the format has no rd
  std::uint8_t rs1 = 0;  // 0 where the format has no rs1 (x0 reads zero)
  std::uint8_t rs2 = 0;
  std::int32_t imm = 0;  // sign-extended; shift amount for SLLI/SRLI/SRAI
};

KOKKOS_INLINE_FUNCTION constexpr ChipKind chip_of(Op op) {
  const int o = static_cast<int>(op);
  if (o <= static_cast<int>(Op::and_)) return ChipKind::alu_reg;
  if (o <= static_cast<int>(Op::srai)) return ChipKind::alu_imm;
  if (o <= static_cast<int>(Op::mulhu)) return ChipKind::mul;
  if (o <= static_cast<int>(Op::remu)) return ChipKind::div;
  if (o <= static_cast<int>(Op::bgeu)) return ChipKind::branch;
  if (op == Op::jal) return ChipKind::jal;
  if (op == Op::jalr) return ChipKind::jalr;
  if (o <= static_cast<int>(Op::auipc)) return ChipKind::upper;
  if (o <= static_cast<int>(Op::lhu)) return ChipKind::load;
  if (o <= static_cast<int>(Op::sw)) return ChipKind::store;
  if (op == Op::ecall) return ChipKind::ecall;
  return ChipKind::invalid;
}

namespace detail {

KOKKOS_INLINE_FUNCTION constexpr std::int32_t sext(std::uint32_t v, int bits) {
  const std::uint32_t m = std::uint32_t(1) << (bits - 1);
  return static_cast<std::int32_t>((v ^ m) - m);
}
KOKKOS_INLINE_FUNCTION constexpr std::uint8_t rd_of(std::uint32_t w) {
  const std::uint8_t rd = (w >> 7) & 31;
  return rd == 0 ? kRegSink : rd;
}
KOKKOS_INLINE_FUNCTION constexpr Insn make(Op op, std::uint8_t rd, std::uint8_t rs1,
                                           std::uint8_t rs2, std::int32_t imm) {
  Insn i;
  i.op = op;
  i.rd = rd;
  i.rs1 = rs1;
  i.rs2 = rs2;
  i.imm = imm;
  return i;
}

}  // namespace detail

KOKKOS_INLINE_FUNCTION constexpr Insn decode(std::uint32_t w) {
  using detail::make;
  using detail::sext;
  const std::uint32_t opcode = w & 0x7f, f3 = (w >> 12) & 7, f7 = w >> 25;
  const std::uint8_t rd = detail::rd_of(w), rs1 = (w >> 15) & 31, rs2 = (w >> 20) & 31;
  const std::int32_t imm_i = sext(w >> 20, 12);
  const std::int32_t imm_s = sext(((w >> 25) << 5) | ((w >> 7) & 31), 12);
  const std::int32_t imm_b = sext(((w >> 31) << 12) | (((w >> 7) & 1) << 11) |
                                      (((w >> 25) & 63) << 5) | (((w >> 8) & 15) << 1),
                                  13);
  const std::int32_t imm_u = static_cast<std::int32_t>(w & 0xfffff000u);
  const std::int32_t imm_j = sext(((w >> 31) << 20) | (((w >> 12) & 255) << 12) |
                                      (((w >> 20) & 1) << 11) | (((w >> 21) & 1023) << 1),
                                  21);
  switch (opcode) {
    case 0x37: return make(Op::lui, rd, 0, 0, imm_u);
    case 0x17: return make(Op::auipc, rd, 0, 0, imm_u);
    case 0x6f: return make(Op::jal, rd, 0, 0, imm_j);
    case 0x67:
      if (f3 == 0) return make(Op::jalr, rd, rs1, 0, imm_i);
      break;
    case 0x63: {
      constexpr Op ops[8] = {Op::beq, Op::bne, Op::invalid, Op::invalid,
                             Op::blt, Op::bge, Op::bltu,    Op::bgeu};
      if (ops[f3] != Op::invalid) return make(ops[f3], 0, rs1, rs2, imm_b);
      break;
    }
    case 0x03: {
      constexpr Op ops[8] = {Op::lb,  Op::lh,  Op::lw,      Op::invalid,
                             Op::lbu, Op::lhu, Op::invalid, Op::invalid};
      if (ops[f3] != Op::invalid) return make(ops[f3], rd, rs1, 0, imm_i);
      break;
    }
    case 0x23: {
      constexpr Op ops[3] = {Op::sb, Op::sh, Op::sw};
      if (f3 < 3) return make(ops[f3], 0, rs1, rs2, imm_s);
      break;
    }
    case 0x13: {
      constexpr Op ops[8] = {Op::addi, Op::slli, Op::slti, Op::sltiu,
                             Op::xori, Op::srli, Op::ori,  Op::andi};
      if (f3 == 1) {
        if (f7 == 0) return make(Op::slli, rd, rs1, 0, rs2);
        break;
      }
      if (f3 == 5) {
        if (f7 == 0) return make(Op::srli, rd, rs1, 0, rs2);
        if (f7 == 0x20) return make(Op::srai, rd, rs1, 0, rs2);
        break;
      }
      return make(ops[f3], rd, rs1, 0, imm_i);
    }
    case 0x33: {
      constexpr Op base[8] = {Op::add, Op::sll, Op::slt, Op::sltu,
                              Op::xor_, Op::srl, Op::or_, Op::and_};
      constexpr Op muldiv[8] = {Op::mul, Op::mulh, Op::mulhsu, Op::mulhu,
                                Op::div, Op::divu, Op::rem,    Op::remu};
      if (f7 == 0) return make(base[f3], rd, rs1, rs2, 0);
      if (f7 == 1) return make(muldiv[f3], rd, rs1, rs2, 0);
      if (f7 == 0x20 && f3 == 0) return make(Op::sub, rd, rs1, rs2, 0);
      if (f7 == 0x20 && f3 == 5) return make(Op::sra, rd, rs1, rs2, 0);
      break;
    }
    case 0x73:
      if (w == 0x00000073u) return make(Op::ecall, 0, 0, 0, 0);
      break;
    default:
      break;
  }
  return Insn{};
}

// Assembler-style mnemonic, for messages and tests.
const char* mnemonic(Op op);

}  // namespace kprove::vm
