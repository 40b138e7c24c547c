// JALR: rd = pc + 4 (gadgets/link.hpp), next_pc = (rs1 + imm) & ~1 mod 2^32.
//   (rs1_lo + imm_lo - bit0) / 2                u16     (bit0 boolean)
//   next_pc = rs1 + imm - bit0 - 2^32 jump_wrap         (jump_wrap boolean)
// rs1_lo + imm_lo - bit0 lies in [-1, 2^17): halved it is
// a u16 when even and about p/2 when odd, so bit0 is the low bit of rs1 + imm. The target
// needs no limbs (jal.hpp): of the two wraps only the RV32 target lies in [0, 2^32), and the
// next step's fetch accepts only a pc of the program, so neither the other wrap nor a target
// the emulator faults on (bit 1 set) is provable.
#pragma once

#include "engine/rv32im/gadgets/link.hpp"
#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct JalrSpec {
  static constexpr const char* kName = "jalr";
  static constexpr vm::ChipKind kKind = vm::ChipKind::jalr;
  using Record = vm::ITypeRecord;
  static constexpr std::size_t kColumns = 19;

  struct Cols {
    uint32_t is_real;
    StepCols step;
    uint32_t rd, rs1, bit0, jump_wrap;
    Link link;
    Word imm;
    RegReadCols rs1_read;
    RegWriteCols rd_write;
  };

  static Cols build(ChipBuilder& b) {
    static const Felt inv2 = Felt::from_u64(2).inverse();
    Cols c;
    c.is_real = b.witness("is_jalr");
    c.step = step_columns(b);
    c.rd = b.witness("rd");
    c.rs1 = b.witness("rs1");
    c.imm = b.witness_word("imm");
    const Expr real = col(c.is_real), two32 = cst(uint64_t(1) << 32);
    c.link = link(b, c.step, real);
    c.bit0 = b.witness("bit0");
    c.jump_wrap = b.witness("jump_wrap");
    for (uint32_t x : {c.is_real, c.bit0, c.jump_wrap}) b.constrain(chip::boolean(col(x)));
    receive_state(b, c.step, real);
    fetch(b, c.step, fields(cst(uint32_t(vm::Op::jalr)) * real, col(c.rd), col(c.rs1), cst(0)),
          col(c.imm.lo), col(c.imm.hi), real);
    c.rs1_read = reg_read(b, "rs1", col(c.rs1), c.step, 0, real);
    const Word rs1 = c.rs1_read.value;
    b.range16(inv2 * (col(rs1.lo) + col(c.imm.lo) - col(c.bit0)), real);
    send_state(b, c.step,
               chip::value_of(rs1) + chip::value_of(c.imm) - col(c.bit0) - two32 * col(c.jump_wrap),
               real);
    c.rd_write = reg_write(b, "rd", col(c.rd), col(c.link.lo), c.link.hi, c.step, real);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const vm::Insn insn = vm::decode(r.step.insn);
    const uint32_t imm = uint32_t(insn.imm);
    w.set(c.is_real, 1);
    w.step(c.step, r.step);
    w.set(c.rd, insn.rd);
    w.set(c.rs1, insn.rs1);
    w.word(c.imm, imm);
    fill_link(w, c.link, r.step.pc);
    w.set(c.bit0, (r.rs1.value + imm) & 1);
    w.set(c.jump_wrap, (uint64_t(r.rs1.value) + imm) >> 32);
    w.read(c.rs1_read, r.rs1, r.step.ts);
    w.write(c.rd_write, r.rd, r.step.ts + 2);
  }
};

using JalrChip = InstructionChip<JalrSpec>;

}  // namespace kprove::rv32im
