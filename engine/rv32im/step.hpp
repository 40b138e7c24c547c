// What every RV32IM instruction row shares, as builder helpers (host) and fill helpers
// (device): the step's state and fetch, register and memory accesses, timestamp ordering.
//
// A step at timestamp ts (ts = 4(c+1) for cycle c of the run, engine/vm/records.hpp):
//   state    receives (pc, ts), sends (next_pc, ts + 4)
//   program  looks up (pc, fields(op, rd, rs1, rs2), imm_lo, imm_hi): the instruction at pc
//   reg      an access at ts + k (k = 0 rs1, 1 rs2, 2 rd) receives (i, prev, prev_ts) and
//            sends (i, value, ts + k); a read sends back what it received
//   mem      an access at ts + 3 receives (word, prev, prev_ts, writable) and sends
//            (word, value, ts + 3, writable); stores only touch writable words
// with every prev_ts < its access checked by timestamp_after. Written register values must
// be u16 limbs (each chip's core checks the limbs it writes); then every value on the reg and
// mem buses is, since reads only echo what was written or initialised.
#pragma once

#include <Kokkos_Macros.hpp>
#include <cstdint>
#include <string>

#include "engine/chip/builder.hpp"
#include "engine/vm/decode.hpp"
#include "engine/vm/records.hpp"

namespace kprove::rv32im {

using chip::ChipBuilder;
using chip::col;
using chip::cst;
using chip::Word;

// The program table's packed instruction fields: op, rd, rs1, rs2 as base-64 digits. A
// chip's rd/rs1/rs2 are free columns bound only by this packing and by the reg bus, whose
// indices are the register table's rows 0..63: digits below 64 have one base-64 expansion, so
// a row cannot trade one field for another (with 5-bit fields, rs1 + 32 and rs2 - 1 would
// pack alike).
KOKKOS_INLINE_FUNCTION constexpr uint32_t pack_fields(vm::Op op, uint32_t rd, uint32_t rs1,
                                                      uint32_t rs2) {
  return uint32_t(op) | rd << 6 | rs1 << 12 | rs2 << 18;
}
inline Expr fields(const Expr& op, const Expr& rd, const Expr& rs1, const Expr& rs2) {
  return op + cst(1u << 6) * rd + cst(1u << 12) * rs1 + cst(1u << 18) * rs2;
}

// One-hot opcode selectors over a contiguous run of vm::Op (a chip family in
// KPROVE_RV32IM_OPS order); their sum is is_real.
struct Selectors {
  uint32_t first = 0;
  vm::Op first_op = vm::Op::invalid;
  uint32_t count = 0;

  Expr is(vm::Op op) const { return col(first + (uint32_t(op) - uint32_t(first_op))); }
  Expr is_real() const;
  Expr op() const;  // sum_i id_i sel_i
  KOKKOS_INLINE_FUNCTION uint32_t column(vm::Op op) const {
    return first + (uint32_t(op) - uint32_t(first_op));
  }
};
// Columns is_<mnemonic> for ops [first, last]; each boolean, and their sum boolean.
Selectors selectors(ChipBuilder& b, vm::Op first, vm::Op last);

struct StepCols {
  uint32_t pc = 0, ts = 0;
};
StepCols step_columns(ChipBuilder& b);
void receive_state(ChipBuilder& b, StepCols s, const Expr& is_real);
void send_state(ChipBuilder& b, StepCols s, const Expr& next_pc, const Expr& multiplicity);
// The program lookup of the instruction at pc; imm is the immediate's 32-bit pattern.
void fetch(ChipBuilder& b, StepCols s, const Expr& fields, const Expr& imm_lo, const Expr& imm_hi,
           const Expr& is_real);

// prev_ts < at, as at - prev_ts - 1 = dt_lo + 2^16 dt_hi with both limbs u16: two lookups, one
// column (dt_hi is affine in the others).
void timestamp_after(ChipBuilder& b, const Expr& at, uint32_t prev_ts, uint32_t dt_lo,
                     const Expr& is_real);

struct RegReadCols {
  Word value;
  uint32_t prev_ts = 0, dt_lo = 0;
};
// Register `index` read at ts + k.
RegReadCols reg_read(ChipBuilder& b, const std::string& name, const Expr& index, StepCols s,
                     uint32_t k, const Expr& is_real);

struct RegWriteCols {
  Word prev;
  uint32_t prev_ts = 0, dt_lo = 0;
};
// Register `index` written with `value` (u16 limbs the caller checks) at ts + 2.
RegWriteCols reg_write(ChipBuilder& b, const std::string& name, const Expr& index,
                       const Expr& value_lo, const Expr& value_hi, StepCols s,
                       const Expr& is_real);

struct MemCols {
  Word prev;  // the word before the access (a load's value)
  uint32_t prev_ts = 0, dt_lo = 0;
};
// The aligned word at `word` (its byte address) read at ts + 3; `writable` echoes the
// word's permission bit.
MemCols mem_read(ChipBuilder& b, const std::string& name, const Expr& word, const Expr& writable,
                 StepCols s, const Expr& is_real);
// The aligned word at `word` written with `value` at ts + 3; only writable words.
MemCols mem_write(ChipBuilder& b, const std::string& name, const Expr& word,
                  const Expr& value_lo, const Expr& value_hi, StepCols s, const Expr& is_real);

// Writes small integers into a row being built.
struct RowWriter {
  Felt* row;
  KOKKOS_INLINE_FUNCTION void set(uint32_t c, uint64_t v) const {
    row[c] = Felt::from_canonical(v);
  }
  KOKKOS_INLINE_FUNCTION void word(Word w, uint32_t v) const {
    set(w.lo, v & 0xFFFFu), set(w.hi, v >> 16);
  }
  KOKKOS_INLINE_FUNCTION void step(StepCols c, const vm::Step& s) const {
    set(c.pc, s.pc), set(c.ts, s.ts);
  }
  KOKKOS_INLINE_FUNCTION void read(const RegReadCols& c, const vm::RegRead& r, uint32_t at) const {
    word(c.value, r.value), set(c.prev_ts, r.prev_ts), set(c.dt_lo, (at - r.prev_ts - 1) & 0xFFFFu);
  }
  KOKKOS_INLINE_FUNCTION void write(const RegWriteCols& c, const vm::RegWrite& r,
                                    uint32_t at) const {
    word(c.prev, r.prev_value), set(c.prev_ts, r.prev_ts);
    set(c.dt_lo, (at - r.prev_ts - 1) & 0xFFFFu);
  }
  KOKKOS_INLINE_FUNCTION void mem(const MemCols& c, uint32_t prev_value, uint32_t prev_ts,
                                  uint32_t at) const {
    word(c.prev, prev_value), set(c.prev_ts, prev_ts), set(c.dt_lo, (at - prev_ts - 1) & 0xFFFFu);
  }
};

}  // namespace kprove::rv32im
