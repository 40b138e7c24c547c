// The ALU of the alu_reg and alu_imm chips: c = a OP b on 32-bit words as u16 limbs, b being
// rs2's value or the immediate. One set of columns serves every operation; which
// operation a row does is its chip's one-hot selector, and every constraint is multiplied
// by the selectors of the operations it belongs to (the selectors are exclusive, so a sum
// of such products holds iff each does on its rows). Columns that one operation leaves
// unused carry another's witness: the 8 scratch columns t0..t7, w and rest mean
//
//   column  and/or/xor          sll srl sra          slt sltu
//   t0      a byte 0            e0 \                 (immediate: d_hi)
//   t1      a byte 2 (reg)      e1  | bits of s_low,
//   t2      b byte 0            e2  | or of 15-s_low
//   t3      b byte 2 (reg)      e3 /  for srl/sra
//   t4      x0 = a0 & b0        s4 (bit 4 of shamt)
//   t5      x1                  N  = 2^(e0+2e1) (twice that for srl/sra)
//   t6      x2 (reg)            Mx = (1 - s4) pow    sb (reg)
//   t7      x3 (reg)            fill (sra: sign of a) sa
//   w                           W                    d_lo
//   rest                        rest (reg)           d_hi (reg)
//   pow     t5 (1 + 15 t2)(1 + 255 t3) on every row (the shift multiplier)
//
// 13 columns with c (12 for an immediate: no rest); constraints of degree 3. add/sub use
// no scratch. The lookups: c_lo, c_hi, w, rest (or t0 for the immediate's d_hi) are
// range-checked, t7 is the sign bit of a_hi (slt, sra), t6 that of b_hi (slt, reg); the
// bitwise operations look up (a_k, b_k, a_k & b_k) for each byte k. a and b need no checks:
// register values and immediates are u16 limbs (step.hpp; the program table's immediates).
//
// ADD/SUB. a + b = c + 2^32 k1 (add), c + b = a + 2^32 k1 (sub) along the limbs, each carry
//   an expression (k0 = (a_lo + b_lo - c_lo) / 2^16, ...) constrained boolean: with c
//   range-checked both equations are then integer ones and c is a + b (a - b) mod 2^32.
// SLT/SLTU. The less-than gadget (less_than.hpp) on d = a - b, with lt = c_lo (range-checked,
//   which is all the gadget needs) and c_hi = 0.
// AND/OR/XOR. a_lo = a0 + 2^8 a1 with a1 = (a_lo - a0) / 2^8 an expression, likewise b and
//   the high limbs; the four lookups (a_k, b_k, x_k) in and_byte prove every byte a byte and
//   x_k = a_k & b_k, so c_lo = sum 2^8k f(a_k, b_k, x_k) with f = x, a + b - x (or),
//   a + b - 2x (xor) is linear: c_lo = X_lo, a_lo + b_lo - X_lo or a_lo + b_lo - 2 X_lo with
//   X_lo = x0 + 2^8 x1. For an immediate b_hi is 0 or 0xFFFF (a sign-extended 12-bit
//   immediate), so its high limb needs no bytes: with sb = b_hi / 0xFFFF, a_hi & b_hi =
//   sb a_hi, and only the low limb is looked up.
// Shifts. shamt = b mod 32 = s_low + 16 s4 with b_lo = s_low + 16 s4 + 32 rest, the bits
//   boolean and rest range-checked (an integer identity: b_lo < 2^16); an immediate's shamt
//   is its whole low limb (the program table holds 0..31), so rest is absent. The
//   multiplier pow is 2^s_low for sll and 2^(16-s_low) for srl/sra, both one product of the
//   same form, 2^(e0+2e1+4e2+8e3) times 1 or 2, over the bits e of s_low (sll) or of
//   15 - s_low (srl/sra); N (one column) keeps each constraint at degree 3. Then one
//   equation over the integers (every side < 2^49, far below p; limbs u16):
//     sll: a_lo pow + 2^16 a_hi Mx = Y0 + 2^16 Y1 + 2^32 Y2
//          s4 = 0: (Y0, Y1, Y2) = (c_lo, c_hi, W)   a 2^s_low = c + 2^32 W
//          s4 = 1: (Y0, Y1, Y2) = (c_hi, W, 0)      a_lo 2^s_low = c_hi + 2^16 W, c_lo = 0
//     srl: a_lo Mx + 2^16 a_hi pow = Y0 + 2^16 Y1 + 2^32 Y2
//          s4 = 0: (W, c_lo, c_hi)    a 2^(16-s_low) = W + 2^16 c: c = a >> s_low
//          s4 = 1: (0, W, c_lo)       a_hi 2^(16-s_low) = W + 2^16 c_lo, c_hi = 0
//     sra: the srl equation on a - 2^32 fill (fill = the sign bit, checked) for a result
//          taken mod 2^32: the right side gains 2^32 fill (pow - 2^16), and c_hi = 0xFFFF
//          fill when s4 = 1.
//   With W and c range-checked, the limbs of the right side are unique, and an honest row
//   satisfies it, so c is the shift's result. The booleanity of the bits and of fill is what
//   keeps pow a power of two and the fill term 0 or the sign's: e0 + 2, e1 - 1 keep b_lo's
//   decomposition, and a fill (2 a_hi - x) / 2^16 passes the sign lookup for every x.
#pragma once

#include <Kokkos_Macros.hpp>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <utility>

#include "engine/rv32im/gadgets/less_than.hpp"

