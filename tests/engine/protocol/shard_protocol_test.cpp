// Pieces the shard prover and verifier share: the fixed table columns' succinct MLEs against
// the materialised tables, the main-constraint terms against their definition, and the point
// conversion between the sumcheck (x_1 = MSB) and Basefold (x_1 = LSB) conventions.
#include "engine/protocol/shard_protocol.hpp"

#include <gtest/gtest.h>

#include "engine/pcs/basefold.hpp"
#include "engine/proof/verify_error.hpp"
#include "engine/sumcheck/verifier.hpp"
#include "support/backends.hpp"
#include "support/mle_reference.hpp"
#include "support/random.hpp"
#include "support/rv32_every_chip.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

using chip::Bus;

const chip::U16RangeTable& u16_range() {
  static const chip::U16RangeTable t;
  return t;
}
const chip::AndByteTable& and_byte() {
  static const chip::AndByteTable t;
  return t;
}

// Row r of the hypercube as a point (x_1 = MSB).
std::vector<Ext> row_point(std::size_t r) {
  std::vector<Ext> x;
  for (int j = 15; j >= 0; --j) x.push_back(Ext(Felt::from_u64((r >> j) & 1)));
  return x;
}

template <class Exec, class Table>
std::vector<Felt> materialise(const Table& table) {
  using Mem = typename Exec::memory_space;
  MemoryLedger ledger;
  chip::Multiplicities<Mem> none(Exec(), ledger);
  return test::to_host(table.witgen(Exec(), ledger, none).view());
}

KPROVE_BACKEND_SUITE(ShardProtocolTest);

TYPED_TEST(ShardProtocolTest, FixedColumnMlesMatchTheMaterialisedTables) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  const auto check = [&](const chip::Chip& table, const std::vector<Felt>& flat) {
    const std::size_t cols = table.num_columns();
    ASSERT_EQ(table.structured_columns(), cols - 1);
    ASSERT_EQ(table.fixed_log_rows(), 16u);
    const auto z = rng.exts(16);
    for (std::size_t c = 0; c + 1 < cols; ++c) {
      const auto column = test::column(flat, cols, c);
      EXPECT_EQ(table.structured_column(c, z), test::ref_evaluate(column, z)) << "column " << c;
      for (std::size_t r : {std::size_t(0), std::size_t(1), std::size_t(0x1234),
                            std::size_t(0xFFFF), std::size_t(rng.u64() & 0xFFFF)})
        EXPECT_EQ(table.structured_column(c, row_point(r)), Ext(column[r])) << "row " << r;
    }
    EXPECT_THROW(table.structured_column(cols - 1, z), std::invalid_argument);
    EXPECT_THROW(table.structured_column(0, rng.exts(15)), std::invalid_argument);
  };
  check(u16_range(), materialise<Exec>(u16_range()));
  check(and_byte(), materialise<Exec>(and_byte()));
}

// The main terms of a chip on one row equal the definition: constraints by powers of gamma,
// then mu (p_l - claim_p) + nu (q_l - claim_q) per lookup with p_l, q_l the LogUp leaf values;
// for every chip of the RV32IM machine.
TEST(ShardProtocol, MainTermsAreTheConstraintsAndLeafDifferences) {
  KPROVE_RNG(rng);
  const ChipList& layout = test::rv32::every_chip_key().machine->chips();
  std::vector<uint32_t> log_rows;
  for (const chip::Chip* c : layout)
    log_rows.push_back(c->fixed_log_rows().value_or(uint32_t(3 + rng.u64() % 4)));
  const auto trees = detail::tower_trees(layout, log_rows);
  ASSERT_EQ(trees.heights.size(), trees.first_tree.back());
  TowerClaims claims;
  claims.leaf_p = rng.exts(trees.heights.size());
  claims.leaf_q = rng.exts(trees.heights.size());
  for (int h : trees.heights) claims.points.push_back(rng.exts(std::size_t(h)));
  const Ext alpha = rng.ext(), beta = rng.ext();
  Transcript t("main-terms");
  for (std::size_t k = 0; k < layout.size(); ++k) {
    const chip::Chip& chip = *layout[k];
    SCOPED_TRACE(chip.name());
    Transcript peek = t;
    const Ext gamma = peek.challenge_ext();
    const auto terms = detail::main_terms(t, chip, k, log_rows[k], trees, claims, alpha, beta);
    EXPECT_EQ(terms.zeta, claims.points[trees.first_tree[k]]);
    const std::vector<Felt> row = rng.felts(chip.num_columns());
    const std::vector<Ext> ext_row(row.begin(), row.end());
    Ext want = Ext::zero(), power = Ext::one();
    for (const Expr& c : chip.constraints()) {
      want += power * c.evaluate(std::span<const Felt>(row));
      power *= gamma;
    }
    for (std::size_t l = 0; l < chip.interactions().size(); ++l) {
      const chip::Interaction& lookup = chip.interactions()[l];
      Ext fingerprint = Ext(Felt::from_u64(static_cast<uint32_t>(lookup.bus))), bp = beta;
      for (const chip::Affine& a : lookup.tuple) {
        fingerprint += bp * a.eval(row.data());
        bp *= beta;
      }
      const std::size_t tree = trees.first_tree[k] + l;
      want += power * (Ext(lookup.multiplicity.eval(row.data())) - claims.leaf_p[tree]);
      power *= gamma;
      want += power * (alpha - fingerprint - claims.leaf_q[tree]);
      power *= gamma;
    }
    EXPECT_EQ(expr_oracle(terms.exprs, terms.coefficients, ext_row), want);
    EXPECT_EQ(detail::main_degree(terms.exprs), std::max(chip.max_degree(), 1) + 1);
  }
}

// A column's value at z in the sumcheck convention is what Basefold opens at to_pcs_point(z).
TYPED_TEST(ShardProtocolTest, PcsPointIsTheReversedSumcheckPoint) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  const std::size_t rows = 32, cols = 2;
  const auto flat = rng.felts(rows * cols);
  const auto z = rng.exts(5);
  std::vector<Ext> values;
  for (std::size_t c = 0; c < cols; ++c)
    values.push_back(test::ref_evaluate(test::column(flat, cols, c), z));
  PcsParams params;
  params.queries = 3;
  params.pow_bits = 0;
  params.final_log_size = 2;
  MemoryLedger ledger;
  const std::vector<Mat<Felt, Mem>> mats{test::to_device_table<Felt, Mem>(flat, rows, cols)};
  const NttTwiddles<Mem> tw(ledger, 5);
  const auto commitment = basefold_commit(Exec(), ledger, mats, params, tw);
  const auto open_and_verify = [&](const std::vector<Ext>& point) {
    Transcript pt("convention"), vt("convention");
    const auto proof = basefold_open(Exec(), ledger, commitment, mats, {point}, {values}, pt);
    basefold_verify(commitment.root(), {{rows, cols}}, {point}, {values}, proof, params, vt);
  };
  EXPECT_NO_THROW(open_and_verify(detail::to_pcs_point(z)));
  EXPECT_THROW(open_and_verify(z), VerifyError);
}

}  // namespace
}  // namespace kprove
