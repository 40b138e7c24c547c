// JAL: rd = pc + 4, next_pc = pc + imm, both mod 2^32.
//   link_lo + 2^16 link_hi = pc + 4 - 2^32 link_wrap     (limbs u16, link_wrap boolean; the
//                                                          4 is 4 is_real: zero on padding)
//   next_pc                = pc + imm - 2^32 jump_wrap   (jump_wrap boolean)
// The link is unique as in upper.hpp. The target needs no limbs: of the two wraps only the
// one that gives the RV32 target lies in [0, 2^32), and the next step's fetch accepts only
// a pc of the program (a state with another pc is never received, so the buses would not
// balance).
#pragma once

#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct JalSpec {
  static constexpr const char* kName = "jal";
  static constexpr vm::ChipKind kKind = vm::ChipKind::jal;
  using Record = vm::UTypeRecord;
  static constexpr std::size_t kColumns = 14;

  struct Cols {
    uint32_t is_real;
    StepCols step;
    uint32_t rd, link_wrap, jump_wrap;
    Word imm, link;
    RegWriteCols rd_write;
  };

  static Cols build(ChipBuilder& b) {
    Cols c;
    c.is_real = b.witness("is_jal");
    c.step = step_columns(b);
    c.rd = b.witness("rd");
    c.imm = b.witness_word("imm");
    c.link = b.witness_word("link");
    c.link_wrap = b.witness("link_wrap");
    c.jump_wrap = b.witness("jump_wrap");
    const Expr real = col(c.is_real), pc = col(c.step.pc), two32 = cst(uint64_t(1) << 32);
    for (uint32_t x : {c.is_real, c.link_wrap, c.jump_wrap}) b.constrain(chip::boolean(col(x)));
    b.constrain(chip::value_of(c.link) - (pc + cst(4) * real - two32 * col(c.link_wrap)));
    b.range16(col(c.link.lo), real);
    b.range16(col(c.link.hi), real);
    receive_state(b, c.step, real);
    send_state(b, c.step, pc + chip::value_of(c.imm) - two32 * col(c.jump_wrap), real);
    fetch(b, c.step, fields(cst(uint32_t(vm::Op::jal)) * real, col(c.rd), cst(0), cst(0)),
          col(c.imm.lo), col(c.imm.hi), real);
    c.rd_write = reg_write(b, "rd", col(c.rd), col(c.link.lo), col(c.link.hi), c.step, real);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const vm::Insn insn = vm::decode(r.step.insn);
    const uint32_t imm = uint32_t(insn.imm);
    w.set(c.is_real, 1);
    w.step(c.step, r.step);
    w.set(c.rd, insn.rd);
    w.word(c.imm, imm);
    w.word(c.link, r.step.pc + 4);
    w.set(c.link_wrap, (uint64_t(r.step.pc) + 4) >> 32);
    w.set(c.jump_wrap, (uint64_t(r.step.pc) + imm) >> 32);
    w.write(c.rd_write, r.rd, r.step.ts + 2);
  }
};

using JalChip = InstructionChip<JalSpec>;

}  // namespace kprove::rv32im
