// ALU chip: ADD, SUB, AND, OR, XOR, SLT (signed) on 32-bit values held as two u16 limbs.
//  - ADD: a + b = c + 2^32 carry1 with a limb carry chain (carries boolean, limbs u16-checked).
//  - SUB: proven as b + c = a, the same chain.
//  - SLT: d = a - b via the chain on sign-flipped operands a' = a ^ 2^31, b' = b ^ 2^31, whose
//    final borrow is a <s b = c. Sign bits are bound to the high limbs by range-checking
//    2 hi - 2^16 sign, so the flip stays linear in the columns.
//  - AND/OR/XOR: operands split into bytes (composition holds on every row), each byte pair
//    looked up with its AND in the and_byte table; OR and XOR follow linearly from AND.
// One-hot opcode selectors; is_real is their sum, so padding rows (all zero) look up nothing.
#pragma once

#include <cstdint>

#include "engine/chip/witgen.hpp"
#include "engine/chip/record_chip.hpp"
#include "engine/workload/opcode.hpp"

namespace kprove::chip {

namespace alu {
// clang-format off
enum Col : uint32_t {
  IS_ADD, IS_SUB, IS_AND, IS_OR, IS_XOR, IS_SLT,  // in Opcode order ADD..SLT
  IS_REAL,
  A_LO, A_HI, B_LO, B_HI, C_LO, C_HI,
  CARRY0, CARRY1,  // ADD: a + b; SUB: b + c = a; SLT: b' + d = a'
  SIGN_A, SIGN_B,  // top bits of a and b
  D_LO, D_HI,      // SLT: d = a - b mod 2^32
  A_B0, A_B1, A_B2, A_B3, B_B0, B_B1, B_B2, B_B3, AND_B0, AND_B1, AND_B2, AND_B3,
  NUM_COLS
};
// clang-format on
}  // namespace alu

namespace detail {
struct AluRow {
  static constexpr std::size_t kColumns = alu::NUM_COLS;
  static constexpr workload::OpClass op_class = workload::OpClass::alu;

  KOKKOS_INLINE_FUNCTION static void fill(const workload::StepRecord& s, Felt* row) {
    using namespace alu;
    using workload::Opcode;
    const uint32_t a = s.a, b = s.b, c = s.c;
    const uint32_t alo = a & 0xFFFFu, ahi = a >> 16, blo = b & 0xFFFFu, bhi = b >> 16;
    const uint32_t clo = c & 0xFFFFu, chi = c >> 16;
    uint32_t carry0 = 0, carry1 = 0, d = 0;
    switch (static_cast<Opcode>(s.op)) {
      case Opcode::ADD:
        carry0 = (alo + blo) >> 16;
        carry1 = (ahi + bhi + carry0) >> 16;
        break;
      case Opcode::SUB:
        carry0 = (blo + clo) >> 16;
        carry1 = (bhi + chi + carry0) >> 16;
        break;
      case Opcode::SLT:
        d = a - b;
        carry0 = (blo + (d & 0xFFFFu)) >> 16;
        carry1 = ((bhi ^ 0x8000u) + (d >> 16) + carry0) >> 16;
        break;
      default: break;
    }
    // A record of another class leaves all selectors 0, which the one-hot constraint rejects.
    if (s.op <= uint32_t(Opcode::SLT)) row[IS_ADD + s.op] = Felt::one();
    row[IS_REAL] = Felt::one();
    row[A_LO] = small(alo), row[A_HI] = small(ahi);
    row[B_LO] = small(blo), row[B_HI] = small(bhi);
    row[C_LO] = small(clo), row[C_HI] = small(chi);
    row[CARRY0] = small(carry0), row[CARRY1] = small(carry1);
    row[SIGN_A] = small(a >> 31), row[SIGN_B] = small(b >> 31);
    row[D_LO] = small(d & 0xFFFFu), row[D_HI] = small(d >> 16);
    for (uint32_t k = 0; k < 4; ++k) {
      const uint32_t ak = (a >> (8 * k)) & 0xFFu, bk = (b >> (8 * k)) & 0xFFu;
      row[A_B0 + k] = small(ak), row[B_B0 + k] = small(bk), row[AND_B0 + k] = small(ak & bk);
    }
  }
};
}  // namespace detail

class AluChip : public RecordChip<detail::AluRow> {
 public:
  AluChip();
};

}  // namespace kprove::chip
