// The JALR chip on real guests' records, on every backend: witgen's rows pass every check of
// instruction_check.hpp, link pc + 4 and jump where the emulator did; rows with the target's
// low bit mishandled, a wrong link or the other wrap are rejected.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/rv32im/chips/jalr.hpp"
#include "rv32im/instruction_check.hpp"
#include "support/backends.hpp"

namespace kprove::rv32im {
namespace {

KPROVE_BACKEND_SUITE(JalrChipTest);

uint32_t sum(const vm::ITypeRecord& r) {
  return r.rs1.value + uint32_t(vm::decode(r.step.insn).imm);
}

template <class Exec>
void check_guest(const std::string& rel, std::span<const std::uint8_t> input = {}) {
  const JalrChip chip;
  const vm::ShardRecords shard = test::guest_shard(rel, input);
  const auto pcs = test::step_pcs(shard);
  const test::ChipTrace t = test::checked_trace<Exec>(chip, shard.jalr);
  for (std::size_t r = 0; r < t.real; ++r) {
    const vm::ITypeRecord& rec = shard.jalr[r];
    const uint32_t ts = rec.step.ts, link = rec.step.pc + 4;
    EXPECT_EQ(rec.rd.value, link);
    const auto state = test::messages_on(chip, t, r, chip::Bus::state);
    ASSERT_EQ(state.size(), 2u);
    test::expect_message(state[1], {pcs.at(ts + 4), ts + 4}, +1);
    const auto reg = test::messages_on(chip, t, r, chip::Bus::reg);
    ASSERT_EQ(reg.size(), 4u);  // rs1 read, rd write
    test::expect_message(reg[3], {vm::decode(rec.step.insn).rd, link & 0xFFFFu, link >> 16, ts + 2},
                         +1);
  }
}

TYPED_TEST(JalrChipTest, Jumps) {
  REQUIRE_GUESTS();
  check_guest<typename TestFixture::Exec>("asm/jumps");
  const auto records = test::guest_shard("asm/jumps").jalr;
  EXPECT_TRUE(std::any_of(records.begin(), records.end(),
                          [](const vm::ITypeRecord& r) { return sum(r) & 1; }));
}

TYPED_TEST(JalrChipTest, InsnCoverage) {
  REQUIRE_GUESTS();
  check_guest<typename TestFixture::Exec>("programs/insn_coverage");
}

TYPED_TEST(JalrChipTest, Sha256) {
  REQUIRE_GUESTS();
  const std::vector<std::uint8_t> input(100, 0x61);
  check_guest<typename TestFixture::Exec>("programs/sha256", input);
}

// bit0 flipped (the target rs1 + imm left odd, or rs1 + imm - 1): the constraints hold, but
// (rs1_lo + imm_lo - bit0) / 2 halves an odd number, about p/2: no u16.
TEST(JalrChipRejects, WrongLowBitIsRejected) {
  REQUIRE_GUESTS();
  const JalrChip chip;
  const auto records = test::guest_shard("asm/jumps").jalr;
  ASSERT_FALSE(records.empty());
  for (const vm::ITypeRecord& r : records) {
    std::vector<Felt> row = test::filled_row(chip, r);
    EXPECT_TRUE(test::row_failures(chip, row).empty());
    row[chip.cols().bit0] = Felt::one() - row[chip.cols().bit0];
    const auto failures = test::row_failures(chip, row);
    EXPECT_EQ(failures, test::table_misses(chip, row));
    EXPECT_EQ(failures.size(), 1u) << ::testing::PrintToString(failures);
  }
}

// link_lo moved by 1 or link_wrap flipped: link_hi = (pc + 4 - 2^32 link_wrap - link_lo) / 2^16
// is no u16, so its lookup misses.
TEST(JalrChipRejects, WrongLinkIsRejected) {
  REQUIRE_GUESTS();
  const JalrChip chip;
  const auto& c = chip.cols();
  for (const vm::ITypeRecord& r : test::guest_shard("asm/jumps").jalr) {
    std::vector<Felt> row = test::filled_row(chip, r);
    row[c.link.lo] += Felt::one();
    EXPECT_FALSE(test::table_misses(chip, row).empty());
    row = test::filled_row(chip, r);
    row[c.link.wrap] = Felt::one() - row[c.link.wrap];
    EXPECT_FALSE(test::table_misses(chip, row).empty());
  }
}

// jump_wrap flipped: the row is locally valid, but the next state's pc is rs1 + imm - bit0 +- 2^32,
// at least 2^32 or negative (p - 2^32 or more): no pc of the program, so no step can receive it.
TEST(JalrChipRejects, OtherWrapIsNoPc) {
  REQUIRE_GUESTS();
  const JalrChip chip;
  for (const vm::ITypeRecord& r : test::guest_shard("asm/jumps").jalr) {
    std::vector<Felt> row = test::filled_row(chip, r);
    row[chip.cols().jump_wrap] = Felt::one() - row[chip.cols().jump_wrap];
    EXPECT_TRUE(test::row_failures(chip, row).empty());
    std::vector<test::Message> state;
    for (test::Message& m : test::row_messages(chip, row))
      if (m.bus == chip::Bus::state && m.multiplicity == Felt::one()) state.push_back(m);
    ASSERT_EQ(state.size(), 1u);
    EXPECT_GE(state[0].tuple[0].value(), uint64_t(1) << 32);
  }
}

}  // namespace
}  // namespace kprove::rv32im
