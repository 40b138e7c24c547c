// Checks of one RV32IM instruction chip on real records, host side: its trace from witgen on
// a backend, the constraints on every row, the interactions of a row, and which witness
// columns a change would go unnoticed in (neither a constraint nor an interaction of the row
// changes): a necessary condition for every column to be constrained.
#pragma once

#include <Kokkos_Core.hpp>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/chip/multiplicities.hpp"
#include "engine/vm/emulator.hpp"
#include "support/paths.hpp"
#include "support/views.hpp"

// Skips a test when the guest ELFs were not built (no riscv64-unknown-elf-gcc).
#define REQUIRE_GUESTS()                                                                    \
  if (::kprove::test::guest_dir().empty() ||                                                \
      !std::filesystem::exists(::kprove::test::guest_dir() + "/programs/insn_coverage.elf")) \
  GTEST_SKIP() << "guest ELFs not built"

namespace kprove::test {

struct ChipTrace {
  std::size_t rows = 0, cols = 0, real = 0;
  std::vector<Felt> cells;
  std::span<const Felt> row(std::size_t r) const { return {cells.data() + r * cols, cols}; }
};

template <class Exec, class Chip>
ChipTrace chip_trace(const Chip& chip, const std::vector<typename Chip::Record>& records) {
  using Mem = typename Exec::memory_space;
  MemoryLedger ledger;
  chip::Multiplicities<Mem> mult(Exec(), ledger);
  const auto view = upload_vec<Mem>(Exec(), ledger, "records", records);
  const auto trace = chip.witgen(Exec(), ledger, Kokkos::View<const typename Chip::Record*, Mem>(
                                                     view.view()),
                                 mult.counters());
  return ChipTrace{trace.rows(), trace.cols(), records.size(), to_host(trace.view())};
}

// "row r constraint j" for every constraint that does not vanish.
inline std::vector<std::string> constraint_failures(const chip::Chip& chip, const ChipTrace& t) {
  std::vector<std::string> out;
  for (std::size_t r = 0; r < t.rows; ++r)
    for (std::size_t j = 0; j < chip.constraints().size(); ++j)
      if (!chip.constraints()[j].evaluate(t.row(r)).is_zero())
        out.push_back("row " + std::to_string(r) + " constraint " + std::to_string(j));
  return out;
}

struct Message {
  chip::Bus bus;
  std::vector<Felt> tuple;
  Felt multiplicity;
  friend bool operator==(const Message&, const Message&) = default;
};

inline std::vector<Message> row_messages(const chip::Chip& chip, std::span<const Felt> row) {
  std::vector<Message> out;
  for (const chip::Interaction& i : chip.interactions()) {
    Message m{i.bus, {}, i.multiplicity.eval(row.data())};
    for (const chip::Affine& a : i.tuple) m.tuple.push_back(a.eval(row.data()));
    out.push_back(std::move(m));
  }
  return out;
}

// The messages of row r with multiplicity != 0 on `bus`.
inline std::vector<Message> messages_on(const chip::Chip& chip, const ChipTrace& t,
                                        std::size_t r, chip::Bus bus) {
  std::vector<Message> out;
  for (Message& m : row_messages(chip, t.row(r)))
    if (m.bus == bus && !m.multiplicity.is_zero()) out.push_back(std::move(m));
  return out;
}

// Witness columns where adding `delta` to a cell of some checked real row changes neither a
// constraint value nor a message of that row.
inline std::vector<std::string> unconstrained_columns(const chip::Chip& chip, const ChipTrace& t,
                                                      std::size_t max_rows = 64) {
  std::vector<std::string> out;
  const std::size_t step = t.real > max_rows ? t.real / max_rows : 1;
  for (std::size_t c = chip.fixed_columns(); c < t.cols; ++c) {
    bool noticed = true;
    for (std::size_t r = 0; r < t.real && noticed; r += step) {
      std::vector<Felt> row(t.row(r).begin(), t.row(r).end());
      const auto before = row_messages(chip, row);
      row[c] += Felt::from_u64(1 + (r % 7));
      bool changed = row_messages(chip, row) != before;
      for (const Expr& e : chip.constraints())
        changed = changed || !e.evaluate(std::span<const Felt>(row)).is_zero();
      noticed = changed;
    }
    if (!noticed) out.push_back(chip.columns()[c]);
  }
  return out;
}

// The records of chip family `kind` from running guest `rel` (guests/<rel>.elf) in one shard.
template <class Record>
std::vector<Record> guest_records(const std::string& rel, vm::ChipKind kind,
                                  std::span<const std::uint8_t> input = {}) {
  const auto guest = std::make_shared<vm::Guest>(
      vm::load_elf_file(guest_dir() + "/" + rel + ".elf"));
  const auto shards = vm::record_all(*guest, input, 1ull << 30, 1ull << 30);
  std::vector<Record> out;
  shards.at(0).for_each_chip([&](vm::ChipKind k, const auto& records) {
    using R = typename std::decay_t<decltype(records)>::value_type;
    if constexpr (std::is_same_v<R, Record>)
      if (k == kind) out = records;
  });
  return out;
}

}  // namespace kprove::test