namespace kprove::rv32im {

enum class AluOp : uint8_t { add, sub, sll, slt, sltu, xor_, srl, sra, or_, and_ };
inline constexpr uint32_t kAluOps = 10;

// The ALU operation of an alu_reg or alu_imm opcode.
KOKKOS_INLINE_FUNCTION constexpr AluOp alu_op(vm::Op op) {
  switch (op) {
    case vm::Op::addi: return AluOp::add;
    case vm::Op::slti: return AluOp::slt;
    case vm::Op::sltiu: return AluOp::sltu;
    case vm::Op::xori: return AluOp::xor_;
    case vm::Op::ori: return AluOp::or_;
    case vm::Op::andi: return AluOp::and_;
    case vm::Op::slli: return AluOp::sll;
    case vm::Op::srli: return AluOp::srl;
    case vm::Op::srai: return AluOp::sra;
    default: return AluOp(uint32_t(op) - uint32_t(vm::Op::add));  // add .. and_, in order
  }
}

// The selectors of a chip's opcodes by ALU operation; operations the chip lacks have none.
class AluSelectors {
 public:
  // The chip's opcodes in AluOp order, vm::Op::invalid where absent.
  AluSelectors(const Selectors& s, const std::array<vm::Op, kAluOps>& ops);
  bool has(AluOp op) const { return column_[uint32_t(op)] >= 0; }
  // The sum of the selectors of `ops` that the chip has.
  Expr any(std::initializer_list<AluOp> ops) const;
  // sum over (op, e) of is_op * e, for the ops the chip has.
  Expr gated(std::initializer_list<std::pair<AluOp, Expr>> terms) const;

 private:
  std::array<int32_t, kAluOps> column_{};
};

struct AluCoreCols {
  Word c;
  uint32_t t[8] = {};
  uint32_t w = 0, rest = 0, pow = 0;  // rest: register operand only
  bool immediate = false;
};

// Constrains the word c (columns the caller declared) to a op b, with the scratch columns and
// lookups above. `immediate`: b is an I-type immediate (b_hi is 0 or 0xFFFF, a shift's
// amount is b_lo) and sub is absent.
AluCoreCols alu_core(ChipBuilder& b, const AluSelectors& sel, Word c, Word a, Word bw,
                     bool immediate);

// Fills c and the scratch columns for a op b; returns c. pow is set on every row.
KOKKOS_INLINE_FUNCTION uint32_t fill_alu_core(const AluCoreCols& k, AluOp op, uint32_t a,
                                              uint32_t b, const RowWriter& w) {
  uint64_t t[8] = {};
  uint32_t c = 0;
  switch (op) {
    case AluOp::add: c = a + b; break;
    case AluOp::sub: c = a - b; break;
    case AluOp::slt:
    case AluOp::sltu: {
      const LessThanWitness lt = less_than_witness(a, b, op == AluOp::slt);
      c = lt.lt;
      w.set(k.w, lt.d & 0xFFFFu);
      if (k.immediate)
        t[0] = lt.d >> 16;
      else
        w.set(k.rest, lt.d >> 16), t[6] = lt.sb;
      t[7] = lt.sa;
      break;
    }
    case AluOp::xor_:
    case AluOp::or_:
    case AluOp::and_: {
      c = op == AluOp::xor_ ? a ^ b : op == AluOp::or_ ? a | b : a & b;
      const uint32_t x = a & b;
      t[0] = a & 0xFFu, t[2] = b & 0xFFu;
      t[4] = x & 0xFFu, t[5] = (x >> 8) & 0xFFu;
      if (!k.immediate) {
        t[1] = (a >> 16) & 0xFFu, t[3] = (b >> 16) & 0xFFu;
        t[6] = (x >> 16) & 0xFFu, t[7] = x >> 24;
      }
      break;
    }
    case AluOp::sll:
    case AluOp::srl:
    case AluOp::sra: {
      const uint32_t s = b & 31u, s_low = s & 15u, s4 = s >> 4;
      const bool left = op == AluOp::sll;
      const uint32_t e = left ? s_low : 15u - s_low;
      const uint64_t pow = left ? uint64_t(1) << s_low : uint64_t(1) << (16 - s_low);
      const uint32_t alo = a & 0xFFFFu, ahi = a >> 16;
      for (uint32_t i = 0; i < 4; ++i) t[i] = (e >> i) & 1u;
      t[4] = s4;
      t[5] = (uint64_t(1) << (t[0] + 2 * t[1])) * (left ? 1 : 2);
      t[6] = s4 ? 0 : pow;
      uint64_t W;
      if (left) {
        c = a << s;
        W = s4 ? (alo * pow) >> 16 : (uint64_t(a) * pow) >> 32;
      } else {
        c = op == AluOp::sra ? uint32_t(int32_t(a) >> s) : a >> s;
        W = ((s4 ? ahi : alo) * pow) & 0xFFFFu;
        t[7] = op == AluOp::sra ? a >> 31 : 0;
      }
      w.set(k.w, W);
      if (!k.immediate) w.set(k.rest, (b & 0xFFFFu) >> 5);
      break;
    }
  }
  w.word(k.c, c);
  for (uint32_t i = 0; i < 8; ++i) w.set(k.t[i], t[i]);
  // pow's constraint holds on every row, whatever the scratch columns carry.
  const Felt pow = Felt::from_canonical(t[5]) * Felt::from_canonical(1 + 15 * t[2]) *
                   Felt::from_canonical(1 + 255 * t[3]);
  w.row[k.pow] = pow;
  return c;
}

}  // namespace kprove::rv32im
