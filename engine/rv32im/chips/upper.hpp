// LUI and AUIPC: rd = imm, or rd = pc + imm mod 2^32.
//   value = imm + is_auipc (pc - 2^32 wrap),   value = value_lo + 2^16 value_hi
// with the value limbs u16 and wrap boolean: pc + imm < 2^33, so exactly one wrap puts the
// sum in [0, 2^32), where u16 limbs can represent it, and that is the RV32 result.
#pragma once

#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct UpperSpec {
  static constexpr const char* kName = "upper";
  static constexpr vm::ChipKind kKind = vm::ChipKind::upper;
  using Record = vm::UTypeRecord;
  static constexpr std::size_t kColumns = 14;

  struct Cols {
    Selectors op;
    StepCols step;
    uint32_t rd, wrap;
    Word imm, value;
    RegWriteCols rd_write;
  };

  static Cols build(ChipBuilder& b) {
    Cols c;
    c.op = selectors(b, vm::Op::lui, vm::Op::auipc);
    c.step = step_columns(b);
    c.rd = b.witness("rd");
    c.imm = b.witness_word("imm");
    c.value = b.witness_word("value");
    c.wrap = b.witness("wrap");
    const Expr real = c.op.is_real();
    const Expr pc = col(c.step.pc);
    b.constrain(chip::boolean(col(c.wrap)));
    b.constrain(c.op.is(vm::Op::lui) * col(c.wrap));  // every witness cell is bound
    b.constrain(chip::value_of(c.value) - chip::value_of(c.imm) -
                c.op.is(vm::Op::auipc) * (pc - cst(uint64_t(1) << 32) * col(c.wrap)));
    b.range16(col(c.value.lo), real);
    b.range16(col(c.value.hi), real);
    receive_state(b, c.step, real);
    send_state(b, c.step, pc + cst(4), real);
    fetch(b, c.step, fields(c.op.op(), col(c.rd), cst(0), cst(0)), col(c.imm.lo), col(c.imm.hi),
          real);
    c.rd_write = reg_write(b, "rd", col(c.rd), col(c.value.lo), col(c.value.hi), c.step, real);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const vm::Insn insn = vm::decode(r.step.insn);
    const uint32_t imm = uint32_t(insn.imm);
    const bool auipc = insn.op == vm::Op::auipc;
    const uint64_t sum = uint64_t(r.step.pc) + imm;
    w.set(c.op.column(insn.op), 1);
    w.step(c.step, r.step);
    w.set(c.rd, insn.rd);
    w.word(c.imm, imm);
    w.word(c.value, r.rd.value);
    w.set(c.wrap, auipc ? sum >> 32 : 0);
    w.write(c.rd_write, r.rd, r.step.ts + 2);
  }
};

using UpperChip = InstructionChip<UpperSpec>;

}  // namespace kprove::rv32im
