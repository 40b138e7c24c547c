// SB SH SW: the aligned word m at addr = rs1 + imm (gadgets/address.hpp) becomes m' with
// rs2's low byte, low half or whole word merged in; mem_write admits only writable words.
// h and h' are the halves of m and m' holding addr (bit1 picks them):
//   SW       m' = rs2
//   SH, SB   the other half of m' is m's
//   SH       h' = rs2_lo
//   SB       h = gone 256^bit0 + keep 256^(1-bit0),   h' = h + (byte - gone) 256^bit0,
//            byte = rs2_lo - 256 rest                 gone, keep, byte, rest bytes
// and the alignment the emulator faults without (words bit0 = bit1 = 0, halves bit0 = 0).
// A u16 splits into bytes one way, so gone is m's byte at addr, byte is rs2's low byte and
// h' = byte 256^bit0 + keep 256^(1-bit0). m' is the RV32 merge, and its limbs are limbs of m
// or rs2, or two bytes: u16 with no range check.
#pragma once

#include "engine/rv32im/gadgets/address.hpp"
#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct StoreSpec {
  static constexpr const char* kName = "store";
  static constexpr vm::ChipKind kKind = vm::ChipKind::store;
  using Record = vm::StoreRecord;
  static constexpr std::size_t kColumns = 30;

  struct Cols {
    Selectors op;
    StepCols step;
    uint32_t rs1, rs2, gone, keep, rest;
    Word imm, merged;
    RegReadCols rs1_read, rs2_read;
    Address addr;
    MemCols mem;
  };

  static Cols build(ChipBuilder& b) {
    using vm::Op;
    Cols c;
    c.op = selectors(b, Op::sb, Op::sw);
    c.step = step_columns(b);
    c.rs1 = b.witness("rs1");
    c.rs2 = b.witness("rs2");
    c.imm = b.witness_word("imm");
    c.gone = b.witness("gone");
    c.keep = b.witness("keep");
    c.rest = b.witness("rest");
    c.merged = b.witness_word("merged");
    const Expr real = c.op.is_real();
    const Expr sb = c.op.is(Op::sb), sh = c.op.is(Op::sh), sw = c.op.is(Op::sw);
    receive_state(b, c.step, real);
    send_state(b, c.step, col(c.step.pc) + cst(4), real);
    fetch(b, c.step, fields(c.op.op(), cst(0), col(c.rs1), col(c.rs2)), col(c.imm.lo),
          col(c.imm.hi), real);
    c.rs1_read = reg_read(b, "rs1", col(c.rs1), c.step, 0, real);
    c.rs2_read = reg_read(b, "rs2", col(c.rs2), c.step, 1, real);
    c.addr = effective_address(b, c.rs1_read.value, c.imm, real);
    c.addr.require_aligned(b, sw, sh);
    c.mem = mem_write(b, "mem", c.addr.word(), col(c.merged.lo), col(c.merged.hi), c.step, real);
    const Word prev = c.mem.prev, merged = c.merged, rs2 = c.rs2_read.value;
    const Expr bit0 = col(c.addr.bit0), bit1 = col(c.addr.bit1);
    const Expr h = c.addr.half_of(prev), byte = col(rs2.lo) - cst(256) * col(c.rest);
    b.constrain(sw * (col(merged.lo) - col(rs2.lo)));
    b.constrain(sw * (col(merged.hi) - col(rs2.hi)));
    b.constrain((sh + sb) * (bit1 * (col(merged.lo) - col(prev.lo)) +
                             (cst(1) - bit1) * (col(merged.hi) - col(prev.hi))));
    b.constrain((sh + sb) * c.addr.half_of(merged) - sh * col(rs2.lo) -
                sb * (h + (byte - col(c.gone)) * (cst(1) + cst(255) * bit0)));
    b.constrain(h - bytes_at(bit0, col(c.gone), col(c.keep)));
    for (const Expr& x : {col(c.gone), col(c.keep), byte, col(c.rest)}) byte_check(b, x, real);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const vm::Insn insn = vm::decode(r.step.insn);
    const uint32_t imm = uint32_t(insn.imm), addr = r.rs1.value + imm;
    const uint32_t h = r.mem.prev_value >> (addr & 2) * 8 & 0xFFFFu, at = addr & 1;
    w.set(c.op.column(insn.op), 1);
    w.step(c.step, r.step);
    w.set(c.rs1, insn.rs1);
    w.set(c.rs2, insn.rs2);
    w.word(c.imm, imm);
    w.set(c.gone, h >> 8 * at & 0xFFu);
    w.set(c.keep, h >> 8 * (1 - at) & 0xFFu);
    w.set(c.rest, r.rs2.value >> 8 & 0xFFu);
    w.word(c.merged, r.mem.value);
    w.read(c.rs1_read, r.rs1, r.step.ts);
    w.read(c.rs2_read, r.rs2, r.step.ts + 1);
    c.addr.fill(w, r.rs1.value, imm);
    w.mem(c.mem, r.mem.prev_value, r.mem.prev_ts, r.step.ts + 3);
  }
};

using StoreChip = InstructionChip<StoreSpec>;

}  // namespace kprove::rv32im
