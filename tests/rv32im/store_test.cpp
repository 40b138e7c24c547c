// The store chip (SB SH SW) on real guests' records, on every backend: witgen's rows pass every
// check of instruction_check.hpp and send what the emulator did; rows of a prover changing
// bytes a store does not write, storing the wrong part of rs2 or a misaligned word or half
// are rejected.
#include <gtest/gtest.h>

#include "engine/rv32im/chips/store.hpp"
#include "rv32im/instruction_check.hpp"
#include "support/backends.hpp"

namespace kprove::rv32im {
namespace {

KPROVE_BACKEND_SUITE(StoreChipTest);

uint32_t address(const vm::StoreRecord& r) {
  return r.rs1.value + uint32_t(vm::decode(r.step.insn).imm);
}
vm::Op op_of(const vm::StoreRecord& r) { return vm::decode(r.step.insn).op; }

template <class Exec>
void check_guest(const std::string& rel, std::span<const std::uint8_t> input = {}) {
  const StoreChip chip;
  const vm::ShardRecords shard = test::guest_shard(rel, input);
  const auto pcs = test::step_pcs(shard);
  const test::ChipTrace t = test::checked_trace<Exec>(chip, shard.store);
  for (std::size_t r = 0; r < t.real; ++r) {
    const vm::StoreRecord& rec = shard.store[r];
    const uint32_t ts = rec.step.ts, prev = rec.mem.prev_value, next = rec.mem.value;
    const auto state = test::messages_on(chip, t, r, chip::Bus::state);
    ASSERT_EQ(state.size(), 2u);
    test::expect_message(state[1], {pcs.at(ts + 4), ts + 4}, +1);
    ASSERT_EQ(test::messages_on(chip, t, r, chip::Bus::reg).size(), 4u);  // rs1, rs2 reads
    const auto mem = test::messages_on(chip, t, r, chip::Bus::mem);
    ASSERT_EQ(mem.size(), 2u);
    test::expect_message(mem[0], {rec.mem.addr, prev & 0xFFFFu, prev >> 16, rec.mem.prev_ts, 1},
                         -1);
    test::expect_message(mem[1], {rec.mem.addr, next & 0xFFFFu, next >> 16, ts + 3, 1}, +1);
  }
}

TYPED_TEST(StoreChipTest, Stores) {
  REQUIRE_GUESTS();
  check_guest<typename TestFixture::Exec>("asm/stores");
}

TYPED_TEST(StoreChipTest, InsnCoverage) {
  REQUIRE_GUESTS();
  check_guest<typename TestFixture::Exec>("programs/insn_coverage");
}

TYPED_TEST(StoreChipTest, Sha256) {
  REQUIRE_GUESTS();
  const std::vector<std::uint8_t> input(100, 0x61);
  check_guest<typename TestFixture::Exec>("programs/sha256", input);
}

// The stored word with byte p of the merged word changed, for each byte p a SB or SH does not
// write: a byte of the other half fails the "other half is m's" constraint, a byte of the
// same half the merge constraint (h' = h + (byte - gone) 256^bit0, or h' = rs2_lo).
TEST(StoreChipRejects, ChangedByteOutsideTheStore) {
  REQUIRE_GUESTS();
  const StoreChip chip;
  std::size_t cheats = 0;
  for (const vm::StoreRecord& r : test::guest_shard("asm/stores").store) {
    const uint32_t size = op_of(r) == vm::Op::sb ? 1 : op_of(r) == vm::Op::sh ? 2 : 4;
    for (uint32_t p = 0; p < 4; ++p) {
      if (p - (address(r) & 3) < size) continue;
      ++cheats;
      std::vector<Felt> row = test::filled_row(chip, r);
      RowWriter{row.data()}.word(chip.cols().merged, r.mem.value ^ 1u << 8 * p);
      EXPECT_TRUE(test::table_misses(chip, row).empty());
      EXPECT_FALSE(test::row_failures(chip, row).empty()) << vm::mnemonic(op_of(r)) << " " << p;
    }
  }
  EXPECT_GT(cheats, 20u);
}

// SB changing the kept byte of its half as well, with gone moved so that h = gone 256^bit0 +
// keep 256^(1-bit0) and the merge still hold: every constraint holds, but gone is no byte
// (gone - 256, or gone - 1/256 in the field), so its and_byte lookup misses.
TEST(StoreChipRejects, KeptByteMovedIntoGoneIsRejected) {
  REQUIRE_GUESTS();
  const StoreChip chip;
  const auto& c = chip.cols();
  const Felt inv256 = Felt::from_u64(256).inverse();
  std::size_t cheats = 0;
  for (const vm::StoreRecord& r : test::guest_shard("asm/stores").store) {
    if (op_of(r) != vm::Op::sb) continue;
    std::vector<Felt> row = test::filled_row(chip, r);
    const uint32_t at = address(r) & 1, keep = uint32_t(row[c.keep].value());
    if (keep == 0xFF) continue;
    ++cheats;
    const uint32_t keep_bit = 8 * ((address(r) & 3) ^ 1);
    row[c.keep] += Felt::one();
    row[c.gone] -= at ? inv256 : Felt::from_u64(256);
    RowWriter{row.data()}.word(c.merged, r.mem.value + (1u << keep_bit));
    const auto failures = test::row_failures(chip, row);
    EXPECT_EQ(failures, test::table_misses(chip, row));
    EXPECT_EQ(failures.size(), 1u) << ::testing::PrintToString(failures);
  }
  EXPECT_GT(cheats, 4u);
}

// SB storing rs2's second byte, with rest moved so that byte = rs2_lo - 256 rest is that byte:
// the constraints hold, but rest = (rs2_lo - byte) / 256 is no byte, so its lookup misses.
// SH storing rs2's high half: the merge constraint h' = rs2_lo fails.
TEST(StoreChipRejects, WrongPartOfRs2IsRejected) {
  REQUIRE_GUESTS();
  const StoreChip chip;
  const auto& c = chip.cols();
  const Felt inv256 = Felt::from_u64(256).inverse();
  std::size_t cheats = 0;
  for (const vm::StoreRecord& r : test::guest_shard("asm/stores").store) {
    const uint32_t sh = (address(r) & 3) * 8, v = r.rs2.value;
    std::vector<Felt> row = test::filled_row(chip, r);
    if (op_of(r) == vm::Op::sb && (v >> 8 & 0xFF) != (v & 0xFF)) {
      const uint32_t byte1 = v >> 8 & 0xFF;
      row[c.rest] = (Felt::from_u64(v & 0xFFFF) - Felt::from_u64(byte1)) * inv256;
      RowWriter{row.data()}.word(c.merged, (r.mem.value & ~(0xFFu << sh)) | byte1 << sh);
      const auto failures = test::row_failures(chip, row);
      EXPECT_EQ(failures, test::table_misses(chip, row));
      EXPECT_FALSE(failures.empty());
    } else if (op_of(r) == vm::Op::sh && (v >> 16) != (v & 0xFFFF)) {
      RowWriter{row.data()}.word(c.merged, (r.mem.value & ~(0xFFFFu << sh)) | (v >> 16) << sh);
      EXPECT_TRUE(test::table_misses(chip, row).empty());
      EXPECT_FALSE(test::row_failures(chip, row).empty());
    } else {
      continue;
    }
    ++cheats;
  }
  EXPECT_GT(cheats, 4u);
}

// SW at addr = 4k + j (j != 0), SH at addr + 1: the true low bits fail the alignment
// constraint and nothing else; claiming aligned bits makes the (addr_lo - bit0 - 2 bit1)/4
// lookup miss.
TEST(StoreChipRejects, MisalignedStoreIsRejected) {
  REQUIRE_GUESTS();
  const StoreChip chip;
  std::size_t cheats = 0;
  for (const vm::StoreRecord& r : test::guest_shard("asm/stores").store) {
    if (op_of(r) == vm::Op::sb) continue;
    for (uint32_t j = 1; j < (op_of(r) == vm::Op::sw ? 4 : 2); ++j) {
      ++cheats;
      vm::StoreRecord misaligned = r;
      misaligned.rs1.value += j;
      std::vector<Felt> row = test::filled_row(chip, misaligned);
      EXPECT_TRUE(test::table_misses(chip, row).empty());
      EXPECT_EQ(test::row_failures(chip, row).size(), 1u);
      RowWriter{row.data()}.set(chip.cols().addr.bit0, 0);
      if (op_of(r) == vm::Op::sw) RowWriter{row.data()}.set(chip.cols().addr.bit1, 0);
      EXPECT_FALSE(test::table_misses(chip, row).empty());
    }
  }
  EXPECT_GT(cheats, 10u);
}

}  // namespace
}  // namespace kprove::rv32im
