// ADD SUB SLL SLT SLTU XOR SRL SRA OR AND: rd = rs1 OP rs2 on the R-type step
// (gadgets/r_type.hpp), through the ALU core shared with alu_imm (gadgets/alu_core.hpp, which
// lays out the columns and argues each operation's soundness).
// 40 columns (10 selectors, 17 of the step, 13 of the core); constraints of degree 3;
// 25 interactions (15 of the step, 6 range checks, 4 and_byte lookups).
#pragma once

#include "engine/rv32im/gadgets/alu_core.hpp"
#include "engine/rv32im/gadgets/r_type.hpp"
#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct AluRegSpec {
  static constexpr const char* kName = "alu_reg";
  static constexpr vm::ChipKind kKind = vm::ChipKind::alu_reg;
  using Record = vm::RTypeRecord;
  static constexpr std::size_t kColumns = 40;

  struct Cols {
    Selectors op;
    RTypeStep step;
    AluCoreCols alu;
  };

  static Cols build(ChipBuilder& b) {
    using vm::Op;
    Cols c;
    c.op = selectors(b, Op::add, Op::and_);
    const Word result = b.witness_word("c");
    c.step = r_type_step(b, c.op, result);
    const AluSelectors sel(c.op, {Op::add, Op::sub, Op::sll, Op::slt, Op::sltu, Op::xor_,
                                  Op::srl, Op::sra, Op::or_, Op::and_});
    c.alu = alu_core(b, sel, result, c.step.rs1_read.value, c.step.rs2_read.value, false);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const vm::Op op = fill_r_type_step(c.step, c.op, r, w);
    fill_alu_core(c.alu, alu_op(op), r.rs1.value, r.rs2.value, w);
  }
};

using AluRegChip = InstructionChip<AluRegSpec>;

}  // namespace kprove::rv32im
