// a < b on 32-bit words held as u16 limbs, unsigned or signed, shared by SLT/SLTU(I) and
// the branches. From d = a - b mod 2^32 (limbs d_lo, d_hi):
//   d_lo + b_lo      = a_lo + 2^16 k0,   k0 = (d_lo + b_lo - a_lo) / 2^16 boolean (no column)
//   d_hi + b_hi + k0 = a_hi + 2^16 (lt + signed (sb - sa))
// Unsigned, lt is the borrow of a - b. Signed, the comparison is the unsigned one of
// a' = a ^ 2^31 and b' = b ^ 2^31, whose high limbs are a_hi + 2^15 - 2^16 sa and
// b_hi + 2^15 - 2^16 sb (sa, sb the sign bits); substituted, the flips leave the
// 2^16 (sb - sa) term above and keep everything affine in the columns.
//
// Why it is sound, with d_lo, d_hi range-checked (the caller's lookups), a, b u16 limbs and
// sa, sb the sign bits (gadgets/sign_bit.hpp's check, or an immediate's known sign): k0 in
// {0, 1} makes the first equation an integer one, so d_lo = a_lo - b_lo + 2^16 k0 in
// [0, 2^16) picks k0; the second then has an integer left side in (-2^16, 2^17) and a right
// side 2^16 t with t = lt + signed (sb - sa): if lt is boolean or a range-checked limb, t is
// a small integer and the equation is one over the integers, which fixes d_hi and t in
// {0, 1} uniquely; the honest witness satisfies it, so lt is the comparison. (A lt that is
// neither boolean nor range-checked would be free; so would sign bits that are not boolean:
// sa - sb can move by 1 with both passing their lookups.)
#pragma once

#include <Kokkos_Macros.hpp>
#include <cstdint>

#include "engine/rv32im/step.hpp"

namespace kprove::rv32im {

// A 32-bit operand as two affine expressions with u16 values: a word's limb columns, or an
// immediate's.
struct Limbs {
  Expr lo, hi;
};
inline Limbs limbs(Word w) { return {col(w.lo), col(w.hi)}; }

// The two equations above, each multiplied by `gate` (a sum of selectors): `signed_gate` is
// the sum of the signed selectors within gate, `lt_gate` is gate * lt (degree <= 2), d the
// difference's limb columns (range-checked by the caller wherever gate is 1), sa and sb the
// operands' sign bits wherever signed_gate is 1. Degree 3.
void less_than(ChipBuilder& b, const Expr& gate, const Expr& signed_gate, const Limbs& x,
               const Limbs& y, Word d, const Expr& sa, const Expr& sb, const Expr& lt_gate);

// The witness of one comparison.
struct LessThanWitness {
  uint32_t d;  // a - b mod 2^32
  bool lt;
  uint32_t sa, sb;  // sign bits when signed, else 0
};
KOKKOS_INLINE_FUNCTION LessThanWitness less_than_witness(uint32_t a, uint32_t b, bool is_signed) {
  LessThanWitness w;
  w.d = a - b;
  w.lt = is_signed ? int32_t(a) < int32_t(b) : a < b;
  w.sa = is_signed ? a >> 31 : 0;
  w.sb = is_signed ? b >> 31 : 0;
  return w;
}

}  // namespace kprove::rv32im
