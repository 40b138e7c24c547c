// LogUp over a shard: the device leaves equal the definition evaluated on the host, the sum
// over all chips and tables is zero for an honest witness, and a forged witness is caught:
// a wrong cell by the constraints, a consistent but out-of-table value or a forged
// multiplicity by the LogUp sum.
#include <gtest/gtest.h>

#include "chip_support.hpp"
#include "engine/chip/logup.hpp"
#include "support/backends.hpp"
#include "support/random.hpp"

namespace kprove::chip {
namespace {

using test::HostTrace;

template <class Mem>
Trace<Mem> to_device(MemoryLedger& ledger, const HostTrace& t) {
  auto trace = Trace<Mem>::allocate(ledger, t.chip->name(), t.rows, t.cols);
  Kokkos::View<const Felt**, Kokkos::LayoutRight, Kokkos::HostSpace,
               Kokkos::MemoryTraits<Kokkos::Unmanaged>>
      src(t.cells.data(), t.rows, t.cols);
  Kokkos::deep_copy(trace.view(), src);
  return trace;
}

// sum p/q over the device leaves of every trace, checking each leaf against the definition.
template <class Exec>
Ext device_leaf_sum(const std::vector<HostTrace>& traces, Ext alpha, Ext beta) {
  using Mem = typename Exec::memory_space;
  MemoryLedger ledger;
  Ext sum = Ext::zero();
  for (const HostTrace& t : traces) {
    const auto& lookups = t.chip->interactions();
    const auto leaves =
        logup_leaves(Exec(), ledger, to_device<Mem>(ledger, t), lookups, alpha, beta);
    EXPECT_EQ(leaves.rows, t.rows);
    EXPECT_GE(leaves.lookups, lookups.size());
    EXPECT_LT(leaves.lookups, 2 * lookups.size());
    const auto p = kprove::test::to_host(leaves.numerators.view());
    const auto q = kprove::test::to_host(leaves.denominators.view());
    for (std::size_t l = 0; l < leaves.lookups; ++l)
      for (std::size_t r = 0; r < t.rows; ++r) {
        const std::size_t i = l * t.rows + r;
        if (l >= lookups.size()) {
          EXPECT_TRUE(p[i].is_zero() && q[i] == Ext::one()) << "padding leaf " << i;
          continue;
        }
        EXPECT_EQ(p[i], Ext(lookups[l].multiplicity.eval(t.row(r))));
        EXPECT_EQ(q[i], test::host_denominator(lookups[l], t.row(r), alpha, beta))
            << t.chip->name() << " lookup " << l << " row " << r;
        if (!p[i].is_zero()) sum += p[i] * q[i].inverse();
      }
  }
  return sum;
}

KPROVE_BACKEND_SUITE(LogupTest);

TYPED_TEST(LogupTest, ShardSumIsZero) {
  KPROVE_RNG(rng);
  const auto cfg = test::test_config(rng.u64());
  for (uint64_t shard = 0; shard < cfg.num_shards(); ++shard) {
    const auto traces = test::shard_traces<typename TestFixture::Exec>(cfg, shard);
    EXPECT_TRUE(test::host_logup_sum(traces, rng.ext(), rng.ext()).is_zero()) << shard;
  }
}

TYPED_TEST(LogupTest, DeviceLeavesMatchDefinitionAndSumToZero) {
  KPROVE_RNG(rng);
  const auto traces = test::shard_traces<Kokkos::Serial>(test::test_config(rng.u64(), 1500), 0);
  EXPECT_TRUE(device_leaf_sum<typename TestFixture::Exec>(traces, rng.ext(), rng.ext()).is_zero());
}

TYPED_TEST(LogupTest, ShardLeavesOnDeviceSumToZero) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const auto shard = workload::generate_shard(Exec(), ledger, test::test_config(rng.u64()), 1);
  const auto traces = witgen_shard(Exec(), ledger, test::chip_set(), shard);
  const auto leaves = shard_logup_leaves(Exec(), ledger, traces, rng.ext(), rng.ext());
  ASSERT_EQ(leaves.size(), traces.traces.size());
  Ext sum = Ext::zero();
  for (const auto& l : leaves) {
    const auto p = kprove::test::to_host(l.numerators.view());
    const auto q = kprove::test::to_host(l.denominators.view());
    for (std::size_t i = 0; i < p.size(); ++i)
      if (!p[i].is_zero()) sum += p[i] * q[i].inverse();
  }
  EXPECT_TRUE(sum.is_zero());
}

TYPED_TEST(LogupTest, ForgedMultiplicityMakesDeviceSumNonZero) {
  KPROVE_RNG(rng);
  auto traces = test::shard_traces<Kokkos::Serial>(test::test_config(rng.u64(), 1500), 0);
  HostTrace& u16 = traces[3];
  std::size_t r = 0;
  while (u16.at(r, 1).is_zero()) ++r;
  // Move one count to another row: the total stays, the multiset does not.
  u16.at(r, 1) -= Felt::one();
  u16.at((r + 1 + rng.u64() % 1000) % kTableRows, 1) += Felt::one();
  EXPECT_FALSE(device_leaf_sum<typename TestFixture::Exec>(traces, rng.ext(), rng.ext()).is_zero());
}

// First real row of `t` with column `selector` set.
std::size_t row_with(const HostTrace& t, uint32_t selector, uint32_t also_set = UINT32_MAX) {
  for (std::size_t r = 0; r < t.rows; ++r)
    if (t.row(r)[selector] == Felt::one() &&
        (also_set == UINT32_MAX || t.row(r)[also_set] == Felt::one()))
      return r;
  ADD_FAILURE() << t.chip->name() << " has no row with " << t.chip->columns()[selector];
  return 0;
}

struct CellCase {
  std::size_t trace;
  uint32_t selector, column;
};

TEST(LogupNegativeTest, WrongCellBreaksAConstraint) {
  const auto honest = test::shard_traces<Kokkos::Serial>(test::test_config(17), 0);
  const std::vector<CellCase> cases = {
      {0, alu::IS_ADD, alu::C_LO},   {0, alu::IS_SUB, alu::C_HI},   {0, alu::IS_SLT, alu::C_LO},
      {0, alu::IS_SLT, alu::SIGN_A}, {0, alu::IS_XOR, alu::C_LO},   {0, alu::IS_AND, alu::C_HI},
      {0, alu::IS_OR, alu::A_LO},    {0, alu::IS_SUB, alu::IS_ADD}, {1, mul::IS_REAL, mul::C_HI},
      {1, mul::IS_REAL, mul::K0},    {2, mem::IS_LW, mem::ADDR_HI}, {2, mem::IS_SW, mem::CLK},
      {2, mem::IS_LW, mem::IS_SW},   {2, mem::IS_SW, mem::IMM}};
  for (const CellCase& c : cases) {
    HostTrace t = honest[c.trace];
    const std::size_t r = row_with(t, c.selector);
    ASSERT_EQ(test::failing_constraint(t, r), -1);
    t.at(r, c.column) += Felt::one();
    EXPECT_NE(test::failing_constraint(t, r), -1)
        << t.chip->name() << " column " << t.chip->columns()[c.column] << " row " << r;
  }
}

TEST(LogupNegativeTest, OutOfRangeLimbPassesConstraintsButBreaksLogup) {
  KPROVE_RNG(rng);
  auto traces = test::shard_traces<Kokkos::Serial>(test::test_config(19), 0);
  HostTrace& t = traces[0];
  // ADD with a low-limb carry: keeping the carry in c_lo (c_lo + 2^16, carry0 = 0, c_hi - 1)
  // satisfies both limb equations over the field; only the u16 range lookup rejects c_lo.
  const std::size_t r = row_with(t, alu::IS_ADD, alu::CARRY0);
  t.at(r, alu::C_LO) += Felt::from_u64(1u << 16);
  t.at(r, alu::CARRY0) = Felt::zero();
  t.at(r, alu::C_HI) -= Felt::one();
  ASSERT_EQ(test::failing_constraint(t, r), -1);
  EXPECT_FALSE(test::host_logup_sum(traces, rng.ext(), rng.ext()).is_zero());
}

TEST(LogupNegativeTest, WrongAndByteConsistentWithResultBreaksLogup) {
  KPROVE_RNG(rng);
  const auto honest = test::shard_traces<Kokkos::Serial>(test::test_config(23), 0);
  // Changing and_b0 by +-1 and c_lo by the matching multiple keeps the bitwise constraint:
  // AND uses and_b0, OR subtracts it once, XOR twice.
  for (const auto& [sel, weight] :
       {std::pair{alu::IS_AND, 1}, {alu::IS_OR, -1}, {alu::IS_XOR, -2}}) {
    auto traces = honest;
    HostTrace& t = traces[0];
    const std::size_t r = row_with(t, sel);
    const bool up = t.at(r, alu::AND_B0).value() < 255;
    const Felt delta = up ? Felt::one() : -Felt::one();
    t.at(r, alu::AND_B0) += delta;
    t.at(r, alu::C_LO) += weight > 0 ? delta : -(weight == -1 ? delta : delta + delta);
    ASSERT_EQ(test::failing_constraint(t, r), -1) << t.chip->columns()[sel];
    EXPECT_FALSE(test::host_logup_sum(traces, rng.ext(), rng.ext()).is_zero())
        << t.chip->columns()[sel];
  }
}

TEST(LogupNegativeTest, ForgedMultiplicityBreaksLogup) {
  KPROVE_RNG(rng);
  auto traces = test::shard_traces<Kokkos::Serial>(test::test_config(29), 0);
  traces[4].at(rng.u64() % kTableRows, 3) += Felt::one();  // and_byte mult
  EXPECT_FALSE(test::host_logup_sum(traces, rng.ext(), rng.ext()).is_zero());
}

TEST(LogupInputTest, RejectsMalformedInput) {
  MemoryLedger ledger;
  const auto& alu_lookups = test::chip_set().alu.interactions();
  const auto odd = Trace<Kokkos::HostSpace>::allocate(ledger, "odd", 3, alu::NUM_COLS);
  EXPECT_THROW(logup_leaves(Kokkos::Serial(), ledger, odd, alu_lookups, Ext::one(), Ext::one()),
               std::invalid_argument);
  const auto narrow = Trace<Kokkos::HostSpace>::allocate(ledger, "narrow", 4, 5);
  EXPECT_THROW(logup_leaves(Kokkos::Serial(), ledger, narrow, alu_lookups, Ext::one(), Ext::one()),
               std::invalid_argument);
  const Interaction wide{Bus::u16_range, {Affine::col(0), Affine::col(1)}, Affine::col(2)};
  EXPECT_THROW(compile_interactions({wide}), std::invalid_argument);
  Affine many;
  for (uint32_t c = 0; c <= kMaxAffineTerms; ++c) many = many + Affine::col(c);
  EXPECT_THROW(compile_interactions({{Bus::u16_range, {many}, Affine::col(0)}}),
               std::invalid_argument);
}

TEST(LogupInputTest, AffineFormsMergeAndCancel) {
  const Affine a = Affine::col(3) + Felt::from_u64(2) * Affine::col(1) - Affine::col(3) +
                   Affine::constant(Felt::from_u64(5));
  ASSERT_EQ(a.terms().size(), 1u);
  EXPECT_EQ(a.terms()[0].first, 1u);
  const std::vector<Felt> row = {Felt::from_u64(10), Felt::from_u64(7), Felt::zero(),
                                 Felt::from_u64(99)};
  EXPECT_EQ(a.eval(row.data()).value(), 19u);
  EXPECT_EQ(test::eval(a.to_expr(), row.data(), row.size()).value(), 19u);
  EXPECT_EQ(a.to_expr().degree(), 1);
}

}  // namespace
}  // namespace kprove::chip
