// Chip traces of generated shards: every constraint vanishes on every row (padding
// included), table multiplicities equal a host recount of the chips' lookups, and every
// backend produces the Serial traces bit for bit.
#include <gtest/gtest.h>

#include <cstring>
#include <set>

#include "chip_support.hpp"
#include "kernels/expr/program.hpp"
#include "support/backends.hpp"

namespace kprove::chip {
namespace {

using test::HostTrace;

KPROVE_BACKEND_SUITE(ChipWitgenTest);

TYPED_TEST(ChipWitgenTest, ConstraintsVanishOnEveryRow) {
  const auto cfg = test::test_config(21);
  for (uint64_t shard = 0; shard < cfg.num_shards(); ++shard) {
    const auto traces = test::shard_traces<typename TestFixture::Exec>(cfg, shard);
    ASSERT_EQ(traces.size(), 5u);
    for (const HostTrace& t : traces) {
      ASSERT_EQ(t.cols, t.chip->num_columns());
      for (std::size_t r = 0; r < t.rows; ++r)
        ASSERT_EQ(test::failing_constraint(t, r), -1)
            << t.chip->name() << " shard " << shard << " row " << r;
    }
  }
}

TYPED_TEST(ChipWitgenTest, BitIdenticalToSerial) {
  const auto cfg = test::test_config(8);
  const auto mine = test::shard_traces<typename TestFixture::Exec>(cfg, 0);
  const auto serial = test::shard_traces<Kokkos::Serial>(cfg, 0);
  ASSERT_EQ(mine.size(), serial.size());
  for (std::size_t i = 0; i < mine.size(); ++i) {
    ASSERT_EQ(mine[i].rows, serial[i].rows) << mine[i].chip->name();
    EXPECT_EQ(0, std::memcmp(mine[i].cells.data(), serial[i].cells.data(),
                             mine[i].cells.size() * sizeof(Felt)))
        << mine[i].chip->name();
  }
}

TYPED_TEST(ChipWitgenTest, RowsArePaddedWithZeros) {
  using Exec = typename TestFixture::Exec;
  const auto cfg = test::test_config(3);
  MemoryLedger ledger;
  const auto shard = workload::generate_shard(Exec(), ledger, cfg, 1);
  const auto traces = test::to_host(witgen_shard(Exec(), ledger, test::chip_set(), shard));
  for (std::size_t c = 0; c < workload::kNumOpClasses; ++c) {
    const HostTrace& t = traces[c];
    const std::size_t real = shard.count[c];
    EXPECT_EQ(t.rows, padded_rows(real)) << t.chip->name();
    for (std::size_t r = real; r < t.rows; ++r)
      for (std::size_t k = 0; k < t.cols; ++k) {
        ASSERT_TRUE(t.row(r)[k].is_zero()) << t.chip->name() << " row " << r;
      }
  }
}

// Rows where some constraint is non-zero, evaluated by the prover's device ExprProgram.
template <class Mem>
struct CountViolations {
  using value_type = std::size_t;
  TraceView<Mem> trace;
  ExprProgramView<Mem> program;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r, std::size_t& bad) const {
    const detail::TraceRow<Mem> row{trace, r};
    bool ok = true;
    for (std::size_t k = 0; k < program.size(); ++k)
      ok = ok && program.template eval<Felt>(k, row).is_zero();
    bad += ok ? 0 : 1;
  }
};

TYPED_TEST(ChipWitgenTest, ConstraintsVanishUnderDeviceExprProgram) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  MemoryLedger ledger;
  const auto shard = workload::generate_shard(Exec(), ledger, test::test_config(6), 0);
  const auto traces = witgen_shard(Exec(), ledger, test::chip_set(), shard);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto program = ExprProgram<Mem>::compile(Exec(), traces.chips[i]->constraints(), ledger);
    auto trace = traces.traces[i].view();
    std::size_t bad = 0;
    Kokkos::parallel_reduce(Kokkos::RangePolicy<Exec>(Exec(), 0, trace.extent(0)),
                            CountViolations<Mem>{trace, program.view()}, bad);
    EXPECT_EQ(bad, 0u) << traces.chips[i]->name();
    // One flipped selector on the first row must show up.
    Kokkos::deep_copy(Kokkos::subview(trace, 0, 0), Felt::from_u64(2));
    Kokkos::parallel_reduce(Kokkos::RangePolicy<Exec>(Exec(), 0, trace.extent(0)),
                            CountViolations<Mem>{trace, program.view()}, bad);
    EXPECT_EQ(bad, 1u) << traces.chips[i]->name();
  }
}

