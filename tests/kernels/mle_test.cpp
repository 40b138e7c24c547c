// MLE kernels against plain host references: folding against the definition, eq tables
// against the product formula, evaluation against repeated host folding.
#include "kernels/mle/mle.hpp"

#include <gtest/gtest.h>

#include "kernels/mle/eq.hpp"
#include "kernels/mle/evaluate.hpp"
#include "support/fields.hpp"
#include "support/mle_reference.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

using test::ref_evaluate;
using test::ref_fold;

// eq(r, x) straight from the definition, x_1 = most significant bit of x.
template <class E>
E ref_eq(const std::vector<E>& r, std::size_t x) {
  E acc = E::one();
  for (std::size_t j = 0; j < r.size(); ++j) {
    const bool bit = (x >> (r.size() - 1 - j)) & 1;
    acc *= bit ? r[j] : E::one() - r[j];
  }
  return acc;
}

KPROVE_FIELD_SUITE(MleTest);

TYPED_TEST(MleTest, FixFirstVariableMatchesDefinition) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  for (std::size_t n : {2u, 4u, 1024u}) {
    const E r = rng.extension<E>();
    auto base = rng.elements<F>(n);
    Kokkos::View<E*, Mem> out("out", n / 2);
    fix_first_variable(Exec(), test::to_device<F, Mem>(base), r, out);
    EXPECT_EQ(test::to_host(out), ref_fold(base, r)) << n;

    auto ext = rng.extensions<E>(n);
    auto dev = test::to_device<E, Mem>(ext);
    auto folded = fix_first_variable_in_place(Exec(), dev, r);
    ASSERT_EQ(folded.extent(0), n / 2);
    EXPECT_EQ(test::to_host(folded), ref_fold(ext, r)) << n;
  }
}

TYPED_TEST(MleTest, FixFirstVariableRowsFoldsEveryColumn) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  const std::size_t rows = 64, cols = 5;
  auto flat = rng.elements<F>(rows * cols);
  auto table = test::to_device_table<F, Mem>(flat, rows, cols);
  Kokkos::View<E**, Kokkos::LayoutRight, Mem> out("out", rows / 2, cols);
  const E r = rng.extension<E>();
  fix_first_variable_rows(Exec(), table, r, out);
  fix_first_variable_rows(Exec(), Kokkos::subview(out, Kokkos::make_pair(0, 32), Kokkos::ALL), r,
                          out);  // in place
  auto got = test::to_host(out);
  for (std::size_t c = 0; c < cols; ++c) {
    auto want = ref_fold(ref_fold(test::column(flat, cols, c), r), r);
    for (std::size_t i = 0; i < rows / 4; ++i)
      EXPECT_EQ(got[i * cols + c], want[i]) << i << "," << c;
  }
}

TYPED_TEST(MleTest, EqTableMatchesProductFormula) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  for (std::size_t v : {0u, 1u, 2u, 7u}) {
    auto r = rng.extensions<E>(v);
    Kokkos::View<E*, Mem> t("eq", std::size_t(1) << v);
    eq_table(Exec(), std::span<const E>(r), t);
    auto got = test::to_host(t);
    for (std::size_t x = 0; x < got.size(); ++x) ASSERT_EQ(got[x], ref_eq(r, x)) << v << " " << x;
  }
}

TYPED_TEST(MleTest, EqPyramidHoldsEverySuffixTable) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  const std::size_t v = 6;
  auto r = rng.extensions<E>(v);
  Kokkos::View<E*, Mem> pyramid("pyramid", std::size_t(1) << v);
  eq_pyramid(Exec(), std::span<const E>(r), pyramid);
  for (int l = 0; l < int(v); ++l) {
    auto got = test::to_host(eq_pyramid_level(pyramid, l));
    std::vector<E> suffix(r.end() - l, r.end());
    ASSERT_EQ(got.size(), std::size_t(1) << l);
    for (std::size_t x = 0; x < got.size(); ++x) ASSERT_EQ(got[x], ref_eq(suffix, x)) << l;
  }
}

TYPED_TEST(MleTest, EvaluateMatchesRepeatedFolding) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  for (std::size_t v : {0u, 1u, 2u, 5u, 10u}) {
    auto point = rng.extensions<E>(v);
    auto base = rng.elements<F>(std::size_t(1) << v);
    EXPECT_EQ(
        mle_evaluate(Exec(), test::to_device<F, Mem>(base), std::span<const E>(point), ledger),
        ref_evaluate(base, point))
        << v;
    auto ext = rng.extensions<E>(std::size_t(1) << v);
    EXPECT_EQ(
        mle_evaluate(Exec(), test::to_device<E, Mem>(ext), std::span<const E>(point), ledger),
        ref_evaluate(ext, point))
        << v;
  }
  // On a boolean point the MLE is the table entry itself.
  auto base = rng.elements<F>(16);
  std::vector<E> corner{E::one(), E::zero(), E::one(), E::one()};
  EXPECT_EQ(
      mle_evaluate(Exec(), test::to_device<F, Mem>(base), std::span<const E>(corner), ledger),
      E(base[0b1011]));
  EXPECT_EQ(ledger.stats(Mem::name()).current, 0u);
}

TYPED_TEST(MleTest, CombineColumnsIsPowerWeightedSum) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  const std::size_t rows = 128, cols = 4;
  auto flat = rng.elements<F>(rows * cols);
  auto table = test::to_device_table<F, Mem>(flat, rows, cols);
  Kokkos::View<E*, Mem> out("out", rows);
  const E alpha = rng.extension<E>();
  combine_columns(Exec(), table, alpha, out);
  auto got = test::to_host(out);
  for (std::size_t i = 0; i < rows; ++i) {
    E want = E::zero(), power = E::one();
    for (std::size_t c = 0; c < cols; ++c, power *= alpha) want += power * flat[i * cols + c];
    ASSERT_EQ(got[i], want) << i;
  }
}

TYPED_TEST(MleTest, BadShapesAreRejected) {
  KPROVE_FIELD_TYPES;
  MemoryLedger ledger;
  Kokkos::View<E*, Mem> three("three", 3), one("one", 1), eight("eight", 8);
  std::vector<E> point(2, E::one());
  EXPECT_THROW(fix_first_variable(Exec(), three, E::one(), three), std::invalid_argument);
  EXPECT_THROW(fix_first_variable(Exec(), one, E::one(), one), std::invalid_argument);
  EXPECT_THROW(fix_first_variable(Exec(), eight, E::one(), one), std::invalid_argument);
  EXPECT_THROW(mle_evaluate(Exec(), eight, std::span<const E>(point), ledger),
               std::invalid_argument);
  EXPECT_THROW(eq_table(Exec(), std::span<const E>(point), eight), std::invalid_argument);
}

}  // namespace
}  // namespace kprove
