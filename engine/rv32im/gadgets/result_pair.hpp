// Two 32-bit results of which rd gets one (MUL*: the product's low or high word; DIV/REM: the
// quotient or the remainder): `value`, the word written, and `other`, each two u16 limbs
// range-checked on real rows. The circuit binds both, so `other` must be a word too.
#pragma once

#include "engine/rv32im/step.hpp"

namespace kprove::rv32im {

struct ResultPair {
  Word value, other;

  // The result that is `value` where `is_value` is 1 and `other` where `is_other` is
  // (selector sums with is_value + is_other = is_real): as a word, and its low limb.
  Expr word(const Expr& is_value, const Expr& is_other) const {
    return is_value * chip::value_of(value) + is_other * chip::value_of(other);
  }
  Expr lo(const Expr& is_value, const Expr& is_other) const {
    return is_value * col(value.lo) + is_other * col(other.lo);
  }
};

inline ResultPair result_pair(ChipBuilder& b, const Expr& is_real) {
  ResultPair p;
  p.value = b.witness_word("value");
  p.other = b.witness_word("other");
  for (uint32_t c : {p.value.lo, p.value.hi, p.other.lo, p.other.hi}) b.range16(col(c), is_real);
  return p;
}

}  // namespace kprove::rv32im
