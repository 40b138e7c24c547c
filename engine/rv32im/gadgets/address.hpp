// The effective address of a load or store, addr = base + imm mod 2^32, and the part of its
// aligned word the access touches.
//   addr_lo = base_lo + imm_lo - 2^16 carry_lo              u16
//   addr_hi = base_hi + imm_hi + carry_lo - 2^16 carry_hi   u16
//   (addr_lo - bit0 - 2 bit1) / 4                           u16
// with the carries and bits boolean: four columns, the limbs affine in them. base and imm have
// u16 limbs (a register value, the program's immediate), so each limb sum is < 2^17 and only
// the RV32 carry puts it in [0, 2^16). x / 4 for x in (-4, 2^16) is a u16 only when 4 divides
// x (else x = 4y would hold in Z with y < 2^16), so bit0 + 2 bit1 = addr mod 4 and word() =
// addr - bit0 - 2 bit1 is the aligned word's address.
#pragma once

#include "engine/rv32im/step.hpp"

namespace kprove::rv32im {

struct Address {
  Word base, imm;
  uint32_t bit0 = 0, bit1 = 0, carry_lo = 0, carry_hi = 0;

  Expr lo() const { return col(base.lo) + col(imm.lo) - cst(1u << 16) * col(carry_lo); }
  Expr hi() const {
    return col(base.hi) + col(imm.hi) + col(carry_lo) - cst(1u << 16) * col(carry_hi);
  }
  Expr low_bits() const { return col(bit0) + cst(2) * col(bit1); }
  Expr word() const { return lo() - low_bits() + cst(1u << 16) * hi(); }
  // The half of word w that holds addr (bit1 picks it).
  Expr half_of(Word w) const { return col(w.lo) + col(bit1) * (col(w.hi) - col(w.lo)); }

  // word_access * (bit0 + bit1) + half_access * bit0 = 0, for exclusive selectors: the
  // accesses the emulator faults on as misaligned are unprovable.
  void require_aligned(ChipBuilder& b, const Expr& word_access, const Expr& half_access) const {
    b.constrain(word_access * (col(bit0) + col(bit1)) + half_access * col(bit0));
  }

  KOKKOS_INLINE_FUNCTION void fill(const RowWriter& w, uint32_t base_value,
                                   uint32_t imm_value) const {
    const uint32_t addr = base_value + imm_value;
    w.set(bit0, addr & 1), w.set(bit1, addr >> 1 & 1);
    w.set(carry_lo, ((base_value & 0xFFFFu) + (imm_value & 0xFFFFu)) >> 16);
    w.set(carry_hi, (uint64_t(base_value) + imm_value) >> 32);
  }
};

inline Address effective_address(ChipBuilder& b, Word base, Word imm, const Expr& is_real) {
  static const Felt inv4 = Felt::from_u64(4).inverse();
  Address a{base, imm};
  a.bit0 = b.witness("addr_bit0");
  a.bit1 = b.witness("addr_bit1");
  a.carry_lo = b.witness("addr_carry_lo");
  a.carry_hi = b.witness("addr_carry_hi");
  for (uint32_t x : {a.bit0, a.bit1, a.carry_lo, a.carry_hi}) b.constrain(chip::boolean(col(x)));
  b.range16(a.lo(), is_real);
  b.range16(a.hi(), is_real);
  b.range16(inv4 * (a.lo() - a.low_bits()), is_real);
  return a;
}

// The u16 with byte x at byte position `at` (boolean) and byte y at the other:
// x 256^at + y 256^(1-at).
inline Expr bytes_at(const Expr& at, const Expr& x, const Expr& y) {
  return x + cst(256) * y + cst(255) * at * (x - y);
}

// x in [0, 256) wherever multiplicity is 1: the and_byte row (x, 0, 0).
inline void byte_check(ChipBuilder& b, const Expr& x, const Expr& multiplicity) {
  b.send(chip::Bus::and_byte, {x, cst(0), cst(0)}, multiplicity);
}

}  // namespace kprove::rv32im
