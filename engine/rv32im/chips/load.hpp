// LB LH LW LBU LHU: rd = the byte, half or word at addr = rs1 + imm (gadgets/address.hpp),
// sign- or zero-extended. The aligned word m is read from memory with its writable tag echoed
// (loads may read read-only words; the bus balance binds the tag). h = the half of m holding
// addr (h = m_lo for LW, which is aligned):
//   h = top 256^t + other 256^(1-t),  t = bit0 + is_lh + is_lhu       top, other bytes
//   and_byte(top, 0x80 (is_lb + is_lh), 0x80 ext)
//   value_lo = h + (is_lb + is_lbu)(top + 0xFF00 ext - h),   value_hi = is_lw m_hi + 0xFFFF ext
// and the alignment the emulator faults without (words bit0 = bit1 = 0, halves bit0 = 0).
// A u16 splits into bytes one way, so top is the loaded byte (t = bit0) or the high byte of
// the loaded half (t = 1); the lookup makes ext its bit 7 for LB/LH and 0 otherwise. The value
// limbs are then a limb of m, a byte, 0xFF00 + a byte, 0 or 0xFFFF: u16 with no range check.
#pragma once

#include "engine/rv32im/gadgets/address.hpp"
#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct LoadSpec {
  static constexpr const char* kName = "load";
  static constexpr vm::ChipKind kKind = vm::ChipKind::load;
  using Record = vm::LoadRecord;
  static constexpr std::size_t kColumns = 33;

  struct Cols {
    Selectors op;
    StepCols step;
    uint32_t rd, rs1, writable, top, other, ext;
    Word imm, value;
    RegReadCols rs1_read;
    Address addr;
    MemCols mem;
    RegWriteCols rd_write;
  };

  static Cols build(ChipBuilder& b) {
    using vm::Op;
    Cols c;
    c.op = selectors(b, Op::lb, Op::lhu);
    c.step = step_columns(b);
    c.rd = b.witness("rd");
    c.rs1 = b.witness("rs1");
    c.imm = b.witness_word("imm");
    c.writable = b.witness("writable");
    c.top = b.witness("top");
    c.other = b.witness("other");
    c.ext = b.witness("ext");
    c.value = b.witness_word("value");
    const Expr real = c.op.is_real();
    const Expr is_byte = c.op.is(Op::lb) + c.op.is(Op::lbu);
    const Expr is_half = c.op.is(Op::lh) + c.op.is(Op::lhu);
    receive_state(b, c.step, real);
    send_state(b, c.step, col(c.step.pc) + cst(4), real);
    fetch(b, c.step, fields(c.op.op(), col(c.rd), col(c.rs1), cst(0)), col(c.imm.lo), col(c.imm.hi),
          real);
    c.rs1_read = reg_read(b, "rs1", col(c.rs1), c.step, 0, real);
    c.addr = effective_address(b, c.rs1_read.value, c.imm, real);
    c.addr.require_aligned(b, c.op.is(Op::lw), is_half);
    c.mem = mem_read(b, "mem", c.addr.word(), col(c.writable), c.step, real);
    const Expr h = c.addr.half_of(c.mem.prev), top = col(c.top);
    b.constrain(h - bytes_at(col(c.addr.bit0) + is_half, top, col(c.other)));
    byte_check(b, col(c.other), real);
    b.send(chip::Bus::and_byte,
           {top, cst(0x80) * (c.op.is(Op::lb) + c.op.is(Op::lh)), cst(0x80) * col(c.ext)}, real);
    b.constrain(col(c.value.lo) - h - is_byte * (top + cst(0xFF00) * col(c.ext) - h));
    b.constrain(col(c.value.hi) - c.op.is(Op::lw) * col(c.mem.prev.hi) - cst(0xFFFF) * col(c.ext));
    c.rd_write = reg_write(b, "rd", col(c.rd), col(c.value.lo), col(c.value.hi), c.step, real);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const vm::Insn insn = vm::decode(r.step.insn);
    const uint32_t imm = uint32_t(insn.imm), addr = r.rs1.value + imm;
    const uint32_t h = r.mem.value >> (addr & 2) * 8 & 0xFFFFu;
    const uint32_t t = (addr & 1) | (insn.op == vm::Op::lh || insn.op == vm::Op::lhu);
    const uint32_t top = h >> 8 * t & 0xFFu;
    const bool is_signed = insn.op == vm::Op::lb || insn.op == vm::Op::lh;
    w.set(c.op.column(insn.op), 1);
    w.step(c.step, r.step);
    w.set(c.rd, insn.rd);
    w.set(c.rs1, insn.rs1);
    w.word(c.imm, imm);
    w.set(c.writable, r.mem.writable);
    w.set(c.top, top);
    w.set(c.other, h >> 8 * (1 - t) & 0xFFu);
    w.set(c.ext, is_signed ? top >> 7 : 0);
    w.word(c.value, r.rd.value);
    w.read(c.rs1_read, r.rs1, r.step.ts);
    c.addr.fill(w, r.rs1.value, imm);
    w.mem(c.mem, r.mem.value, r.mem.prev_ts, r.step.ts + 3);
    w.write(c.rd_write, r.rd, r.step.ts + 2);
  }
};

using LoadChip = InstructionChip<LoadSpec>;

}  // namespace kprove::rv32im
