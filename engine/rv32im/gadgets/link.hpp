// The link of JAL and JALR: rd = pc + 4 mod 2^32 as u16 limbs,
//   link_lo + 2^16 link_hi = pc + 4 is_real - 2^32 link_wrap
// with link_lo and link_hi (affine in the others) range-checked and link_wrap boolean: pc + 4
// < 2^33, so exactly one wrap puts the sum in [0, 2^32), where u16 limbs represent it once.
// The 4 is 4 is_real so the equation holds on padding rows.
#pragma once

#include "engine/rv32im/step.hpp"

namespace kprove::rv32im {

struct Link {
  uint32_t lo = 0, wrap = 0;
  Expr hi;  // affine: the high limb
};

inline Link link(ChipBuilder& b, StepCols step, const Expr& is_real) {
  static const Felt inv16 = Felt::from_u64(1u << 16).inverse();
  Link l;
  l.lo = b.witness("link_lo");
  l.wrap = b.witness("link_wrap");
  b.constrain(chip::boolean(col(l.wrap)));
  l.hi = inv16 * (col(step.pc) + cst(4) * is_real - cst(uint64_t(1) << 32) * col(l.wrap) -
                  col(l.lo));
  b.range16(col(l.lo), is_real);
  b.range16(l.hi, is_real);
  return l;
}

KOKKOS_INLINE_FUNCTION void fill_link(const RowWriter& w, const Link& l, uint32_t pc) {
  w.set(l.lo, (pc + 4) & 0xFFFFu);
  w.set(l.wrap, (uint64_t(pc) + 4) >> 32);
}

}  // namespace kprove::rv32im
