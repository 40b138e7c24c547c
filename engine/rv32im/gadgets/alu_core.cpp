#include "engine/rv32im/gadgets/alu_core.hpp"

#include <string>

namespace kprove::rv32im {

AluSelectors::AluSelectors(const Selectors& s, const std::array<vm::Op, kAluOps>& ops) {
  for (uint32_t i = 0; i < kAluOps; ++i)
    column_[i] = ops[i] == vm::Op::invalid ? -1 : int32_t(s.column(ops[i]));
}

Expr AluSelectors::any(std::initializer_list<AluOp> ops) const {
  Expr e;
  bool first = true;
  for (AluOp op : ops)
    if (has(op)) {
      e = first ? col(column_[uint32_t(op)]) : e + col(column_[uint32_t(op)]);
      first = false;
    }
  return e;
}

Expr AluSelectors::gated(std::initializer_list<std::pair<AluOp, Expr>> terms) const {
  Expr e;
  bool first = true;
  for (const auto& [op, x] : terms)
    if (has(op)) {
      const Expr term = col(column_[uint32_t(op)]) * x;
      e = first ? term : e + term;
      first = false;
    }
  return e;
}

namespace {
using Op = AluOp;

// The scratch column s is the top bit of the u16 limb hi wherever gate is 1: s boolean and
// 2 hi - 2^16 s in [0, 2^16) (gadgets/sign_bit.hpp's check on a shared column, so its
// booleanity is gated; a non-boolean s would pass the lookup for any hi).
void top_bit(ChipBuilder& b, const Expr& hi, uint32_t s, const Expr& gate) {
  b.constrain(gate * chip::boolean(col(s)));
  b.range16(cst(2) * hi - cst(1u << 16) * col(s), gate);
}

// c = a op b for add and sub: boolean carries as expressions.
void add_sub(ChipBuilder& b, const AluSelectors& sel, const Limbs& x, const Limbs& y, Word c) {
  static const Felt inv16 = Felt::from_u64(1u << 16).inverse();
  const Expr clo = col(c.lo), chi = col(c.hi);
  const Expr add0 = inv16 * (x.lo + y.lo - clo), add1 = inv16 * (x.hi + y.hi + add0 - chi);
  const Expr sub0 = inv16 * (clo + y.lo - x.lo), sub1 = inv16 * (chi + y.hi + sub0 - x.hi);
  b.constrain(sel.gated({{Op::add, chip::boolean(add0)}, {Op::sub, chip::boolean(sub0)}}));
  b.constrain(sel.gated({{Op::add, chip::boolean(add1)}, {Op::sub, chip::boolean(sub1)}}));
}

// The bitwise operations from the bytes' ANDs.
void bitwise(ChipBuilder& b, const AluSelectors& sel, const Limbs& x, const Limbs& y, Word c,
             const uint32_t* t, bool immediate) {
  static const Felt inv8 = Felt::from_u64(1u << 8).inverse();
  static const Felt inv_ffff = Felt::from_u64(0xFFFFu).inverse();
  const Expr two8 = cst(1u << 8), two = cst(2);
  const Expr mult = sel.any({Op::and_, Op::or_, Op::xor_});
  // f(limb) with X = the limb of a & b.
  auto result = [&](const Expr& c_limb, const Expr& a, const Expr& bb, const Expr& X) {
    return sel.gated({{Op::and_, c_limb - X},
                      {Op::or_, c_limb - a - bb + X},
                      {Op::xor_, c_limb - a - bb + two * X}});
  };
  b.interact(chip::Bus::and_byte, {col(t[0]), col(t[2]), col(t[4])}, mult);
  b.interact(chip::Bus::and_byte,
             {inv8 * (x.lo - col(t[0])), inv8 * (y.lo - col(t[2])), col(t[5])}, mult);
  b.constrain(result(col(c.lo), x.lo, y.lo, col(t[4]) + two8 * col(t[5])));
  if (immediate) {
    b.constrain(result(col(c.hi), x.hi, y.hi, x.hi * (inv_ffff * y.hi)));
    return;
  }
  b.interact(chip::Bus::and_byte, {col(t[1]), col(t[3]), col(t[6])}, mult);
  b.interact(chip::Bus::and_byte,
             {inv8 * (x.hi - col(t[1])), inv8 * (y.hi - col(t[3])), col(t[7])}, mult);
  b.constrain(result(col(c.hi), x.hi, y.hi, col(t[6]) + two8 * col(t[7])));
}

void shifts(ChipBuilder& b, const AluSelectors& sel, const Limbs& x, const Limbs& y,
            const AluCoreCols& k) {
  const Expr one = cst(1), two16 = cst(1u << 16), two32 = cst(uint64_t(1) << 32);
  const Expr shift = sel.any({Op::sll, Op::srl, Op::sra});
  const Expr e0 = col(k.t[0]), e1 = col(k.t[1]), e2 = col(k.t[2]), e3 = col(k.t[3]);
  const Expr s4 = col(k.t[4]), n = col(k.t[5]), mx = col(k.t[6]), fill = col(k.t[7]);
  const Expr pow = col(k.pow), w = col(k.w), clo = col(k.c.lo), chi = col(k.c.hi);
  for (uint32_t i = 0; i < 5; ++i) b.constrain(shift * chip::boolean(col(k.t[i])));
  // b_lo = s_low + 16 s4 (+ 32 rest): s_low = e for sll, 15 - e for srl/sra.
  const Expr e = e0 + cst(2) * e1 + cst(4) * e2 + cst(8) * e3;
  const Expr high = cst(16) * s4 + (k.immediate ? Expr() : cst(32) * col(k.rest));
  b.constrain(sel.gated({{Op::sll, y.lo - e - high},
                         {Op::srl, y.lo - cst(15) + e - high},
                         {Op::sra, y.lo - cst(15) + e - high}}));
  // pow = 2^e (sll) or 2^(e+1) (srl/sra), through N = 2^(e0+2e1) (times 2).
  const Expr f01 = (one + e0) * (one + cst(3) * e1);
  b.constrain(sel.gated(
      {{Op::sll, n - f01}, {Op::srl, n - cst(2) * f01}, {Op::sra, n - cst(2) * f01}}));
  b.constrain(pow - n * (one + cst(15) * e2) * (one + cst(255) * e3));
  b.constrain(shift * (mx - (one - s4) * pow));
  // The product's limbs (header comment).
  const Expr sll_y = clo + s4 * (chi - clo) + two16 * (chi + s4 * (w - chi)) +
                     two32 * (one - s4) * w;
  const Expr sr_y = (one - s4) * w + two16 * (clo + s4 * (w - clo)) +
                    two32 * (chi + s4 * (clo - chi));
  const Expr left = x.lo * pow + two16 * x.hi * mx - sll_y;
  const Expr right = x.lo * mx + two16 * x.hi * pow - sr_y;
  b.constrain(sel.gated({{Op::sll, left},
                         {Op::srl, right},
                         {Op::sra, right - two32 * fill * (pow - two16)}}));
  // A limb shifted in: zero, or the sign's.
  b.constrain(sel.gated({{Op::sll, s4 * clo},
                         {Op::srl, s4 * chi},
                         {Op::sra, s4 * (chi - cst(0xFFFF) * fill)}}));
}
}  // namespace

AluCoreCols alu_core(ChipBuilder& b, const AluSelectors& sel, Word c, Word a, Word bw,
                     bool immediate) {
  AluCoreCols k;
  k.immediate = immediate;
  k.c = c;
  for (uint32_t i = 0; i < 8; ++i) k.t[i] = b.witness("t" + std::to_string(i));
  k.w = b.witness("w");
  if (!immediate) k.rest = b.witness("rest");
  k.pow = b.witness("pow");
  const Limbs x = limbs(a), y = limbs(bw);
  const Expr real = sel.any({Op::add, Op::sub, Op::sll, Op::slt, Op::sltu, Op::xor_, Op::srl,
                             Op::sra, Op::or_, Op::and_});
  const Expr lt = sel.any({Op::slt, Op::sltu});
  const Expr shift = sel.any({Op::sll, Op::srl, Op::sra});

  add_sub(b, sel, x, y, k.c);
  bitwise(b, sel, x, y, k.c, k.t, immediate);
  shifts(b, sel, x, y, k);
  // slt/sltu: lt = c_lo. An immediate's sign is b_hi / 0xFFFF.
  const uint32_t d_hi = immediate ? k.t[0] : k.rest;
  static const Felt inv_ffff = Felt::from_u64(0xFFFFu).inverse();
  const Expr sb = immediate ? inv_ffff * y.hi : col(k.t[6]);
  less_than(b, lt, sel.any({Op::slt}), x, y, Word{k.w, d_hi}, col(k.t[7]), sb, lt * col(k.c.lo));
  b.constrain(lt * col(k.c.hi));

  b.range16(col(k.c.lo), real);
  b.range16(col(k.c.hi), real);
  b.range16(col(k.w), shift + lt);
  b.range16(col(d_hi), immediate ? lt : shift + lt);
  top_bit(b, x.hi, k.t[7], sel.any({Op::slt, Op::sra}));
  if (!immediate) top_bit(b, y.hi, k.t[6], sel.any({Op::slt}));
  return k;
}

}  // namespace kprove::rv32im
