// A tiny RV32IM assembler and ELF writer for tests, written from the ISA manual's encoding
// tables independently of engine/vm/decode.hpp (the decoder is tested against it).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "engine/vm/decode.hpp"
#include "engine/vm/program.hpp"

namespace kprove::test::rv32 {

using vm::Op;

struct Encoding {
  std::uint32_t opcode, f3, f7;
  char format;  // R I S B U J E (ecall), H (shift immediate)
};

inline Encoding encoding(Op op) {
  switch (op) {
    case Op::add: return {0x33, 0, 0x00, 'R'};
    case Op::sub: return {0x33, 0, 0x20, 'R'};
    case Op::sll: return {0x33, 1, 0x00, 'R'};
    case Op::slt: return {0x33, 2, 0x00, 'R'};
    case Op::sltu: return {0x33, 3, 0x00, 'R'};
    case Op::xor_: return {0x33, 4, 0x00, 'R'};
    case Op::srl: return {0x33, 5, 0x00, 'R'};
    case Op::sra: return {0x33, 5, 0x20, 'R'};
    case Op::or_: return {0x33, 6, 0x00, 'R'};
    case Op::and_: return {0x33, 7, 0x00, 'R'};
    case Op::mul: return {0x33, 0, 0x01, 'R'};
    case Op::mulh: return {0x33, 1, 0x01, 'R'};
    case Op::mulhsu: return {0x33, 2, 0x01, 'R'};
    case Op::mulhu: return {0x33, 3, 0x01, 'R'};
    case Op::div: return {0x33, 4, 0x01, 'R'};
    case Op::divu: return {0x33, 5, 0x01, 'R'};
    case Op::rem: return {0x33, 6, 0x01, 'R'};
    case Op::remu: return {0x33, 7, 0x01, 'R'};
    case Op::addi: return {0x13, 0, 0, 'I'};
    case Op::slti: return {0x13, 2, 0, 'I'};
    case Op::sltiu: return {0x13, 3, 0, 'I'};
    case Op::xori: return {0x13, 4, 0, 'I'};
    case Op::ori: return {0x13, 6, 0, 'I'};
    case Op::andi: return {0x13, 7, 0, 'I'};
    case Op::slli: return {0x13, 1, 0x00, 'H'};
    case Op::srli: return {0x13, 5, 0x00, 'H'};
    case Op::srai: return {0x13, 5, 0x20, 'H'};
    case Op::beq: return {0x63, 0, 0, 'B'};
    case Op::bne: return {0x63, 1, 0, 'B'};
    case Op::blt: return {0x63, 4, 0, 'B'};
    case Op::bge: return {0x63, 5, 0, 'B'};
    case Op::bltu: return {0x63, 6, 0, 'B'};
    case Op::bgeu: return {0x63, 7, 0, 'B'};
    case Op::jal: return {0x6f, 0, 0, 'J'};
    case Op::jalr: return {0x67, 0, 0, 'I'};
    case Op::lui: return {0x37, 0, 0, 'U'};
    case Op::auipc: return {0x17, 0, 0, 'U'};
    case Op::lb: return {0x03, 0, 0, 'I'};
    case Op::lh: return {0x03, 1, 0, 'I'};
    case Op::lw: return {0x03, 2, 0, 'I'};
    case Op::lbu: return {0x03, 4, 0, 'I'};
    case Op::lhu: return {0x03, 5, 0, 'I'};
    case Op::sb: return {0x23, 0, 0, 'S'};
    case Op::sh: return {0x23, 1, 0, 'S'};
    case Op::sw: return {0x23, 2, 0, 'S'};
    case Op::ecall: return {0x73, 0, 0, 'E'};
    default: throw std::invalid_argument("no encoding");
  }
}

// Assembles one instruction; rd/rs1/rs2 are architectural (0..31), imm as the manual gives it
// (byte offset for branches and jumps, the upper 20 bits in place for LUI/AUIPC).
inline std::uint32_t encode(Op op, std::uint32_t rd, std::uint32_t rs1, std::uint32_t rs2,
                            std::int32_t imm) {
  const Encoding e = encoding(op);
  const std::uint32_t u = static_cast<std::uint32_t>(imm);
  const std::uint32_t base = e.opcode | (e.f3 << 12);
  switch (e.format) {
    case 'R': return base | (rd << 7) | (rs1 << 15) | (rs2 << 20) | (e.f7 << 25);
    case 'H': return base | (rd << 7) | (rs1 << 15) | ((u & 31) << 20) | (e.f7 << 25);
    case 'I': return base | (rd << 7) | (rs1 << 15) | ((u & 0xfff) << 20);
    case 'S': return base | ((u & 31) << 7) | (rs1 << 15) | (rs2 << 20) | (((u >> 5) & 127) << 25);
    case 'B':
      return base | (((u >> 11) & 1) << 7) | (((u >> 1) & 15) << 8) | (rs1 << 15) | (rs2 << 20) |
             (((u >> 5) & 63) << 25) | (((u >> 12) & 1) << 31);
    case 'U': return e.opcode | (rd << 7) | (u & 0xfffff000u);
    case 'J':
      return e.opcode | (rd << 7) | (((u >> 12) & 255) << 12) | (((u >> 11) & 1) << 20) |
             (((u >> 1) & 1023) << 21) | (((u >> 20) & 1) << 31);
    default: return 0x00000073u;
  }
}

// A program assembled in memory: code at kText, a writable data segment at kData.
inline constexpr std::uint32_t kText = 0x10000, kData = 0x20000;

struct Asm {
  std::vector<std::uint32_t> code;
  std::vector<std::uint8_t> data;
  std::uint32_t data_size = 4096;  // bytes mapped at kData (past data: zero)

