// JAL: rd = pc + 4 (gadgets/link.hpp), next_pc = pc + imm - 2^32 jump_wrap mod 2^32
// (jump_wrap boolean). The target needs no limbs: of the two wraps only the
// one that gives the RV32 target lies in [0, 2^32), and the next step's fetch accepts only
// a pc of the program (a state with another pc is never received, so the buses would not
// balance).
#pragma once

#include "engine/rv32im/gadgets/link.hpp"
#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct JalSpec {
  static constexpr const char* kName = "jal";
  static constexpr vm::ChipKind kKind = vm::ChipKind::jal;
  using Record = vm::UTypeRecord;
  static constexpr std::size_t kColumns = 13;

  struct Cols {
    uint32_t is_real;
    StepCols step;
    uint32_t rd, jump_wrap;
    Word imm;
    Link link;
    RegWriteCols rd_write;
  };

  static Cols build(ChipBuilder& b) {
    Cols c;
    c.is_real = b.witness("is_jal");
    c.step = step_columns(b);
    c.rd = b.witness("rd");
    c.imm = b.witness_word("imm");
    const Expr real = col(c.is_real), pc = col(c.step.pc), two32 = cst(uint64_t(1) << 32);
    c.link = link(b, c.step, real);
    c.jump_wrap = b.witness("jump_wrap");
    for (uint32_t x : {c.is_real, c.jump_wrap}) b.constrain(chip::boolean(col(x)));
    receive_state(b, c.step, real);
    send_state(b, c.step, pc + chip::value_of(c.imm) - two32 * col(c.jump_wrap), real);
    fetch(b, c.step, fields(cst(uint32_t(vm::Op::jal)) * real, col(c.rd), cst(0), cst(0)),
          col(c.imm.lo), col(c.imm.hi), real);
    c.rd_write = reg_write(b, "rd", col(c.rd), col(c.link.lo), c.link.hi, c.step, real);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const vm::Insn insn = vm::decode(r.step.insn);
    const uint32_t imm = uint32_t(insn.imm);
    w.set(c.is_real, 1);
    w.step(c.step, r.step);
    w.set(c.rd, insn.rd);
    w.word(c.imm, imm);
    fill_link(w, c.link, r.step.pc);
    w.set(c.jump_wrap, (uint64_t(r.step.pc) + imm) >> 32);
    w.write(c.rd_write, r.rd, r.step.ts + 2);
  }
};

using JalChip = InstructionChip<JalSpec>;

}  // namespace kprove::rv32im
