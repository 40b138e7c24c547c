// MLE kernels against plain host references: folding against the definition, eq tables
// against the product formula, evaluation against repeated host folding.
#include <gtest/gtest.h>

#include "kernels/mle/eq.hpp"
#include "kernels/mle/evaluate.hpp"
#include "kernels/mle/mle.hpp"
#include "support/backends.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

template <class F>
std::vector<Ext> ref_fold(const std::vector<F>& f, Ext r) {
  const std::size_t half = f.size() / 2;
  std::vector<Ext> out(half);
  for (std::size_t i = 0; i < half; ++i) out[i] = Ext(f[i]) + r * (Ext(f[i + half]) - Ext(f[i]));
  return out;
}

template <class F>
Ext ref_evaluate(const std::vector<F>& f, const std::vector<Ext>& point) {
  std::vector<Ext> cur(f.begin(), f.end());
  for (Ext r : point) cur = ref_fold(cur, r);
  return cur.at(0);
}

// eq(r, x) straight from the definition, x_1 = most significant bit of x.
Ext ref_eq(const std::vector<Ext>& r, std::size_t x) {
  Ext acc = Ext::one();
  for (std::size_t j = 0; j < r.size(); ++j) {
    const bool bit = (x >> (r.size() - 1 - j)) & 1;
    acc *= bit ? r[j] : Ext::one() - r[j];
  }
  return acc;
}

KPROVE_BACKEND_SUITE(MleTest);

TYPED_TEST(MleTest, FixFirstVariableMatchesDefinition) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  for (std::size_t n : {2u, 4u, 1024u}) {
    const Ext r = rng.ext();
    auto base = rng.felts(n);
    Kokkos::View<Ext*, Mem> out("out", n / 2);
    fix_first_variable(Exec(), test::to_device<Felt, Mem>(base), r, out);
    EXPECT_EQ(test::to_host(out), ref_fold(base, r)) << n;

    auto ext = rng.exts(n);
    auto dev = test::to_device<Ext, Mem>(ext);
    auto folded = fix_first_variable_in_place(Exec(), dev, r);
    ASSERT_EQ(folded.extent(0), n / 2);
    EXPECT_EQ(test::to_host(folded), ref_fold(ext, r)) << n;
  }
}

TYPED_TEST(MleTest, FixFirstVariableRowsFoldsEveryColumn) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  const std::size_t rows = 64, cols = 5;
  auto flat = rng.felts(rows * cols);
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> table("table", rows, cols);
  auto h = Kokkos::create_mirror_view(table);
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t c = 0; c < cols; ++c) h(i, c) = flat[i * cols + c];
  Kokkos::deep_copy(table, h);
  Kokkos::View<Ext**, Kokkos::LayoutRight, Mem> out("out", rows / 2, cols);
  const Ext r = rng.ext();
  fix_first_variable_rows(Exec(), table, r, out);
  fix_first_variable_rows(Exec(), Kokkos::subview(out, Kokkos::make_pair(0, 32), Kokkos::ALL), r,
                          out);  // in place
  auto got = test::to_host(out);
  for (std::size_t c = 0; c < cols; ++c) {
    std::vector<Felt> col(rows);
    for (std::size_t i = 0; i < rows; ++i) col[i] = flat[i * cols + c];
    auto want = ref_fold(ref_fold(col, r), r);
    for (std::size_t i = 0; i < rows / 4; ++i) EXPECT_EQ(got[i * cols + c], want[i]) << i << "," << c;
  }
}

TYPED_TEST(MleTest, EqTableMatchesProductFormula) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  for (std::size_t v : {0u, 1u, 2u, 7u}) {
    auto r = rng.exts(v);
    Kokkos::View<Ext*, Mem> t("eq", std::size_t(1) << v);
    eq_table(Exec(), std::span<const Ext>(r), t);
    auto got = test::to_host(t);
    for (std::size_t x = 0; x < got.size(); ++x) ASSERT_EQ(got[x], ref_eq(r, x)) << v << " " << x;
  }
}

