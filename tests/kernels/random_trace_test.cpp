// The self-check kernels on every backend: the random trace fill matches random_cell evaluated
// on the host cell by cell, and column_sums matches a host sum over random matrices of both
// fields (including values near p, where the split lo/hi integer sums must fold correctly).
#include "kernels/witgen/random_trace.hpp"

#include <gtest/gtest.h>

#include "kernels/trace/column_sums.hpp"
#include "support/backends.hpp"
#include "support/fields.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

KPROVE_BACKEND_SUITE(RandomTraceTest);

TYPED_TEST(RandomTraceTest, FillMatchesHostHash) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  const uint64_t seed = rng.u64(), first_row = rng.u64() >> 8;
  const std::size_t rows = 67, cols = 5;
  Mat<Felt, Mem> t("t", rows, cols);
  fill_random_trace(Exec(), t, seed, first_row);
  Exec().fence();
  const auto h = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), t);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c)
      ASSERT_EQ(h(r, c), random_cell(seed, first_row + r, c)) << r << "," << c;
}

TEST(RandomCell, DependsOnSeedRowAndColumn) {
  const Felt base = random_cell(1, 10, 3);
  EXPECT_NE(base, random_cell(2, 10, 3));
  EXPECT_NE(base, random_cell(1, 11, 3));
  EXPECT_NE(base, random_cell(1, 10, 4));
  EXPECT_NE(random_cell(0, 0, 1), random_cell(0, 1, 0));  // row and column are not symmetric
  EXPECT_EQ(base, random_cell(1, 10, 3));
}

KPROVE_FIELD_SUITE(ColumnSumsTest);

TYPED_TEST(ColumnSumsTest, MatchHost) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  for (std::size_t rows : {1, 2, 300}) {
    const std::size_t cols = 7;
    std::vector<F> cells = rng.elements<F>(rows * cols);
    for (std::size_t i = 0; i < cells.size(); i += 3)  // many maximal values: carries matter
      cells[i] = F::from_canonical(F::P - 1 - (i % 5));
    std::vector<F> expect(cols, F::zero());
    for (std::size_t i = 0; i < cells.size(); ++i) expect[i % cols] += cells[i];
    const auto flat = test::to_device<F, Mem>(cells);
    Mat<F, Mem> m("m", rows, cols);
    Kokkos::deep_copy(m, Kokkos::View<F**, Kokkos::LayoutRight, Mem>(flat.data(), rows, cols));
    EXPECT_EQ(column_sums(Exec(), m), expect) << rows << " rows";
  }
}

TYPED_TEST(ColumnSumsTest, OfEmptyMatrix) {
  KPROVE_FIELD_TYPES;
  Mat<F, Mem> m("m", 0, 3);
  EXPECT_EQ(column_sums(Exec(), m), std::vector<F>(3, F::zero()));
}

}  // namespace
}  // namespace kprove
