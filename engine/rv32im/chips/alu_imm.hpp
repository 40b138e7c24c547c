// ADDI SLTI SLTIU XORI ORI ANDI SLLI SRLI SRAI: rd = rs1 OP imm, through the ALU core shared
// with alu_reg (gadgets/alu_core.hpp) with the immediate as second operand. The fetch binds
// imm's limbs to the program table's, which holds what vm::decode gives: a sign-extended
// 12-bit value (imm_hi 0 or 0xFFFF), or for the shifts the amount 0..31 (imm_hi 0); the core
// relies on both (no rest column, high limb of the bitwise ops without bytes).
// 35 columns (9 selectors, 14 of the step, 12 of the core); constraints of degree 3;
// 18 interactions (11 of the step, 5 range checks, 2 and_byte lookups).
#pragma once

#include "engine/rv32im/gadgets/alu_core.hpp"
#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct AluImmSpec {
  static constexpr const char* kName = "alu_imm";
  static constexpr vm::ChipKind kKind = vm::ChipKind::alu_imm;
  using Record = vm::ITypeRecord;
  static constexpr std::size_t kColumns = 35;

  struct Cols {
    Selectors op;
    StepCols step;
    uint32_t rd, rs1;
    Word imm;
    RegReadCols rs1_read;
    AluCoreCols alu;
    RegWriteCols rd_write;
  };

  static Cols build(ChipBuilder& b) {
    using vm::Op;
    Cols c;
    c.op = selectors(b, Op::addi, Op::srai);
    c.step = step_columns(b);
    c.rd = b.witness("rd");
    c.rs1 = b.witness("rs1");
    c.imm = b.witness_word("imm");
    const Word result = b.witness_word("c");
    const Expr real = c.op.is_real();
    c.rs1_read = reg_read(b, "rs1", col(c.rs1), c.step, 0, real);
    const AluSelectors sel(c.op, {Op::addi, Op::invalid, Op::slli, Op::slti, Op::sltiu, Op::xori,
                                  Op::srli, Op::srai, Op::ori, Op::andi});
    c.alu = alu_core(b, sel, result, c.rs1_read.value, c.imm, true);
    receive_state(b, c.step, real);
    send_state(b, c.step, col(c.step.pc) + cst(4), real);
    fetch(b, c.step, fields(c.op.op(), col(c.rd), col(c.rs1), cst(0)), col(c.imm.lo),
          col(c.imm.hi), real);
    c.rd_write = reg_write(b, "rd", col(c.rd), col(result.lo), col(result.hi), c.step, real);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const vm::Insn insn = vm::decode(r.step.insn);
    const uint32_t imm = uint32_t(insn.imm);
    w.set(c.op.column(insn.op), 1);
    w.step(c.step, r.step);
    w.set(c.rd, insn.rd);
    w.set(c.rs1, insn.rs1);
    w.word(c.imm, imm);
    w.read(c.rs1_read, r.rs1, r.step.ts);
    fill_alu_core(c.alu, alu_op(insn.op), r.rs1.value, imm, w);
    w.write(c.rd_write, r.rd, r.step.ts + 2);
  }
};

using AluImmChip = InstructionChip<AluImmSpec>;

}  // namespace kprove::rv32im
