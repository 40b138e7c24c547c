// The MUL/MULH/MULHSU/MULHU chip on the records of real guests, on every backend: constraints
// hold, rd's write carries the emulator's value, the next state pc + 4, no witness column is
// unconstrained; and rows forged with wrong results are rejected.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/rv32im/chips/mul.hpp"
#include "support/backends.hpp"
#include "support/r_type_check.hpp"

namespace kprove::rv32im {
namespace {

using vm::Op;

KPROVE_BACKEND_SUITE(MulChipTest);

std::vector<vm::RTypeRecord> records(const std::string& guest) {
  return test::guest_records<vm::RTypeRecord>(guest, vm::ChipKind::mul);
}

constexpr auto is = test::r_type_is;

TYPED_TEST(MulChipTest, InsnCoverage) {
  REQUIRE_GUESTS();
  const MulChip chip;
  EXPECT_EQ(chip.max_degree(), 2);
  test::check_r_type_chip<typename TestFixture::Exec>(chip, records("programs/insn_coverage"));
}

// asm/mul: every op on 0, -1, INT_MIN, INT_MAX, 0xffff and mixed signs, and rd = x0.
TYPED_TEST(MulChipTest, MulEdgeCases) {
  REQUIRE_GUESTS();
  const MulChip chip;
  const auto recs = records("asm/mul");
  for (Op op : {Op::mul, Op::mulh, Op::mulhsu, Op::mulhu})
    for (uint32_t a : {0x80000000u, 0xffffffffu})
      EXPECT_TRUE(std::any_of(recs.begin(), recs.end(), is(op, a, 0x80000000u)))
          << vm::mnemonic(op) << " " << a;
  EXPECT_TRUE(std::any_of(recs.begin(), recs.end(), [](const vm::RTypeRecord& r) {
    return vm::decode(r.step.insn).rd == vm::kRegSink;
  }));
  test::check_r_type_chip<typename TestFixture::Exec>(chip, recs);
}

// MUL 3 * 7 = 21 claimed as 22 with high word 2^32 - 1: 22 + 2^32 (2^32 - 1) = 21 + p, so the
// product equation holds in the field. The low limb equation 21 = 22 + 2^16 carry0 then needs
// carry0 = -2^-16, which the u16 range lookup of carry0 rejects.
TYPED_TEST(MulChipTest, ProductWrappedByPIsRejected) {
  REQUIRE_GUESTS();
  const MulChip chip;
  const auto recs = records("asm/mul");
  const auto t = test::chip_trace<typename TestFixture::Exec>(chip, recs);
  const auto& c = chip.cols();
  test::ForgedRow row = test::row_where(t, recs, is(Op::mul, 3, 7));
  row.word(c.result.value, 22);
  row.word(c.result.other, 0xffffffffu);
  EXPECT_FALSE(row.failing_constraints(chip).empty());  // the low limb, carry0 still 0
  row.set(c.carry0, (Felt::zero() - Felt::one()) * Felt::from_u64(1u << 16).inverse());
  EXPECT_TRUE(row.failing_constraints(chip).empty());
  EXPECT_EQ(row.out_of_range(chip).size(), 1u);
}

// MULH INT_MIN * INT_MIN = 2^62: any other high word breaks the product equation.
TYPED_TEST(MulChipTest, WrongHighWordIsRejected) {
  REQUIRE_GUESTS();
  const MulChip chip;
  const auto recs = records("asm/mul");
  const auto t = test::chip_trace<typename TestFixture::Exec>(chip, recs);
  test::ForgedRow row = test::row_where(t, recs, is(Op::mulh, 0x80000000u, 0x80000000u));
  for (uint32_t forged : {0x40000001u, 0x3fffffffu, 0xc0000000u, 0u}) {
    row.word(chip.cols().result.value, forged);
    EXPECT_FALSE(row.failing_constraints(chip).empty()) << forged;
  }
}

// MULH -7 * 3 read as unsigned (rs1_sign 0): the MULHU result 2 with the same low word
// satisfies every constraint; only the sign lookup 2 a_hi - 0 = 0x1fffe is out of range.
TYPED_TEST(MulChipTest, SignedOperandReadUnsignedIsRejected) {
  REQUIRE_GUESTS();
  const MulChip chip;
  const auto recs = records("asm/mul");
  const auto t = test::chip_trace<typename TestFixture::Exec>(chip, recs);
  const auto& c = chip.cols();
  test::ForgedRow row = test::row_where(t, recs, is(Op::mulh, 0xfffffff9u, 3));
  row.set(c.rs1_sign, uint64_t(0));
  row.set(c.high_sign, uint64_t(0));
  row.word(c.result.value, uint32_t((uint64_t(0xfffffff9u) * 3) >> 32));
  EXPECT_TRUE(row.failing_constraints(chip).empty());
  EXPECT_EQ(row.out_of_range(chip), std::vector<uint64_t>{0x1fffe});
}

}  // namespace
}  // namespace kprove::rv32im
