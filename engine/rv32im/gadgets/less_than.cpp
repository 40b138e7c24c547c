#include "engine/rv32im/gadgets/less_than.hpp"

namespace kprove::rv32im {

void less_than(ChipBuilder& b, const Expr& gate, const Expr& signed_gate, const Limbs& x,
               const Limbs& y, Word d, const Expr& sa, const Expr& sb, const Expr& lt_gate) {
  static const Felt inv16 = Felt::from_u64(1u << 16).inverse();
  const Expr two16 = cst(1u << 16);
  const Expr k0 = inv16 * (col(d.lo) + y.lo - x.lo);
  b.constrain(gate * chip::boolean(k0));
  b.constrain(gate * (col(d.hi) + y.hi + k0 - x.hi) -
              two16 * (lt_gate + signed_gate * (sb - sa)));
}

}  // namespace kprove::rv32im
