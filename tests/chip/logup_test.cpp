// LogUp leaves on the device against their definition, on the witness of a real shard
// (support/rv32_every_chip.hpp): per interaction and row, p = multiplicity and q = alpha -
// (bus + sum_i beta^(i+1) tuple_i) evaluated on the host; the padding leaves are 0/1; over
// every chip, with the statement's boundary terms, the sum of p/q is zero, and a forged
// multiplicity makes it non-zero. Malformed inputs are refused.
#include <gtest/gtest.h>

#include "engine/chip/logup.hpp"
#include "support/backends.hpp"
#include "support/random.hpp"
#include "support/rv32_every_chip.hpp"
#include "support/views.hpp"

namespace kprove::chip {
namespace {

using test::rv32::Cheat;

Ext definition(const Interaction& l, const Felt* row, Ext alpha, Ext beta) {
  Ext fingerprint(Felt::from_u64(uint32_t(l.bus))), beta_i = beta;
  for (const Affine& a : l.tuple) fingerprint += beta_i * a.eval(row), beta_i *= beta;
  return alpha - fingerprint;
}

// sum p/q over the device leaves of every trace plus the boundary, each leaf checked against
// the definition.
template <class Exec>
Ext device_sum(const Cheat& c, Ext alpha, Ext beta) {
  MemoryLedger ledger;
  Ext sum = Ext::zero();
  const kprove::detail::BusSums edges = *kprove::detail::boundary_sums(
      test::rv32::boundary(c.statement, test::rv32::every_chip_key().vk), alpha, beta);
  for (const Ext& edge : edges) sum += edge;
  for (std::size_t k = 0; k < c.traces.size(); ++k) {
    const Chip& chip = *c.chips()[k];
    const HostTrace& t = c.traces[k];
    const auto& lookups = chip.interactions();
    const auto leaves = logup_leaves(Exec(), ledger, upload_trace(Exec(), ledger, chip.name(), t),
                                     lookups, alpha, beta);
    EXPECT_EQ(leaves.rows, t.rows);
    EXPECT_GE(leaves.lookups, lookups.size());
    const auto p = test::to_host(leaves.numerators.view());
    const auto q = test::to_host(leaves.denominators.view());
    for (std::size_t l = 0; l < leaves.lookups; ++l)
      for (std::size_t r = 0; r < t.rows; ++r) {
        const std::size_t i = l * t.rows + r;
        const Felt* row = &t.cells[r * t.cols];
        if (l >= lookups.size()) {
          EXPECT_TRUE(p[i].is_zero() && q[i] == Ext::one()) << "padding leaf " << i;
          continue;
        }
        EXPECT_EQ(p[i], Ext(lookups[l].multiplicity.eval(row))) << chip.name() << " row " << r;
        EXPECT_EQ(q[i], definition(lookups[l], row, alpha, beta)) << chip.name() << " row " << r;
        if (!p[i].is_zero()) sum += p[i] * q[i].inverse();
      }
  }
  return sum;
}

KPROVE_BACKEND_SUITE(LogupTest);

TYPED_TEST(LogupTest, DeviceLeavesMatchTheDefinitionAndBalanceWithTheBoundary) {
  KPROVE_RNG(rng);
  const Ext alpha = rng.ext(), beta = rng.ext();
  EXPECT_TRUE(device_sum<typename TestFixture::Exec>(test::rv32::every_chip_honest(), alpha, beta)
                  .is_zero());
}

TYPED_TEST(LogupTest, AForgedMultiplicityMakesTheSumNonZero) {
  KPROVE_RNG(rng);
  Cheat c = test::rv32::every_chip_honest();
  HostTrace& t = c.trace("u16_range");
  t.cells[(rng.u64() % t.rows) * t.cols + t.cols - 1] += Felt::one();
  EXPECT_FALSE(device_sum<typename TestFixture::Exec>(c, rng.ext(), rng.ext()).is_zero());
}

TEST(LogupInputTest, RejectsMalformedInput) {
  MemoryLedger ledger;
  const Chip& chip = *test::rv32::every_chip_key().machine->chips()[0];
  const auto& lookups = chip.interactions();
  const auto odd = Trace<Kokkos::HostSpace>::allocate(ledger, "odd", 3, chip.num_columns());
  EXPECT_THROW(logup_leaves(Kokkos::Serial(), ledger, odd, lookups, Ext::one(), Ext::one()),
               std::invalid_argument);
  const auto narrow = Trace<Kokkos::HostSpace>::allocate(ledger, "narrow", 4, 2);
  EXPECT_THROW(logup_leaves(Kokkos::Serial(), ledger, narrow, lookups, Ext::one(), Ext::one()),
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
  EXPECT_EQ(a.to_expr().evaluate(std::span<const Felt>(row)).value(), 19u);
  EXPECT_EQ(a.to_expr().degree(), 1);
}

}  // namespace
}  // namespace kprove::chip
