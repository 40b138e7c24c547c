// DIV, DIVU, REM, REMU: rs1 = x (dividend), rs2 = d (divisor); rd = the quotient q (DIV, DIVU)
// or the remainder r (REM, REMU) of RISC-V's division, which truncates toward zero, gives
// q = 2^32 - 1 (-1) and r = x for d = 0, and q = INT_MIN, r = 0 for INT_MIN / -1.
// Signed ops read x' = x - 2^32 sx and d' = d - 2^32 sd (gadgets/sign_bit.hpp; sx = sd = 0 on
// unsigned ops); q and r are the result pair (gadgets/result_pair.hpp, u16 limbs), read as
// q' = q - 2^32 sq and r' = r - 2^32 sr with sq, sr, dz boolean and |v'| = v + sv (2^32 - 2v):
//   d' q' + r' = x'                                (division)
//   |d'| - |r'| - 1 + 2^32 dz = slack_lo + 2^16 slack_hi,  slack limbs u16   (bound)
//   dz d = 0,  dz (q - (2^32 - 1)) = 0             (division by zero)
//   sr (sr - sx) = 0,  (sx - sr) r = 0             (r' is 0 or has x's sign)
//   sq (sq - signed (1 - dz)) = 0                  (sq = 0 on unsigned ops and for d = 0)
// (signed = is_div + is_rem; on unsigned ops sr = 0 follows from sx = 0.)
// Why q and r are unique:
//  - `division` is an integer equation: on signed ops |d'| <= 2^31 (sd is d's sign bit) and
//    |q'|, |r'|, |x'| <= 2^32, so its sides stay below 2^63 + 2^33 < p in size; on unsigned ops
//    (all signs 0) it reads d q + r = x with d q + r <= (2^32 - 1)^2 + 2^32 - 1 = p - 1.
//    `bound` is one too (sides below 2^33), so its left side is >= 0.
//  - d != 0: dz d = 0 gives dz = 0, so |r'| < |d'|, and r' is 0 or of x's sign: the remainder
//    of truncating division, and q' = (x' - r') / d' its quotient, one pair for each x', d'.
//    Both lie in [-2^32, 2^32), where v = v' mod 2^32 and boolean sv = [v' < 0] are the only
//    representation. q' is in [-2^31, 2^31) except for INT_MIN / -1, whose quotient 2^31 is
//    q = 2^31 with sq = 0 (sq is no sign bit of q): RISC-V's INT_MIN, and r = 0.
//  - d = 0: dz = 0 would make `bound`'s left side -|r'| - 1 < 0, so dz = 1 and q = 2^32 - 1;
//    `division` reads r' = x', so r = x (and sr = sx). The bound holds: 2^32 - 1 - |x'| >= 0.
// 32 columns; constraints of degree 3.
#pragma once

#include "engine/rv32im/gadgets/r_type.hpp"
#include "engine/rv32im/gadgets/result_pair.hpp"
#include "engine/rv32im/gadgets/sign_bit.hpp"
#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct DivSpec {
  static constexpr const char* kName = "div";
  static constexpr vm::ChipKind kKind = vm::ChipKind::div;
  using Record = vm::RTypeRecord;
  static constexpr std::size_t kColumns = 32;

  struct Cols {
    Selectors op;
    ResultPair result;
    RTypeStep step;
    uint32_t rs1_sign, rs2_sign, quotient_sign, remainder_sign, divisor_zero;
    Word slack;
  };

  static Cols build(ChipBuilder& b) {
    Cols c;
    c.op = selectors(b, vm::Op::div, vm::Op::remu);
    const Expr real = c.op.is_real();
    const Expr is_quotient = c.op.is(vm::Op::div) + c.op.is(vm::Op::divu);
    const Expr is_remainder = real - is_quotient;
    const Expr is_signed = c.op.is(vm::Op::div) + c.op.is(vm::Op::rem);
    c.result = result_pair(b, real);
    c.step = r_type_step(b, c.op, c.result.value);
    const Word x = c.step.rs1_read.value, d = c.step.rs2_read.value;
    c.rs1_sign = sign_bit(b, "rs1_sign", x, is_signed, real - is_signed);
    c.rs2_sign = sign_bit(b, "rs2_sign", d, is_signed, real - is_signed);
    c.quotient_sign = b.witness("quotient_sign");
    c.remainder_sign = b.witness("remainder_sign");
    c.divisor_zero = b.witness("divisor_zero");
    c.slack = b.witness_word("slack");
    const Expr sx = col(c.rs1_sign), sd = col(c.rs2_sign), sq = col(c.quotient_sign);
    const Expr sr = col(c.remainder_sign), dz = col(c.divisor_zero);
    const Expr q = c.result.word(is_quotient, is_remainder);
    const Expr r = c.result.word(is_remainder, is_quotient);
    const Expr two32 = cst(uint64_t(1) << 32);
    const auto magnitude = [&](const Expr& v, const Expr& s) {
      return v + s * (two32 - cst(2) * v);
    };
    b.constrain(signed_value(chip::value_of(d), sd) * signed_value(q, sq) + signed_value(r, sr) -
                signed_value(chip::value_of(x), sx));
    b.constrain(magnitude(chip::value_of(d), sd) - magnitude(r, sr) - real + two32 * dz -
                chip::value_of(c.slack));
    b.range16(col(c.slack.lo), real);
    b.range16(col(c.slack.hi), real);
    b.constrain(chip::boolean(dz));
    b.constrain(dz * chip::value_of(d));
    b.constrain(dz * (q - (two32 - cst(1))));
    b.constrain(sr * (sr - sx));
    b.constrain((sx - sr) * r);
    b.constrain(sq * (sq - is_signed + is_signed * dz));
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const vm::Op op = fill_r_type_step(c.step, c.op, r, w);
    const uint32_t x = r.rs1.value, d = r.rs2.value;
    const bool is_signed = op == vm::Op::div || op == vm::Op::rem;
    const bool overflow = is_signed && x == 0x80000000u && d == ~0u;
    uint32_t q = ~0u, rem = x;  // d = 0
    if (overflow) {
      q = x, rem = 0;
    } else if (d != 0 && is_signed) {
      q = uint32_t(int32_t(x) / int32_t(d)), rem = uint32_t(int32_t(x) % int32_t(d));
    } else if (d != 0) {
      q = x / d, rem = x % d;
    }
    const bool quotient = op == vm::Op::div || op == vm::Op::divu;
    w.word(c.result.value, quotient ? q : rem);
    w.word(c.result.other, quotient ? rem : q);
    const uint32_t sd = sign_of(d, is_signed), sr = sign_of(rem, is_signed);
    w.set(c.rs1_sign, sign_of(x, is_signed));
    w.set(c.rs2_sign, sd);
    w.set(c.quotient_sign, d != 0 && !overflow ? sign_of(q, is_signed) : 0);
    w.set(c.remainder_sign, sr);
    w.set(c.divisor_zero, d == 0);
    const uint64_t two32 = uint64_t(1) << 32;
    const uint64_t abs_d = sd ? two32 - d : d, abs_r = sr ? two32 - rem : rem;
    w.word(c.slack, uint32_t(abs_d + (d == 0 ? two32 : 0) - abs_r - 1));
  }
};

using DivChip = InstructionChip<DivSpec>;

}  // namespace kprove::rv32im
