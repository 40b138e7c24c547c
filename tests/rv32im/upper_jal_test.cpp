// The LUI/AUIPC and JAL chips on the records of real guests, on every backend: constraints
// hold, the register write carries the emulator's value, the next state its next pc, and no
// witness column is unconstrained.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/rv32im/chips/jal.hpp"
#include "engine/rv32im/chips/upper.hpp"
#include "support/backends.hpp"
#include "support/chip_check.hpp"

namespace kprove::rv32im {
namespace {


KPROVE_BACKEND_SUITE(UpperJalTest);

template <class Exec, class Chip>
void check_chip(const Chip& chip, const std::vector<typename Chip::Record>& records) {
  ASSERT_FALSE(records.empty());
  const test::ChipTrace t = test::chip_trace<Exec>(chip, records);
  EXPECT_EQ(t.cols, chip.num_columns());
  EXPECT_TRUE(test::constraint_failures(chip, t).empty())
      << ::testing::PrintToString(test::constraint_failures(chip, t));
  EXPECT_TRUE(test::unconstrained_columns(chip, t).empty())
      << ::testing::PrintToString(test::unconstrained_columns(chip, t));
  for (std::size_t r = 0; r < t.real; ++r) {
    const auto& rec = records[r];
    const auto writes = test::messages_on(chip, t, r, chip::Bus::reg);
    ASSERT_EQ(writes.size(), 2u);  // receive the previous value, send the new one
    const auto& sent = writes[1];
    EXPECT_EQ(sent.tuple[1], Felt::from_u64(rec.rd.value & 0xFFFF));
    EXPECT_EQ(sent.tuple[2], Felt::from_u64(rec.rd.value >> 16));
    EXPECT_EQ(sent.tuple[3], Felt::from_u64(rec.step.ts + 2));
  }
  for (std::size_t r = t.real; r < t.rows; ++r)
    for (const auto& m : test::row_messages(chip, t.row(r)))
      EXPECT_TRUE(m.multiplicity.is_zero()) << "padding row " << r;
}

TYPED_TEST(UpperJalTest, UpperOnInsnCoverage) {
  REQUIRE_GUESTS();
  const UpperChip chip;
  check_chip<typename TestFixture::Exec>(
      chip, test::guest_records<vm::UTypeRecord>("programs/insn_coverage", vm::ChipKind::upper));
}

TYPED_TEST(UpperJalTest, JalOnSha256) {
  REQUIRE_GUESTS();
  const JalChip chip;
  const std::vector<std::uint8_t> input(100, 0x61);
  const auto records =
      test::guest_records<vm::UTypeRecord>("programs/sha256", vm::ChipKind::jal, input);
  check_chip<typename TestFixture::Exec>(chip, records);
  const test::ChipTrace t = test::chip_trace<typename TestFixture::Exec>(chip, records);
  for (std::size_t r = 0; r < t.real; ++r) {
    const auto state = test::messages_on(chip, t, r, chip::Bus::state);
    ASSERT_EQ(state.size(), 2u);
    const vm::Insn insn = vm::decode(records[r].step.insn);
    EXPECT_EQ(state[1].tuple[0], Felt::from_u64(records[r].step.pc + uint32_t(insn.imm)));
  }
}

}  // namespace
}  // namespace kprove::rv32im
