// A hand-assembled guest that gives every chip of the RV32IM machine real rows: LUI, AUIPC,
// JALR, JAL, a short read of the input, loads of every width from it, the MUL and DIV
// families, stores of every width into the image, the heap and the stack, a write and an exit
// whose code is computed (a0 = write's count 6 times `factor`), and ALU and branch rows on
// registers nothing else reads. Constants are loaded from the data page. Base registers:
// t0 = kData and t2 = kData + 4096 (the page's end; offsets are 12-bit signed).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "support/rv32_asm.hpp"
#include "support/rv32_cheat.hpp"

namespace kprove::test::rv32 {

struct EveryChip {
  vm::Program program;
  std::vector<uint8_t> input;
  // pcs of the steps the soundness tests tamper with
  uint32_t jalr, jal, dead_lui, lb, dead_lw, sw, sb, write, mul_a0, exit;  // lbu = lb + 4
  uint32_t in_buf;   // the input buffer's first word (lb, lbu, lh, lhu and the dead lw read it)
  uint32_t sw_addr;  // the word sw stores to (an image word)
};

inline EveryChip every_chip_program(uint32_t factor = 7) {
  constexpr uint32_t ra = 1, t0 = 5, t1 = 6, t2 = 7, s0 = 8, s1 = 9, a0 = 10, a1 = 11, a2 = 12,
                     a7 = 17, s2 = 18, s3 = 19, s4 = 20, s5 = 21, s6 = 22, s7 = 23, s8 = 24,
                     s9 = 25, s10 = 26, s11 = 27, t3 = 28, t4 = 29, t5 = 30, t6 = 31;
  // Data page: constants from 0, the output text at kText, sw's word at kSw (the image ends
  // after it); the zero region holds sh's word (heap end) and the input buffer (stack end).
  constexpr int32_t kTextOff = 0x100, kSw = 0x120, kImageEnd = 0x128, kSh = kImageEnd,
                    kEnd = 0x1000, kInBuf = kEnd - 0x10, kSb = kEnd - 3;
  const std::string text = "hello!";
  Asm a;
  EveryChip p;
  std::vector<uint32_t> words;
  const auto load = [&](uint32_t rd, uint32_t value) {
    a.op(Op::lw, rd, t0, 0, int32_t(4 * words.size()));
    words.push_back(value);
  };
  const auto ecall = [&](uint32_t call, uint32_t fd, uint32_t buf, uint32_t n) {
    load(a7, call), load(a0, fd), load(a1, kData + buf), load(a2, n);
    a.op(Op::ecall, 0, 0, 0);
  };
  a.op(Op::lui, t0, 0, 0, int32_t(kData)).op(Op::lui, t2, 0, 0, int32_t(kData + kEnd));
  const uint32_t auipc = a.here();
  a.op(Op::auipc, t1, 0, 0, 0);
  p.jalr = a.here();
  a.op(Op::jalr, ra, t1, 0, int32_t(p.jalr + 8 - auipc)).word(0);  // skips the word 0
  p.jal = a.here();
  a.op(Op::jal, ra, 0, 0, 8).word(0);
  p.dead_lui = a.here();
  a.op(Op::lui, t4, 0, 0, 0x12345000);
  ecall(63, 0, kInBuf, 9);  // reads the whole (shorter) input
  p.lb = a.here();
  a.op(Op::lb, s0, t2, 0, kInBuf - kEnd + 1).op(Op::lbu, s1, t2, 0, kInBuf - kEnd + 1);
  a.op(Op::lh, t5, t2, 0, kInBuf - kEnd + 2).op(Op::lhu, t6, t2, 0, kInBuf - kEnd + 2);
  p.dead_lw = a.here();
  a.op(Op::lw, t3, t2, 0, kInBuf - kEnd);
  load(s2, factor), load(s3, uint32_t(-3));
  a.op(Op::mul, s4, s2, s3).op(Op::mulh, s5, s2, s3).op(Op::mulhsu, s6, s3, s2);
  a.op(Op::mulhu, s7, s2, s3).op(Op::div, s8, s3, s2).op(Op::divu, s9, s3, s2);
  a.op(Op::rem, s10, s3, s2).op(Op::remu, s11, s3, s2);
  // ALU and branch rows on gp/tp, which nothing else reads: a taken BEQ skips a word 0.
  constexpr uint32_t gp = 3, tp = 4;
  a.op(Op::add, gp, s2, s3).op(Op::xori, tp, gp, 0, 5).op(Op::sll, gp, tp, s2);
  a.op(Op::beq, 0, gp, gp, 8).word(0).op(Op::bltu, 0, gp, tp, 4);
  p.sw = a.here();
  a.op(Op::sw, 0, t0, s4, kSw).op(Op::sh, 0, t0, s5, kSh + 2).op(Op::sb, 0, t2, s6, kSb - kEnd);
  p.sb = p.sw + 8, p.in_buf = kData + kInBuf, p.sw_addr = kData + kSw;
  p.write = a.here() + 16;
  ecall(64, 1, kTextOff, uint32_t(text.size()));
  p.mul_a0 = a.here();
  a.op(Op::mul, a0, a0, s2);
  load(a7, 93);
  p.exit = a.here();
  a.op(Op::ecall, 0, 0, 0);
  for (uint32_t w : words)
    for (int b = 0; b < 4; ++b) a.data.push_back(uint8_t(w >> (8 * b)));
  a.data.resize(kTextOff, 0);
  for (char c : text) a.data.push_back(uint8_t(c));
  a.data.resize(kImageEnd, 0);
  p.program = a.program();
  p.input = {0x11, 0x82, 0x33, 0x84, 0x55};
  return p;
}

// The guest (factor 7), its proving key and the honest witness of its run, built once per test
// binary; the key is never freed, as its views must not outlive Kokkos.
inline const EveryChip& every_chip() {
  static const EveryChip g = every_chip_program();
  return g;
}
inline const ProvingKey& every_chip_key() {
  static const ProvingKey* k = new ProvingKey(every_chip().program);
  return *k;
}
inline const Cheat& every_chip_honest() {
  static const Cheat c(every_chip_key(), every_chip().input);
  return c;
}

}  // namespace kprove::test::rv32
