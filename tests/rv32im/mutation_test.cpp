// Mutation testing of the machine's constraint system on the honest witness of a guest that
// gives every chip real rows (support/rv32_every_chip.hpp).
//  - Every witness cell of every real row, one more (+1), must be rejected. Host check, every
//    cell: with the tables as witgen made them, the verifier rejects iff the row violates a
//    constraint or its share of the LogUp sum, sum_l m_l / (alpha - fingerprint_l), changes
//    (random extension-field alpha, beta: a change that cancels has negligible probability).
//    Full prove + verify_program: one random witness column per chip (the seed is printed), or
//    every one with KPROVE_MUTATION=all.
//  - Every word a chip writes to a register or memory has u16 limbs, which the chips reading
//    it assume (step.hpp): its limbs moved by 2^16 (lo + 2^16, hi - 1, the same value) must be
//    rejected even by a cheater whose readers echo them and who recounts the lookup tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/chip/tables.hpp"
#include "support/random.hpp"
#include "support/rv32_every_chip.hpp"

namespace kprove::test::rv32 {
namespace {

struct Cell {
  std::size_t chip, row;
  uint32_t column;
};

// The ALU and branch chips share scratch columns between opcodes (gadgets/alu_core.hpp); an
// opcode that does not use one leaves it free on its rows. Not yet pinned to zero there: the
// one open exception to "every witness cell is bound" (an unused cell feeds no constraint or
// interaction of its row, so it cannot change what the row proves).
bool is_unused_scratch(const Cheat& honest, const Cell& m) {
  const chip::Chip& chip = *honest.chips()[m.chip];
  return is_alu_scratch(chip, chip.columns()[m.column]);
}

// Whether the verifier rejects the honest witness with cell m one more (tables untouched).
bool host_rejects(const Cheat& honest, const Cell& m, Ext alpha, Ext beta) {
  const chip::Chip& chip = *honest.chips()[m.chip];
  const chip::HostTrace& t = honest.traces[m.chip];
  std::vector<Felt> row(t.cells.begin() + std::ptrdiff_t(m.row * t.cols),
                        t.cells.begin() + std::ptrdiff_t((m.row + 1) * t.cols));
  BusSums before{}, after{};
  add_logup_share(before, chip, row.data(), alpha, beta);
  row[m.column] += Felt::one();
  for (const Expr& e : chip.constraints())
    if (!e.evaluate<Felt>(row).is_zero()) return true;
  add_logup_share(after, chip, row.data(), alpha, beta);
  return after != before;
}

std::vector<std::size_t> real_rows(const chip::HostTrace& t) {
  std::vector<std::size_t> out;
  for (std::size_t r = 0; r < t.rows; ++r)
    if (!Cheat::is_padding(t, r)) out.push_back(r);
  return out;
}

struct Challenges {
  uint64_t seed = test_seed();
  Rng rng{seed};
  Ext alpha = rng.ext(), beta = rng.ext();
};

TEST(Rv32Mutation, EveryWitnessCellOfARealRowIsBound) {
  const Cheat& honest = every_chip_honest();
  Challenges ch;
  SCOPED_TRACE("KPROVE_TEST_SEED=" + std::to_string(ch.seed));
  for (std::size_t k = 0; k < honest.chips().size(); ++k) {
    const chip::Chip& chip = *honest.chips()[k];
    const std::vector<std::size_t> rows = real_rows(honest.traces[k]);
    ASSERT_FALSE(rows.empty()) << chip.name();
    for (uint32_t c = uint32_t(chip.fixed_columns()); c < chip.num_columns(); ++c) {
      std::size_t bound = 0;
      for (std::size_t r : rows) {
        const Cell m{k, r, c};
        const bool rejects = host_rejects(honest, m, ch.alpha, ch.beta);
        bound += rejects;
        EXPECT_TRUE(rejects || is_unused_scratch(honest, m))
            << chip.name() << "." << chip.columns()[c] << " row " << r << " is not bound";
      }
      if (!is_unused_scratch(honest, Cell{k, rows[0], c}))
        EXPECT_GT(bound, 0u) << chip.name() << "." << chip.columns()[c] << " is bound on no row";
    }
  }
}

// The full check: the host check's verdict on a cell, one more, is the verifier's.
TEST(Rv32Mutation, ThePerturbedWitnessIsRejectedByTheVerifier) {
  const Cheat& honest = every_chip_honest();
  const char* env = std::getenv("KPROVE_MUTATION");
  const bool all = env != nullptr && std::string(env) == "all";
  Challenges ch;
  SCOPED_TRACE("KPROVE_TEST_SEED=" + std::to_string(ch.seed));
  const auto verdict = [&](const Cell& m) {
    Cheat c = honest;
    c.traces[m.chip].cells[m.row * c.traces[m.chip].cols + m.column] += Felt::one();
    return c.rejection();
  };
  for (std::size_t k = 0; k < honest.chips().size(); ++k) {
    const chip::Chip& chip = *honest.chips()[k];
    const uint32_t first = uint32_t(chip.fixed_columns());
    std::vector<uint32_t> columns{first + uint32_t(ch.rng.u64() % chip.witness_columns())};
    if (all)
      for (uint32_t c = first; c < chip.num_columns(); ++c)
        if (c != columns[0]) columns.push_back(c);
    for (uint32_t c : columns) {
      const std::string what = chip.name() + "." + chip.columns()[c];
      std::optional<Cell> bound;
      for (std::size_t r : real_rows(honest.traces[k]))
        if (const Cell m{k, r, c}; !bound && host_rejects(honest, m, ch.alpha, ch.beta)) bound = m;
      if (!bound && is_unused_scratch(honest, Cell{k, 0, c})) continue;
      ASSERT_TRUE(bound) << what;
      EXPECT_NE(verdict(*bound), "") << what << " row " << bound->row;
    }
  }
}

// A word a chip writes: a reg or mem send whose (lo, hi) no receive of the chip echoes.
struct WordWrite {
  const chip::Affine *lo, *hi;
};
std::vector<WordWrite> word_writes(const chip::Chip& chip, const Felt* real_row) {
  const auto same = [](const chip::Affine& a, const chip::Affine& b) {
    return a.constant() == b.constant() && a.terms() == b.terms();
  };
  std::vector<WordWrite> out;
  for (const chip::Interaction& send : chip.interactions()) {
    if ((send.bus != chip::Bus::reg && send.bus != chip::Bus::mem) ||
        send.multiplicity.eval(real_row) != Felt::one() || send.tuple[1].terms().empty() ||
        send.tuple[1].terms()[0].first < chip.fixed_columns())
      continue;  // not sent here, or a table's initial word
    bool echo = false;
    for (const chip::Interaction& l : chip.interactions())
      echo |= &l != &send && l.bus == send.bus && same(l.tuple[0], send.tuple[0]) &&
              same(l.tuple[1], send.tuple[1]) && same(l.tuple[2], send.tuple[2]);
    if (!echo) out.push_back({&send.tuple[1], &send.tuple[2]});
  }
  return out;
}

bool in_lookup_table(const Cheat& honest, chip::Bus bus, const std::vector<uint64_t>& v) {
  if (bus != chip::Bus::program) return chip::table_row(bus, v.data()) >= 0;
  const chip::HostTrace& t = honest.trace("program");
  for (std::size_t r = 0; r < t.rows; ++r) {
    bool match = true;
    for (std::size_t i = 0; i < v.size(); ++i) match &= t.cells[r * t.cols + i].value() == v[i];
    if (match) return true;
  }
  return false;
}

// Whether a cheater whose readers echo whatever the row writes (reg, mem) and who recounts the
// lookup tables is caught by `mutated`: a constraint, a lookup outside its table, or a change
// on a bus the verifier's boundary or another step fixes.
bool caught_despite_echo(const Cheat& honest, const chip::Chip& chip, const Felt* row,
                         const std::vector<Felt>& mutated) {
  for (const Expr& e : chip.constraints())
    if (!e.evaluate<Felt>(mutated).is_zero()) return true;
  for (const chip::Interaction& l : chip.interactions()) {
    if (l.bus == chip::Bus::reg || l.bus == chip::Bus::mem) continue;
    std::vector<uint64_t> before, after;
    for (const chip::Affine& a : l.tuple)
      before.push_back(a.eval(row).value()), after.push_back(a.eval(mutated.data()).value());
    const Felt m = l.multiplicity.eval(mutated.data());
    const bool lookup = l.bus == chip::Bus::u16_range || l.bus == chip::Bus::and_byte ||
                        l.bus == chip::Bus::program;
    if (lookup ? !m.is_zero() && !in_lookup_table(honest, l.bus, after)
               : m != l.multiplicity.eval(row) || before != after)
      return true;
  }
  return false;
}

// Rows whose written limbs feed nothing: the exit's return value, as the run ends there.
bool harmless(const Cheat& honest, std::size_t k, std::size_t r) {
  return honest.chips()[k]->name() == "ecall" && honest.at("ecall", r, "is_exit") == Felt::one();
}

TEST(Rv32Mutation, EveryWrittenWordHasU16Limbs) {
  const Cheat& honest = every_chip_honest();
  const Felt two16 = Felt::from_u64(1u << 16);
  std::vector<std::string> unchecked;
  for (std::size_t k = 0; k < honest.chips().size(); ++k) {
    const chip::Chip& chip = *honest.chips()[k];
    const chip::HostTrace& t = honest.traces[k];
    for (std::size_t r : real_rows(t)) {
      const Felt* row = &t.cells[r * t.cols];
      for (const WordWrite& w : word_writes(chip, row)) {
        // lo + 2^16 through its first column; then hi - 1 through one of its own if lo's
        // column did not already move it.
        std::vector<Felt> mutated(row, row + t.cols);
        const auto lo_col = w.lo->terms()[0].first;  // not a binding: clang 14's lambdas
        const auto lo_coef = w.lo->terms()[0].second;  // cannot capture one
        mutated[lo_col] += two16 * lo_coef.inverse();
        const Felt missing = w.hi->eval(row) - Felt::one() - w.hi->eval(mutated.data());
        if (!missing.is_zero()) {
          const auto hi = std::find_if(w.hi->terms().begin(), w.hi->terms().end(),
                                       [&](const auto& term) { return term.first != lo_col; });
          ASSERT_NE(hi, w.hi->terms().end()) << chip.name();
          mutated[hi->first] += missing * hi->second.inverse();
        }
        if (!caught_despite_echo(honest, chip, row, mutated) && !harmless(honest, k, r))
          unchecked.push_back(chip.name() + "." + chip.columns()[lo_col] + " row " +
                              std::to_string(r));
      }
    }
  }
  EXPECT_TRUE(unchecked.empty()) << ::testing::PrintToString(unchecked);
}

}  // namespace
}  // namespace kprove::test::rv32