// Multiplicities recounted on the host from the chips' lookups, per table row.
std::vector<std::vector<uint64_t>> recount(const std::vector<HostTrace>& traces) {
  std::vector<std::vector<uint64_t>> mult(kNumTables, std::vector<uint64_t>(kTableRows));
  for (const HostTrace& t : traces)
    for (const Interaction& l : t.chip->interactions())
      for (std::size_t r = 0; r < t.rows; ++r) {
        const Felt m = l.multiplicity.eval(t.row(r));
        if (m.is_zero()) continue;
        const uint64_t v0 = l.tuple[0].eval(t.row(r)).value();
        const uint64_t row =
            l.bus == Bus::u16_range ? v0 : v0 * 256 + l.tuple[1].eval(t.row(r)).value();
        mult[table_index(l.bus)][row] += m.value();
      }
  return mult;
}

TYPED_TEST(ChipWitgenTest, TablesHoldFixedRowsAndRecountedMultiplicities) {
  const auto traces = test::shard_traces<typename TestFixture::Exec>(test::test_config(4), 0);
  const std::vector<HostTrace> chips(traces.begin(), traces.begin() + 3);
  const auto expect = recount(chips);
  const HostTrace &u16 = traces[3], &band = traces[4];
  ASSERT_EQ(u16.rows, kTableRows);
  ASSERT_EQ(band.rows, kTableRows);
  uint64_t total = 0;
  for (std::size_t r = 0; r < kTableRows; ++r) {
    ASSERT_EQ(u16.row(r)[0].value(), r);
    ASSERT_EQ(u16.row(r)[1].value(), expect[0][r]) << "u16 row " << r;
    ASSERT_EQ(band.row(r)[0].value(), r >> 8);
    ASSERT_EQ(band.row(r)[1].value(), r & 255);
    ASSERT_EQ(band.row(r)[2].value(), (r >> 8) & r & 255);
    ASSERT_EQ(band.row(r)[3].value(), expect[1][r]) << "and_byte row " << r;
    total += expect[0][r] + expect[1][r];
  }
  EXPECT_GT(total, 3000u);
}

TEST(ChipWitgenTest, DescriptionsAreConsistent) {
  const auto chips = test::chip_set().all();
  const std::vector<std::size_t> cols = {31, 10, 16, 2, 4}, lookups = {14, 8, 10, 1, 1};
  ASSERT_EQ(chips.size(), cols.size());
  for (std::size_t i = 0; i < chips.size(); ++i) {
    const Chip& c = *chips[i];
    EXPECT_EQ(c.num_columns(), cols[i]) << c.name();
    EXPECT_EQ(c.interactions().size(), lookups[i]) << c.name();
    EXPECT_LE(c.max_degree(), 2) << c.name();
    EXPECT_EQ(std::set<std::string>(c.columns().begin(), c.columns().end()).size(), c.num_columns())
        << c.name() << " has duplicate column names";
  }
  EXPECT_EQ(test::chip_set().alu.columns()[alu::AND_B3], "and_b3");
  EXPECT_EQ(test::chip_set().mem.columns()[mem::DT_HI], "dt_hi");
}

TEST(ChipWitgenTest, LookupOutsideItsTableIsCountedAsMiss) {
  MemoryLedger ledger;
  Multiplicities<Kokkos::HostSpace> mult(Kokkos::Serial(), ledger);
  workload::StepRecord lw{5, uint32_t(workload::Opcode::LW), 0x100, 0, 7, 70000, 0, 7, 0};
  lw.addr = lw.a + lw.imm;  // imm beyond u16: its range lookup misses
  const auto records = kprove::test::to_device<workload::StepRecord, Kokkos::HostSpace>({lw});
  test::chip_set().mem.witgen(Kokkos::Serial(), ledger, records, mult.counters());
  EXPECT_EQ(mult.misses(), 1u);
}

}  // namespace
}  // namespace kprove::chip
