// BEQ BNE BLT BGE BLTU BGEU: next_pc = taken ? pc + imm : pc + 4, mod 2^32.
//   next_pc = pc + 4 is_real + taken (imm - 4) - 2^32 jump_wrap    (taken, jump_wrap boolean)
// The wrap as in jal.hpp: of the two choices only the RV32 target lies in [0, 2^32), and a
// state with another pc is never received (the next fetch accepts only a pc of the program).
// taken is bound by the opcode's comparison:
//   beq/bne  delta = a - b (the words' values; zero iff a = b, |delta| < 2^32 < p) with an
//            inverse witness inv: beq: delta taken = 0 and delta inv = 1 - taken, so taken is
//            1 iff delta = 0 (if delta != 0, taken = 0 and inv = 1/delta exists; if delta = 0,
//            taken = 1); bne the same with taken and 1 - taken swapped.
//   blt/bge/bltu/bgeu  the less-than gadget (gadgets/less_than.hpp) with lt = taken (blt,
//            bltu) or 1 - taken (bge, bgeu), boolean as the gadget needs, d range-checked,
//            sa and sb the sign bits for blt/bge (gadgets/sign_bit.hpp, 0 on the other
//            rows); d_lo shares inv's column, the two are never needed on one row.
// 27 columns; constraints of degree 3; 15 interactions (11 of the step, 4 range checks).
#pragma once

#include "engine/rv32im/gadgets/less_than.hpp"
#include "engine/rv32im/gadgets/sign_bit.hpp"
#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct BranchSpec {
  static constexpr const char* kName = "branch";
  static constexpr vm::ChipKind kKind = vm::ChipKind::branch;
  using Record = vm::BranchRecord;
  static constexpr std::size_t kColumns = 27;

  struct Cols {
    Selectors op;
    StepCols step;
    uint32_t rs1, rs2;
    Word imm;
    RegReadCols rs1_read, rs2_read;
    uint32_t taken, jump_wrap, next_pc;
    Word d;  // d.lo is inv for beq/bne
    uint32_t sa, sb;
  };

  static Cols build(ChipBuilder& b) {
    using vm::Op;
    Cols c;
    c.op = selectors(b, Op::beq, Op::bgeu);
    c.step = step_columns(b);
    c.rs1 = b.witness("rs1");
    c.rs2 = b.witness("rs2");
    c.imm = b.witness_word("imm");
    const Expr real = c.op.is_real();
    c.rs1_read = reg_read(b, "rs1", col(c.rs1), c.step, 0, real);
    c.rs2_read = reg_read(b, "rs2", col(c.rs2), c.step, 1, real);
    c.taken = b.witness("taken");
    c.jump_wrap = b.witness("jump_wrap");
    c.next_pc = b.witness("next_pc");
    c.d = b.witness_word("d");

    const Expr one = cst(1), taken = col(c.taken), pc = col(c.step.pc);
    const Expr beq = c.op.is(Op::beq), bne = c.op.is(Op::bne), blt = c.op.is(Op::blt),
               bge = c.op.is(Op::bge), bltu = c.op.is(Op::bltu), bgeu = c.op.is(Op::bgeu);
    b.constrain(chip::boolean(taken));
    b.constrain(chip::boolean(col(c.jump_wrap)));
    b.constrain(col(c.next_pc) - (pc + cst(4) * real + taken * (chip::value_of(c.imm) - cst(4)) -
                                  cst(uint64_t(1) << 32) * col(c.jump_wrap)));
    // beq/bne
    const Expr delta = chip::value_of(c.rs1_read.value) - chip::value_of(c.rs2_read.value);
    const Expr inv = col(c.d.lo);
    b.constrain(beq * delta * taken + bne * delta * (one - taken));
    b.constrain(beq * (delta * inv - one + taken) + bne * (delta * inv - taken));
    // blt/bge/bltu/bgeu
    const Expr cmp = blt + bge + bltu + bgeu, is_signed = blt + bge;
    c.sa = sign_bit(b, "sa", c.rs1_read.value, is_signed, real - is_signed);
    c.sb = sign_bit(b, "sb", c.rs2_read.value, is_signed, real - is_signed);
    less_than(b, cmp, is_signed, limbs(c.rs1_read.value), limbs(c.rs2_read.value), c.d,
              col(c.sa), col(c.sb), (blt + bltu) * taken + (bge + bgeu) * (one - taken));
    b.range16(col(c.d.lo), cmp);
    b.range16(col(c.d.hi), cmp);

    receive_state(b, c.step, real);
    send_state(b, c.step, col(c.next_pc), real);
    fetch(b, c.step, fields(c.op.op(), cst(0), col(c.rs1), col(c.rs2)), col(c.imm.lo),
          col(c.imm.hi), real);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    using vm::Op;
    const vm::Insn insn = vm::decode(r.step.insn);
    const uint32_t imm = uint32_t(insn.imm), a = r.rs1.value, bv = r.rs2.value;
    w.set(c.op.column(insn.op), 1);
    w.step(c.step, r.step);
    w.set(c.rs1, insn.rs1);
    w.set(c.rs2, insn.rs2);
    w.word(c.imm, imm);
    w.read(c.rs1_read, r.rs1, r.step.ts);
    w.read(c.rs2_read, r.rs2, r.step.ts + 1);
    bool taken;
    if (insn.op == Op::beq || insn.op == Op::bne) {
      taken = (a == bv) == (insn.op == Op::beq);
      w.row[c.d.lo] = (Felt::from_canonical(a) - Felt::from_canonical(bv)).inverse();
    } else {
      const bool is_signed = insn.op == Op::blt || insn.op == Op::bge;
      const LessThanWitness lt = less_than_witness(a, bv, is_signed);
      taken = lt.lt == (insn.op == Op::blt || insn.op == Op::bltu);
      w.word(c.d, lt.d);
      w.set(c.sa, lt.sa);
      w.set(c.sb, lt.sb);
    }
    const uint64_t target = uint64_t(r.step.pc) + (taken ? imm : 4u);
    w.set(c.taken, taken);
    w.set(c.jump_wrap, target >> 32);
    w.set(c.next_pc, uint32_t(target));
  }
};

using BranchChip = InstructionChip<BranchSpec>;

}  // namespace kprove::rv32im
