// The sign of a register word that some ops of a chip read as signed: a column s with
//   s (s - 1 + is_unsigned) = 0      s boolean, and 0 where the op reads the word unsigned
//   2 hi - 2^16 s in [0, 2^16)        looked up where the op reads it signed
// (is_signed + is_unsigned = is_real). hi is a u16 limb, as every register value's is, so
// 2 hi - 2^16 s is in range exactly when s is hi's top bit (the trick of the old ALU's SLT);
// signed_value(value, s) = value - 2^32 s is then the value the op reads.
#pragma once

#include <string>

#include "engine/rv32im/step.hpp"

namespace kprove::rv32im {

inline uint32_t sign_bit(ChipBuilder& b, const std::string& name, Word w, const Expr& is_signed,
                         const Expr& is_unsigned) {
  const uint32_t s = b.witness(name);
  b.constrain(col(s) * (col(s) - cst(1) + is_unsigned));
  b.range16(cst(2) * col(w.hi) - cst(1u << 16) * col(s), is_signed);
  return s;
}

// The two's complement reading of a 32-bit value whose sign is `sign`.
inline Expr signed_value(const Expr& value, const Expr& sign) {
  return value - cst(uint64_t(1) << 32) * sign;
}

KOKKOS_INLINE_FUNCTION uint32_t sign_of(uint32_t v, bool is_signed) {
  return is_signed ? v >> 31 : 0;
}

}  // namespace kprove::rv32im
