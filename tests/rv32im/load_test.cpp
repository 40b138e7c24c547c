// The load chip (LB LH LW LBU LHU) on real guests' records, on every backend: witgen's rows
// pass every check of instruction_check.hpp and send what the emulator did; rows of a prover
// claiming another byte or half, a misaligned word or a wrong sign extension are rejected.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/rv32im/chips/load.hpp"
#include "rv32im/instruction_check.hpp"
#include "support/backends.hpp"

namespace kprove::rv32im {
namespace {

KPROVE_BACKEND_SUITE(LoadChipTest);

// What a load of `op` at addr returns from the aligned word holding it.
uint32_t loaded(vm::Op op, uint32_t word, uint32_t addr) {
  const uint32_t v = word >> (addr & 3) * 8;
  switch (op) {
    case vm::Op::lb: return uint32_t(int32_t(int8_t(v)));
    case vm::Op::lh: return uint32_t(int32_t(int16_t(v)));
    case vm::Op::lbu: return v & 0xFFu;
    case vm::Op::lhu: return v & 0xFFFFu;
    default: return word;
  }
}

uint32_t address(const vm::LoadRecord& r) {
  return r.rs1.value + uint32_t(vm::decode(r.step.insn).imm);
}

// The row of `r` filled as if rs1 were rs1 + shift (the address, bytes, sign and value of
// another address), then given back the committed rs1: what a prover claiming that address
// for the same step would commit.
std::vector<Felt> claimed_row(const LoadChip& chip, vm::LoadRecord r, uint32_t shift) {
  const uint32_t rs1 = r.rs1.value;
  r.rs1.value += shift;
  r.rd.value = loaded(vm::decode(r.step.insn).op, r.mem.value, address(r));
  std::vector<Felt> row = test::filled_row(chip, r);
  RowWriter{row.data()}.word(chip.cols().rs1_read.value, rs1);
  return row;
}

template <class Exec>
void check_guest(const std::string& rel, std::span<const std::uint8_t> input = {}) {
  const LoadChip chip;
  const vm::ShardRecords shard = test::guest_shard(rel, input);
  const auto pcs = test::step_pcs(shard);
  const test::ChipTrace t = test::checked_trace<Exec>(chip, shard.load);
  for (std::size_t r = 0; r < t.real; ++r) {
    const vm::LoadRecord& rec = shard.load[r];
    const uint32_t ts = rec.step.ts, v = rec.mem.value;
    const auto state = test::messages_on(chip, t, r, chip::Bus::state);
    ASSERT_EQ(state.size(), 2u);
    test::expect_message(state[1], {pcs.at(ts + 4), ts + 4}, +1);
    const auto reg = test::messages_on(chip, t, r, chip::Bus::reg);
    ASSERT_EQ(reg.size(), 4u);  // rs1 read, rd write
    test::expect_message(reg[3], {vm::decode(rec.step.insn).rd, rec.rd.value & 0xFFFFu,
                                  rec.rd.value >> 16, ts + 2}, +1);
    const auto mem = test::messages_on(chip, t, r, chip::Bus::mem);
    ASSERT_EQ(mem.size(), 2u);
    test::expect_message(mem[0], {rec.mem.addr, v & 0xFFFFu, v >> 16, rec.mem.prev_ts,
                                  rec.mem.writable}, -1);
    test::expect_message(mem[1], {rec.mem.addr, v & 0xFFFFu, v >> 16, ts + 3, rec.mem.writable},
                         +1);
  }
}

TYPED_TEST(LoadChipTest, Loads) {
  REQUIRE_GUESTS();
  check_guest<typename TestFixture::Exec>("asm/loads");
  // .rodata and .data: read-only and writable words
  const auto records = test::guest_shard("asm/loads").load;
  const auto writable = std::count_if(records.begin(), records.end(),
                                      [](const vm::LoadRecord& r) { return r.mem.writable; });
  EXPECT_GT(writable, 0);
  EXPECT_LT(std::size_t(writable), records.size());
}

TYPED_TEST(LoadChipTest, InsnCoverage) {
  REQUIRE_GUESTS();
  check_guest<typename TestFixture::Exec>("programs/insn_coverage");
}

TYPED_TEST(LoadChipTest, Sha256) {
  REQUIRE_GUESTS();
  const std::vector<std::uint8_t> input(100, 0x61);
  check_guest<typename TestFixture::Exec>("programs/sha256", input);
}

// Every other address in the word, with the witness that address implies, leaves the committed
// rs1 + imm: the address lookups (addr_lo - bit0 - 2 bit1)/4 or a limb miss, since the limbs
// and low bits of rs1 + imm are unique. Only the true address passes.
TEST(LoadChipRejects, AnotherByteOrHalfIsRejected) {
  REQUIRE_GUESTS();
  const LoadChip chip;
  const auto records = test::guest_shard("asm/loads").load;
  std::size_t cheats = 0;
  for (const vm::LoadRecord& r : records) {
    const vm::Op op = vm::decode(r.step.insn).op;
    if (op == vm::Op::lw) continue;
    EXPECT_TRUE(test::row_failures(chip, test::filled_row(chip, r)).empty());
    const uint32_t size = op == vm::Op::lh || op == vm::Op::lhu ? 2 : 1;
    for (uint32_t shift = size; shift < 4; shift += size) {
      const uint32_t other = (address(r) & ~3u) | ((address(r) + shift) & 3);
      if (loaded(op, r.mem.value, other) == r.rd.value) continue;
      ++cheats;
      EXPECT_FALSE(test::table_misses(chip, claimed_row(chip, r, other - address(r))).empty())
          << vm::mnemonic(op) << " at " << address(r) << " claimed at " << other;
    }
  }
  EXPECT_GT(cheats, 20u);
}

// LW at addr = 4k + j (j != 0), LH and LHU at addr + 1: the true low bits fail the alignment
// constraint (and others: the value's or the byte split's) while the lookups hold; claiming
// aligned bits instead makes the (addr_lo - bit0 - 2 bit1)/4 lookup miss.
TEST(LoadChipRejects, MisalignedLoadIsRejected) {
  REQUIRE_GUESTS();
  const LoadChip chip;
  std::size_t cheats = 0;
  for (const vm::LoadRecord& r : test::guest_shard("asm/loads").load) {
    const vm::Op op = vm::decode(r.step.insn).op;
    if (op == vm::Op::lb || op == vm::Op::lbu) continue;
    for (uint32_t j = 1; j < (op == vm::Op::lw ? 4 : 2); ++j) {
      ++cheats;
      vm::LoadRecord misaligned = r;
      misaligned.rs1.value += j;
      std::vector<Felt> row = test::filled_row(chip, misaligned);
      EXPECT_TRUE(test::table_misses(chip, row).empty());
      EXPECT_FALSE(test::row_failures(chip, row).empty());
      RowWriter{row.data()}.set(chip.cols().addr.bit0, 0);
      if (op == vm::Op::lw) RowWriter{row.data()}.set(chip.cols().addr.bit1, 0);
      EXPECT_FALSE(test::table_misses(chip, row).empty());
    }
  }
  EXPECT_GT(cheats, 20u);
}

// A byte or half with bit 7 / bit 15 set, loaded with the other extension (LB zero-extended,
// LBU sign-extended, ...): the value constraints hold with ext flipped, but and_byte(top,
// 0x80 signed, 0x80 ext) is no table row.
TEST(LoadChipRejects, WrongExtensionIsRejected) {
  REQUIRE_GUESTS();
  const LoadChip chip;
  const auto& c = chip.cols();
  std::size_t cheats = 0;
  for (const vm::LoadRecord& r : test::guest_shard("asm/loads").load) {
    const vm::Op op = vm::decode(r.step.insn).op;
    const uint32_t bits = op == vm::Op::lb || op == vm::Op::lbu ? 8 : 16;
    const uint32_t v = loaded(op, r.mem.value, address(r)) & ((1u << bits) - 1);
    if (op == vm::Op::lw || !(v >> (bits - 1))) continue;
    ++cheats;
    std::vector<Felt> row = test::filled_row(chip, r);
    const bool ext = !row[c.ext].is_zero();
    const uint32_t flipped = ext ? v : v | ~((1u << bits) - 1);
    const RowWriter w{row.data()};
    w.set(c.ext, !ext);
    w.word(c.value, flipped);
    EXPECT_TRUE(test::table_misses(chip, row).size() == 1 &&
                test::row_failures(chip, row).size() == 1)
        << ::testing::PrintToString(test::row_failures(chip, row));
  }
  EXPECT_GT(cheats, 4u);
}

}  // namespace
}  // namespace kprove::rv32im