  std::uint32_t here() const { return kText + 4 * static_cast<std::uint32_t>(code.size()); }
  Asm& op(Op o, std::uint32_t rd, std::uint32_t rs1, std::uint32_t rs2, std::int32_t imm = 0) {
    code.push_back(encode(o, rd, rs1, rs2, imm));
    return *this;
  }
  // rd = value, by LUI + ADDI.
  Asm& li(std::uint32_t rd, std::uint32_t value) {
    const std::uint32_t lo = value & 0xfff, hi = value + ((lo & 0x800) << 1);
    op(Op::lui, rd, 0, 0, static_cast<std::int32_t>(hi & 0xfffff000u));
    return op(Op::addi, rd, rd, 0, static_cast<std::int32_t>(lo << 20) >> 20);
  }
  Asm& word(std::uint32_t w) {
    code.push_back(w);
    return *this;
  }
  // exit(code) through ecall 93.
  Asm& exit(std::uint32_t code_value) {
    li(10, code_value);
    li(17, 93);
    return op(Op::ecall, 0, 0, 0);
  }

  vm::Program program() const {
    vm::Program p;
    p.name = "test-asm";
    p.entry = kText;
    vm::Segment text;
    text.vaddr = kText;
    text.memsz = 4 * static_cast<std::uint32_t>(code.size());
    for (std::uint32_t w : code)
      for (int b = 0; b < 4; ++b) text.data.push_back(static_cast<std::uint8_t>(w >> (8 * b)));
    text.read = text.exec = true;
    vm::Segment d;
    d.vaddr = kData;
    d.memsz = data_size;
    d.data = data;
    d.read = d.write = true;
    p.segments = {text, d};
    return p;
  }
};

// ELF32 bytes for a program (ET_EXEC, RISC-V, one PT_LOAD per segment): the loader's input.
inline std::vector<std::uint8_t> write_elf(const vm::Program& p) {
  std::vector<std::uint8_t> out(52 + 32 * p.segments.size(), 0);
  auto put = [&](std::size_t at, std::uint32_t v, int n) {
    for (int i = 0; i < n; ++i) out[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
  };
  const std::uint8_t ident[] = {0x7f, 'E', 'L', 'F', 1, 1, 1, 0};
  for (int i = 0; i < 8; ++i) out[i] = ident[i];
  put(16, 2, 2);    // ET_EXEC
  put(18, 243, 2);  // EM_RISCV
  put(20, 1, 4);
  put(24, p.entry, 4);
  put(28, 52, 4);  // e_phoff
  put(40, 52, 2);  // e_ehsize
  put(42, 32, 2);
  put(44, static_cast<std::uint32_t>(p.segments.size()), 2);
  for (std::size_t i = 0; i < p.segments.size(); ++i) {
    const vm::Segment& s = p.segments[i];
    const std::size_t ph = 52 + 32 * i;
    put(ph, 1, 4);  // PT_LOAD
    put(ph + 4, static_cast<std::uint32_t>(out.size()), 4);
    put(ph + 8, s.vaddr, 4);
    put(ph + 12, s.vaddr, 4);
    put(ph + 16, static_cast<std::uint32_t>(s.data.size()), 4);
    put(ph + 20, s.memsz, 4);
    put(ph + 24, (s.exec ? 1 : 0) | (s.write ? 2 : 0) | 4, 4);
    put(ph + 28, 4096, 4);
    out.insert(out.end(), s.data.begin(), s.data.end());
  }
  return out;
}

}  // namespace kprove::test::rv32