TYPED_TEST(MleTest, EqPyramidHoldsEverySuffixTable) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  const std::size_t v = 6;
  auto r = rng.exts(v);
  Kokkos::View<Ext*, Mem> pyramid("pyramid", std::size_t(1) << v);
  eq_pyramid(Exec(), std::span<const Ext>(r), pyramid);
  for (int l = 0; l < int(v); ++l) {
    auto got = test::to_host(eq_pyramid_level(pyramid, l));
    std::vector<Ext> suffix(r.end() - l, r.end());
    ASSERT_EQ(got.size(), std::size_t(1) << l);
    for (std::size_t x = 0; x < got.size(); ++x) ASSERT_EQ(got[x], ref_eq(suffix, x)) << l;
  }
}

TYPED_TEST(MleTest, EvaluateMatchesRepeatedFolding) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  for (std::size_t v : {0u, 1u, 2u, 5u, 10u}) {
    auto point = rng.exts(v);
    auto base = rng.felts(std::size_t(1) << v);
    EXPECT_EQ(mle_evaluate(Exec(), test::to_device<Felt, Mem>(base), std::span<const Ext>(point),
                           ledger),
              ref_evaluate(base, point))
        << v;
    auto ext = rng.exts(std::size_t(1) << v);
    EXPECT_EQ(mle_evaluate(Exec(), test::to_device<Ext, Mem>(ext), std::span<const Ext>(point),
                           ledger),
              ref_evaluate(ext, point))
        << v;
  }
  // On a boolean point the MLE is the table entry itself.
  auto base = rng.felts(16);
  std::vector<Ext> corner{Ext::one(), Ext::zero(), Ext::one(), Ext::one()};
  EXPECT_EQ(mle_evaluate(Exec(), test::to_device<Felt, Mem>(base), std::span<const Ext>(corner),
                         ledger),
            Ext(base[0b1011]));
  EXPECT_EQ(ledger.stats(Mem::name()).current, 0u);
}

TYPED_TEST(MleTest, CombineColumnsIsPowerWeightedSum) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  const std::size_t rows = 128, cols = 4;
  auto flat = rng.felts(rows * cols);
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> table("table", rows, cols);
  auto h = Kokkos::create_mirror_view(table);
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t c = 0; c < cols; ++c) h(i, c) = flat[i * cols + c];
  Kokkos::deep_copy(table, h);
  Kokkos::View<Ext*, Mem> out("out", rows);
  const Ext alpha = rng.ext();
  combine_columns(Exec(), table, alpha, out);
  auto got = test::to_host(out);
  for (std::size_t i = 0; i < rows; ++i) {
    Ext want = Ext::zero(), power = Ext::one();
    for (std::size_t c = 0; c < cols; ++c, power *= alpha) want += power * flat[i * cols + c];
    ASSERT_EQ(got[i], want) << i;
  }
}

TYPED_TEST(MleTest, BadShapesAreRejected) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  MemoryLedger ledger;
  Kokkos::View<Ext*, Mem> three("three", 3), one("one", 1), eight("eight", 8);
  std::vector<Ext> point(2, Ext::one());
  EXPECT_THROW(fix_first_variable(Exec(), three, Ext::one(), three), std::invalid_argument);
  EXPECT_THROW(fix_first_variable(Exec(), one, Ext::one(), one), std::invalid_argument);
  EXPECT_THROW(fix_first_variable(Exec(), eight, Ext::one(), one), std::invalid_argument);
  EXPECT_THROW(mle_evaluate(Exec(), eight, std::span<const Ext>(point), ledger),
               std::invalid_argument);
  EXPECT_THROW(eq_table(Exec(), std::span<const Ext>(point), eight), std::invalid_argument);
}

}  // namespace
}  // namespace kprove
