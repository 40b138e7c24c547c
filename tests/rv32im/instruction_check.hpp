// Checks shared by the RV32IM instruction chip tests, on the records of a real guest run:
// witgen's trace satisfies every constraint and lookup, no witness column goes unnoticed,
// padding rows send nothing; and the local checks a tampered row must fail.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "engine/chip/tables.hpp"
#include "engine/rv32im/instruction_chip.hpp"
#include "support/chip_check.hpp"


namespace kprove::test {

// The first shard of guest `rel` (guests/<rel>.elf) run on `input`.
inline vm::ShardRecords guest_shard(const std::string& rel,
                                    std::span<const std::uint8_t> input = {}) {
  const auto guest =
      std::make_shared<vm::Guest>(vm::load_elf_file(guest_dir() + "/" + rel + ".elf"));
  return vm::record_all(*guest, input, 1ull << 30, 1ull << 30).at(0);
}

// The pc of every step of a shard by its timestamp: what the emulator ran next.
inline std::map<std::uint32_t, std::uint32_t> step_pcs(const vm::ShardRecords& shard) {
  std::map<std::uint32_t, std::uint32_t> out;
  shard.for_each_chip([&](vm::ChipKind, const auto& records) {
    for (const auto& r : records) out[r.step.ts] = r.step.pc;
  });
  return out;
}

// The lookups of a row into the fixed tables whose tuple is no row of its table.
inline std::vector<std::string> table_misses(const chip::Chip& chip, std::span<const Felt> row) {
  std::vector<std::string> out;
  for (const Message& m : row_messages(chip, row)) {
    if (m.multiplicity.is_zero() || (m.bus != chip::Bus::u16_range && m.bus != chip::Bus::and_byte))
      continue;
    std::uint64_t v[3] = {};
    std::string text = chip::to_string(m.bus);
    for (std::size_t i = 0; i < m.tuple.size(); ++i) {
      v[i] = m.tuple[i].value();
      text += " " + std::to_string(v[i]);
    }
    if (chip::table_row(m.bus, v) < 0) out.push_back(text);
  }
  return out;
}

// The constraints a row fails and its lookups that miss: empty iff the row is locally valid.
inline std::vector<std::string> row_failures(const chip::Chip& chip, std::span<const Felt> row) {
  std::vector<std::string> out = table_misses(chip, row);
  for (std::size_t j = 0; j < chip.constraints().size(); ++j)
    if (!chip.constraints()[j].evaluate(row).is_zero())
      out.push_back("constraint " + std::to_string(j));
  return out;
}

// witgen's trace of `records` on Exec, with the checks every instruction chip passes.
template <class Exec, class Chip>
ChipTrace checked_trace(const Chip& chip, const std::vector<typename Chip::Record>& records) {
  EXPECT_FALSE(records.empty());
  const ChipTrace t = chip_trace<Exec>(chip, records);
  EXPECT_EQ(t.cols, chip.num_columns());
  EXPECT_LE(chip.max_degree(), 3);
  const auto failures = constraint_failures(chip, t);
  EXPECT_TRUE(failures.empty()) << ::testing::PrintToString(failures);
  for (std::size_t r = 0; r < t.real; ++r) {
    const auto misses = table_misses(chip, t.row(r));
    EXPECT_TRUE(misses.empty()) << "row " << r << ": " << ::testing::PrintToString(misses);
  }
  const auto loose = unconstrained_columns(chip, t);
  EXPECT_TRUE(loose.empty()) << ::testing::PrintToString(loose);
  for (std::size_t r = t.real; r < t.rows; ++r)
    for (const Message& m : row_messages(chip, t.row(r)))
      EXPECT_TRUE(m.multiplicity.is_zero()) << "padding row " << r;
  return t;
}

// One row filled from `r` on the host, as witgen fills it: the start of a tampered row.
template <class Spec>
std::vector<Felt> filled_row(const rv32im::InstructionChip<Spec>& chip,
                             const typename Spec::Record& r) {
  std::vector<Felt> row(chip.num_columns(), Felt::zero());
  Spec::fill(chip.cols(), r, rv32im::RowWriter{row.data()});
  return row;
}

// The message's tuple is `tuple` and its multiplicity `multiplicity` (+1 send, -1 receive).
inline void expect_message(const Message& m, std::initializer_list<std::uint64_t> tuple,
                           int multiplicity) {
  std::vector<Felt> want;
  for (std::uint64_t v : tuple) want.push_back(Felt::from_u64(v));
  EXPECT_EQ(m.tuple, want);
  EXPECT_EQ(m.multiplicity, multiplicity > 0 ? Felt::one() : -Felt::one());
}

}  // namespace kprove::test
