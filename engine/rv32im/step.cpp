#include "engine/rv32im/step.hpp"

namespace kprove::rv32im {

Expr Selectors::is_real() const {
  Expr e = col(first);
  for (uint32_t i = 1; i < count; ++i) e = e + col(first + i);
  return e;
}

Expr Selectors::op() const {
  Expr e = cst(uint32_t(first_op)) * col(first);
  for (uint32_t i = 1; i < count; ++i) e = e + cst(uint32_t(first_op) + i) * col(first + i);
  return e;
}

Selectors selectors(ChipBuilder& b, vm::Op first, vm::Op last) {
  Selectors s;
  s.first_op = first;
  s.count = uint32_t(last) - uint32_t(first) + 1;
  for (uint32_t i = 0; i < s.count; ++i) {
    const uint32_t c = b.witness(std::string("is_") + vm::mnemonic(vm::Op(uint32_t(first) + i)));
    if (i == 0) s.first = c;
    b.constrain(chip::boolean(col(c)));
  }
  if (s.count > 1) b.constrain(chip::boolean(s.is_real()));
  return s;
}

StepCols step_columns(ChipBuilder& b) {
  StepCols s;
  s.pc = b.witness("pc");
  s.ts = b.witness("ts");
  return s;
}

void receive_state(ChipBuilder& b, StepCols s, const Expr& is_real) {
  b.receive(chip::Bus::state, {col(s.pc), col(s.ts)}, is_real);
}

void send_state(ChipBuilder& b, StepCols s, const Expr& next_pc, const Expr& multiplicity) {
  b.send(chip::Bus::state, {next_pc, col(s.ts) + cst(4)}, multiplicity);
}

void fetch(ChipBuilder& b, StepCols s, const Expr& f, const Expr& imm_lo, const Expr& imm_hi,
           const Expr& is_real) {
  b.send(chip::Bus::program, {col(s.pc), f, imm_lo, imm_hi}, is_real);
}

void timestamp_after(ChipBuilder& b, const Expr& at, uint32_t prev_ts, uint32_t dt_lo,
                     const Expr& is_real) {
  static const Felt inv16 = Felt::from_u64(1u << 16).inverse();
  b.range16(col(dt_lo), is_real);
  b.range16(inv16 * (at - col(prev_ts) - cst(1) - col(dt_lo)), is_real);
}

RegReadCols reg_read(ChipBuilder& b, const std::string& name, const Expr& index, StepCols s,
                     uint32_t k, const Expr& is_real) {
  RegReadCols c;
  c.value = b.witness_word(name);
  c.prev_ts = b.witness(name + "_prev_ts");
  c.dt_lo = b.witness(name + "_dt_lo");
  const Expr at = col(s.ts) + cst(k);
  b.receive(chip::Bus::reg, {index, col(c.value.lo), col(c.value.hi), col(c.prev_ts)}, is_real);
  b.send(chip::Bus::reg, {index, col(c.value.lo), col(c.value.hi), at}, is_real);
  timestamp_after(b, at, c.prev_ts, c.dt_lo, is_real);
  return c;
}

RegWriteCols reg_write(ChipBuilder& b, const std::string& name, const Expr& index,
                       const Expr& value_lo, const Expr& value_hi, StepCols s,
                       const Expr& is_real) {
  RegWriteCols c;
  c.prev = b.witness_word(name + "_prev");
  c.prev_ts = b.witness(name + "_prev_ts");
  c.dt_lo = b.witness(name + "_dt_lo");
  const Expr at = col(s.ts) + cst(2);
  b.receive(chip::Bus::reg, {index, col(c.prev.lo), col(c.prev.hi), col(c.prev_ts)}, is_real);
  b.send(chip::Bus::reg, {index, value_lo, value_hi, at}, is_real);
  timestamp_after(b, at, c.prev_ts, c.dt_lo, is_real);
  return c;
}

namespace {
MemCols mem_access(ChipBuilder& b, const std::string& name, const Expr& word,
                   const Expr& writable, const Expr* value_lo, const Expr* value_hi, StepCols s,
                   const Expr& is_real) {
  MemCols c;
  c.prev = b.witness_word(name + (value_lo ? "_prev" : ""));
  c.prev_ts = b.witness(name + "_prev_ts");
  c.dt_lo = b.witness(name + "_dt_lo");
  const Expr at = col(s.ts) + cst(3);
  const Expr lo = value_lo ? *value_lo : col(c.prev.lo), hi = value_hi ? *value_hi : col(c.prev.hi);
  b.receive(chip::Bus::mem, {word, col(c.prev.lo), col(c.prev.hi), col(c.prev_ts), writable},
            is_real);
  b.send(chip::Bus::mem, {word, lo, hi, at, writable}, is_real);
  timestamp_after(b, at, c.prev_ts, c.dt_lo, is_real);
  return c;
}
}  // namespace

MemCols mem_read(ChipBuilder& b, const std::string& name, const Expr& word, const Expr& writable,
                 StepCols s, const Expr& is_real) {
  return mem_access(b, name, word, writable, nullptr, nullptr, s, is_real);
}

MemCols mem_write(ChipBuilder& b, const std::string& name, const Expr& word,
                  const Expr& value_lo, const Expr& value_hi, StepCols s, const Expr& is_real) {
  return mem_access(b, name, word, cst(1), &value_lo, &value_hi, s, is_real);
}

}  // namespace kprove::rv32im
