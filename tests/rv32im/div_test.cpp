// The DIV/DIVU/REM/REMU chip on the records of real guests, on every backend: constraints
// hold, rd's write carries the emulator's value, the next state pc + 4, no witness column is
// unconstrained; and rows forged with another (quotient, remainder) pair that still satisfies
// dividend = divisor * quotient + remainder are rejected.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/rv32im/chips/div.hpp"
#include "support/backends.hpp"
#include "support/r_type_check.hpp"

namespace kprove::rv32im {
namespace {

using vm::Op;

KPROVE_BACKEND_SUITE(DivChipTest);

std::vector<vm::RTypeRecord> records(const std::string& guest) {
  return test::guest_records<vm::RTypeRecord>(guest, vm::ChipKind::div);
}

constexpr auto is = test::r_type_is;

Felt minus(uint64_t v) { return Felt::zero() - Felt::from_u64(v); }

TYPED_TEST(DivChipTest, InsnCoverage) {
  REQUIRE_GUESTS();
  const DivChip chip;
  EXPECT_EQ(chip.max_degree(), 3);
  test::check_r_type_chip<typename TestFixture::Exec>(chip, records("programs/insn_coverage"));
}

// asm/div: every sign combination, division by zero for every op, INT_MIN / -1, rd = x0.
TYPED_TEST(DivChipTest, DivEdgeCases) {
  REQUIRE_GUESTS();
  const DivChip chip;
  const auto recs = records("asm/div");
  for (Op op : {Op::div, Op::divu, Op::rem, Op::remu}) {
    EXPECT_TRUE(std::any_of(recs.begin(), recs.end(), is(op, 0x80000000u, 0)));
    EXPECT_TRUE(std::any_of(recs.begin(), recs.end(), is(op, 0x80000000u, 0xffffffffu)));
    EXPECT_TRUE(std::any_of(recs.begin(), recs.end(), is(op, 0xffffffecu, 6)));
  }
  test::check_r_type_chip<typename TestFixture::Exec>(chip, recs);
}

// DIV -20 / 6 = -3 rem -2, forged as floor division -4 rem 4: the division and the bound
// (|4| < |6|, slack 1) hold; the remainder's sign is not the dividend's, and
// (sx - sr) r = (1 - 0) 4 is the one constraint that fails.
TYPED_TEST(DivChipTest, RemainderOfTheWrongSignIsRejected) {
  REQUIRE_GUESTS();
  const DivChip chip;
  const auto recs = records("asm/div");
  const auto t = test::chip_trace<typename TestFixture::Exec>(chip, recs);
  const auto& c = chip.cols();
  test::ForgedRow row = test::row_where(t, recs, is(Op::div, 0xffffffecu, 6));
  row.word(c.result.value, 0xfffffffcu);
  row.word(c.result.other, 4);
  row.set(c.quotient_sign, uint64_t(1));
  row.set(c.remainder_sign, uint64_t(0));
  row.word(c.slack, 1);
  EXPECT_EQ(row.failing_constraints(chip).size(), 1u);
  EXPECT_TRUE(row.out_of_range(chip).empty());
}

// REMU 20 % 6 = 2, forged as 8 with quotient 2: the division holds, and so does the bound
// with slack_lo = 6 - 8 - 1 = -3 in the field, which its u16 lookup rejects.
TYPED_TEST(DivChipTest, UnreducedRemainderIsRejected) {
  REQUIRE_GUESTS();
  const DivChip chip;
  const auto recs = records("asm/div");
  const auto t = test::chip_trace<typename TestFixture::Exec>(chip, recs);
  const auto& c = chip.cols();
  test::ForgedRow row = test::row_where(t, recs, is(Op::remu, 0x14, 6));
  row.word(c.result.value, 8);
  row.word(c.result.other, 2);
  row.set(c.slack.lo, minus(3));
  row.set(c.slack.hi, uint64_t(0));
  EXPECT_TRUE(row.failing_constraints(chip).empty());
  EXPECT_EQ(row.out_of_range(chip), std::vector<uint64_t>{minus(3).value()});
}

// DIVU 5 / 0 = 2^32 - 1, forged as 0: with divisor_zero set, dz (q - (2^32 - 1)) fails; with
// it clear, the bound needs slack = 0 - 5 - 1 = -6, out of range.
TYPED_TEST(DivChipTest, DivisionByZeroQuotientIsForced) {
  REQUIRE_GUESTS();
  const DivChip chip;
  const auto recs = records("asm/div");
  const auto t = test::chip_trace<typename TestFixture::Exec>(chip, recs);
  const auto& c = chip.cols();
  test::ForgedRow row = test::row_where(t, recs, is(Op::divu, 5, 0));
  row.word(c.result.value, 0);
  EXPECT_EQ(row.failing_constraints(chip).size(), 1u);
  row.set(c.divisor_zero, uint64_t(0));
  row.set(c.slack.lo, minus(6));
  row.set(c.slack.hi, uint64_t(0));
  EXPECT_TRUE(row.failing_constraints(chip).empty());
  EXPECT_EQ(row.out_of_range(chip), std::vector<uint64_t>{minus(6).value()});
}

// DIV INT_MIN / -1 = INT_MIN rem 0. Forged as INT_MAX rem -1: (-1) (2^31 - 1) - 1 = -2^31
// holds, but |r'| = |d'| = 1 makes the bound's slack -1. Forged as the same words read
// q' = -2^31 (sq = 1), r' = -2^32 (r = 0, sr = 1): the division holds again, and the bound's
// slack is 1 - 2^32 - 1 = -2^32. Both are out of range.
TYPED_TEST(DivChipTest, SignedOverflowIsForced) {
  REQUIRE_GUESTS();
  const DivChip chip;
  const auto recs = records("asm/div");
  const auto t = test::chip_trace<typename TestFixture::Exec>(chip, recs);
  const auto& c = chip.cols();
  const test::ForgedRow honest = test::row_where(t, recs, is(Op::div, 0x80000000u, 0xffffffffu));
  test::ForgedRow row = honest;
  row.word(c.result.value, 0x7fffffffu);
  row.word(c.result.other, 0xffffffffu);
  row.set(c.remainder_sign, uint64_t(1));
  row.set(c.slack.lo, minus(1));
  EXPECT_TRUE(row.failing_constraints(chip).empty());
  EXPECT_EQ(row.out_of_range(chip), std::vector<uint64_t>{minus(1).value()});

  row = honest;
  row.set(c.quotient_sign, uint64_t(1));
  row.set(c.remainder_sign, uint64_t(1));
  row.set(c.slack.hi, minus(1u << 16));  // slack = 2^16 slack_hi = -2^32
  EXPECT_TRUE(row.failing_constraints(chip).empty());
  EXPECT_EQ(row.out_of_range(chip), std::vector<uint64_t>{minus(1u << 16).value()});
}

}  // namespace
}  // namespace kprove::rv32im
