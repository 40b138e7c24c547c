// Checks of an R-type instruction chip (MUL*, DIV/REM) on real records, and of rows a
// cheating prover might write: on every row of its trace the constraints vanish, no witness
// column goes unnoticed, rd's write carries the record's value at ts + 2, the next state is
// (pc + 4, ts + 4) and padding rows send nothing; a forged row is judged by the constraints
// it breaks and the u16 range lookups it makes out of range.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "engine/chip/builder.hpp"
#include "support/chip_check.hpp"

namespace kprove::test {


template <class Exec, class Chip>
ChipTrace check_r_type_chip(const Chip& chip, const std::vector<vm::RTypeRecord>& records) {
  EXPECT_FALSE(records.empty());
  const ChipTrace t = chip_trace<Exec>(chip, records);
  EXPECT_EQ(t.cols, chip.num_columns());
  EXPECT_TRUE(constraint_failures(chip, t).empty())
      << ::testing::PrintToString(constraint_failures(chip, t));
  EXPECT_TRUE(unconstrained_columns(chip, t).empty())
      << ::testing::PrintToString(unconstrained_columns(chip, t));
  for (std::size_t r = 0; r < t.real; ++r) {
    const vm::RTypeRecord& rec = records[r];
    const auto reg = messages_on(chip, t, r, chip::Bus::reg);
    EXPECT_EQ(reg.size(), 6u);  // receive the previous tuple and send the new one, 3 registers
    if (reg.size() != 6u) continue;
    const Message& rd = reg[5];
    EXPECT_EQ(rd.multiplicity, Felt::one());
    EXPECT_EQ(rd.tuple[0], Felt::from_u64(vm::decode(rec.step.insn).rd));
    EXPECT_EQ(rd.tuple[1], Felt::from_u64(rec.rd.value & 0xFFFF)) << "row " << r;
    EXPECT_EQ(rd.tuple[2], Felt::from_u64(rec.rd.value >> 16)) << "row " << r;
    EXPECT_EQ(rd.tuple[3], Felt::from_u64(rec.step.ts + 2));
    const auto state = messages_on(chip, t, r, chip::Bus::state);
    EXPECT_EQ(state.size(), 2u);
    if (state.size() != 2u) continue;
    EXPECT_EQ(state[1].multiplicity, Felt::one());
    EXPECT_EQ(state[1].tuple[0], Felt::from_u64(rec.step.pc + 4));
    EXPECT_EQ(state[1].tuple[1], Felt::from_u64(rec.step.ts + 4));
  }
  for (std::size_t r = t.real; r < t.rows; ++r)
    for (const Message& m : row_messages(chip, t.row(r)))
      EXPECT_TRUE(m.multiplicity.is_zero()) << "padding row " << r;
  return t;
}

// A row under test: an honest row of a trace, then changed cell by cell.
struct ForgedRow {
  std::vector<Felt> cells;

  void set(uint32_t c, Felt v) { cells[c] = v; }
  void set(uint32_t c, uint64_t v) { cells[c] = Felt::from_u64(v); }
  void word(chip::Word w, uint32_t v) { set(w.lo, v & 0xFFFFu), set(w.hi, v >> 16); }
  // Indices of the constraints that do not vanish.
  std::vector<std::size_t> failing_constraints(const chip::Chip& chip) const {
    std::vector<std::size_t> out;
    for (std::size_t j = 0; j < chip.constraints().size(); ++j)
      if (!chip.constraints()[j].evaluate(std::span<const Felt>(cells)).is_zero()) out.push_back(j);
    return out;
  }
  // The values the row looks up in u16_range that the table does not hold.
  std::vector<uint64_t> out_of_range(const chip::Chip& chip) const {
    std::vector<uint64_t> out;
    for (const Message& m : row_messages(chip, cells))
      if (m.bus == chip::Bus::u16_range && !m.multiplicity.is_zero() &&
          m.tuple[0].value() >= (1u << 16))
        out.push_back(m.tuple[0].value());
    return out;
  }
};

// The first row of `t` whose record satisfies `pred`; fails the test when there is none.
template <class Pred>
ForgedRow row_where(const ChipTrace& t, const std::vector<vm::RTypeRecord>& records, Pred pred) {
  for (std::size_t r = 0; r < t.real; ++r)
    if (pred(records[r])) return {std::vector<Felt>(t.row(r).begin(), t.row(r).end())};
  ADD_FAILURE() << "no such record";
  return {std::vector<Felt>(t.cols, Felt::zero())};
}

// Selects the record of `op` on operands (a, b).
inline auto r_type_is(vm::Op op, uint32_t a, uint32_t b) {
  return [=](const vm::RTypeRecord& r) {
    return vm::decode(r.step.insn).op == op && r.rs1.value == a && r.rs2.value == b;
  };
}

}  // namespace kprove::test
