// Small builders the chip definitions share: column/constant expressions, booleanity, and
// lookups into the fixed tables.
#pragma once

#include <initializer_list>

#include "engine/chip/builder.hpp"

namespace kprove::chip::detail {

inline Expr boolean(uint32_t c) { return chip::boolean(col(c)); }
inline Expr sum(std::initializer_list<uint32_t> cols) {
  Expr e = cst(0);
  for (uint32_t c : cols) e = e + col(c);
  return e;
}

inline Affine acol(uint32_t c) { return Affine::col(c); }
inline Affine asum(std::initializer_list<uint32_t> cols) {
  Affine a;
  for (uint32_t c : cols) a = a + acol(c);
  return a;
}
inline Felt felt(uint64_t k) { return Felt::from_u64(k); }

inline Interaction range16(Affine value, Affine selector) {
  return {Bus::u16_range, {std::move(value)}, std::move(selector)};
}
inline Interaction and_byte(uint32_t a, uint32_t b, uint32_t a_and_b, Affine selector) {
  return {Bus::and_byte, {acol(a), acol(b), acol(a_and_b)}, std::move(selector)};
}

}  // namespace kprove::chip::detail
