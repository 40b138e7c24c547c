// The step of an R-type instruction (register-register ALU ops, MUL*, DIV/REM), from the
// adapters of step.hpp: receive (pc, ts), fetch (op, rd, rs1, rs2) with immediate 0 (the
// fields vm::decode gives), read rs1 at ts and rs2 at ts + 1, write rd at ts + 2, send
// (pc + 4, ts + 4). The written value's limbs are the chip's to check.
#pragma once

#include "engine/rv32im/step.hpp"

namespace kprove::rv32im {

struct RTypeStep {
  StepCols step;
  uint32_t rd = 0, rs1 = 0, rs2 = 0;
  RegReadCols rs1_read, rs2_read;
  RegWriteCols rd_write;
};

// 17 columns; `op` is the chip's selectors, `rd_value` the word written to rd.
inline RTypeStep r_type_step(ChipBuilder& b, const Selectors& op, Word rd_value) {
  RTypeStep c;
  c.step = step_columns(b);
  c.rd = b.witness("rd");
  c.rs1 = b.witness("rs1");
  c.rs2 = b.witness("rs2");
  const Expr real = op.is_real();
  receive_state(b, c.step, real);
  send_state(b, c.step, col(c.step.pc) + cst(4), real);
  fetch(b, c.step, fields(op.op(), col(c.rd), col(c.rs1), col(c.rs2)), cst(0), cst(0), real);
  c.rs1_read = reg_read(b, "rs1", col(c.rs1), c.step, 0, real);
  c.rs2_read = reg_read(b, "rs2", col(c.rs2), c.step, 1, real);
  c.rd_write = reg_write(b, "rd", col(c.rd), col(rd_value.lo), col(rd_value.hi), c.step, real);
  return c;
}

// Fills the step and the opcode's selector; returns the opcode.
KOKKOS_INLINE_FUNCTION vm::Op fill_r_type_step(const RTypeStep& c, const Selectors& op,
                                               const vm::RTypeRecord& r, const RowWriter& w) {
  const vm::Insn insn = vm::decode(r.step.insn);
  w.set(op.column(insn.op), 1);
  w.step(c.step, r.step);
  w.set(c.rd, insn.rd);
  w.set(c.rs1, insn.rs1);
  w.set(c.rs2, insn.rs2);
  w.read(c.rs1_read, r.rs1, r.step.ts);
  w.read(c.rs2_read, r.rs2, r.step.ts + 1);
  w.write(c.rd_write, r.rd, r.step.ts + 2);
  return insn.op;
}

}  // namespace kprove::rv32im
