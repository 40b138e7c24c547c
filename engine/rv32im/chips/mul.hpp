// MUL, MULH, MULHSU, MULHU: the 64-bit product of rs1 = a and rs2 = b, each read signed or
// unsigned as the op says; rd = its low word (MUL) or its high word (the others).
//   a' = a - 2^32 sa,  b' = b - 2^32 sb         sa (MULH, MULHSU), sb (MULH) the operands'
//                                               sign bits, else 0 (gadgets/sign_bit.hpp)
//   a' b' = low + 2^32 (high - 2^32 sh)          (product)
//   a_lo b_lo = low_lo + 2^16 carry0             (low limb)
// low and high are the result pair (gadgets/result_pair.hpp: rd gets low for MUL, high for
// the others), u16 limbs like carry0; sh is boolean.
// Why the result is unique: `low limb` holds over the integers (both sides below 2^32), so
// low_lo = a' b' mod 2^16. The sides of `product`, read as integers, lie in [-2^64, 2^64), so
// they differ by k p with |k| <= 2; both are a' b' mod 2^16 (the right one is low_lo mod 2^16)
// and p = 1 mod 2^16 makes k p = k mod 2^16: k = 0, `product` holds over the integers. Then
// low = a' b' mod 2^32, and high - 2^32 sh, a number in [-2^32, 2^32) that high in [0, 2^32)
// and boolean sh represent in one way only, is floor(a' b' / 2^32): high is the RV32 result,
// the product's high word in two's complement.
// 29 columns; constraints of degree 2.
#pragma once

#include "engine/rv32im/gadgets/r_type.hpp"
#include "engine/rv32im/gadgets/result_pair.hpp"
#include "engine/rv32im/gadgets/sign_bit.hpp"
#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct MulSpec {
  static constexpr const char* kName = "mul";
  static constexpr vm::ChipKind kKind = vm::ChipKind::mul;
  using Record = vm::RTypeRecord;
  static constexpr std::size_t kColumns = 29;

  struct Cols {
    Selectors op;
    ResultPair result;
    RTypeStep step;
    uint32_t rs1_sign, rs2_sign, high_sign, carry0;
  };

  static Cols build(ChipBuilder& b) {
    Cols c;
    c.op = selectors(b, vm::Op::mul, vm::Op::mulhu);
    const Expr real = c.op.is_real(), is_low = c.op.is(vm::Op::mul), is_high = real - is_low;
    const Expr mulh = c.op.is(vm::Op::mulh), mulhsu = c.op.is(vm::Op::mulhsu);
    c.result = result_pair(b, real);
    c.step = r_type_step(b, c.op, c.result.value);
    const Word rs1 = c.step.rs1_read.value, rs2 = c.step.rs2_read.value;
    c.rs1_sign = sign_bit(b, "rs1_sign", rs1, mulh + mulhsu, real - mulh - mulhsu);
    c.rs2_sign = sign_bit(b, "rs2_sign", rs2, mulh, real - mulh);
    c.high_sign = b.witness("high_sign");
    c.carry0 = b.witness("carry0");
    b.constrain(chip::boolean(col(c.high_sign)));
    b.range16(col(c.carry0), real);
    b.constrain(col(rs1.lo) * col(rs2.lo) - c.result.lo(is_low, is_high) -
                cst(1u << 16) * col(c.carry0));
    const Expr low = c.result.word(is_low, is_high), high = c.result.word(is_high, is_low);
    b.constrain(signed_value(chip::value_of(rs1), col(c.rs1_sign)) *
                    signed_value(chip::value_of(rs2), col(c.rs2_sign)) -
                low - cst(uint64_t(1) << 32) * signed_value(high, col(c.high_sign)));
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const vm::Op op = fill_r_type_step(c.step, c.op, r, w);
    const uint32_t a = r.rs1.value, b = r.rs2.value;
    const bool a_signed = op == vm::Op::mulh || op == vm::Op::mulhsu, b_signed = op == vm::Op::mulh;
    // a' b' mod 2^64 from the operands sign-extended to 64 bits. On the signed ops
    // |a' b'| < 2^63, so that int64 is a' b' and its high word's top bit is sh; else a' b' >= 0.
    const uint64_t a64 = a_signed ? uint64_t(int64_t(int32_t(a))) : a;
    const uint64_t b64 = b_signed ? uint64_t(int64_t(int32_t(b))) : b;
    const uint64_t product = a64 * b64;
    const uint32_t low = uint32_t(product), high = uint32_t(product >> 32);
    w.word(c.result.value, op == vm::Op::mul ? low : high);
    w.word(c.result.other, op == vm::Op::mul ? high : low);
    w.set(c.rs1_sign, sign_of(a, a_signed));
    w.set(c.rs2_sign, sign_of(b, b_signed));
    w.set(c.high_sign, sign_of(high, a_signed));
    w.set(c.carry0, ((a & 0xFFFFu) * (b & 0xFFFFu)) >> 16);
  }
};

using MulChip = InstructionChip<MulSpec>;

}  // namespace kprove::rv32im
