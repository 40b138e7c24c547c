// The LogUp tower's layer kernels against the fraction sums on the host, for both fields on
// every backend: leaves land in their tree's columns, and every parent is the sum of its two
// children as fractions (pL qR + pR qL, qL qR).
#include "kernels/tower/layers.hpp"

#include <gtest/gtest.h>

#include "support/fields.hpp"
#include "support/mle_reference.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

KPROVE_FIELD_SUITE(TowerLayersTest);

TYPED_TEST(TowerLayersTest, ParentsAddTheirChildrenAsFractions) {
  KPROVE_FIELD_TYPES;
  using Layer = Kokkos::View<E**, Kokkos::LayoutRight, Mem>;
  KPROVE_RNG(rng);
  const std::size_t trees = 3, log_rows = 6, rows = std::size_t(1) << log_rows;
  Layer leaves("leaves", rows, 2 * trees);
  std::vector<std::vector<E>> p, q;
  for (std::size_t w = 0; w < trees; ++w) {
    p.push_back(rng.extensions<E>(rows));
    q.push_back(rng.extensions<E>(rows));
    tower_load_leaves(Exec(), test::to_device<E, Mem>(p[w]), test::to_device<E, Mem>(q[w]),
                      leaves, w);
  }
  // Up to the root, layer by layer, against the same sums on the host.
  Layer child = leaves;
  for (std::size_t len = rows / 2; len >= 1; len /= 2) {
    Layer parent("parent", len, 2 * trees);
    tower_parents(Exec(), child, parent, trees);
    const auto got = test::to_host(parent);
    for (std::size_t w = 0; w < trees; ++w) {
      std::vector<E> np(len), nq(len);
      for (std::size_t i = 0; i < len; ++i) {
        np[i] = p[w][2 * i] * q[w][2 * i + 1] + p[w][2 * i + 1] * q[w][2 * i];
        nq[i] = q[w][2 * i] * q[w][2 * i + 1];
        ASSERT_EQ(got[i * 2 * trees + 2 * w], np[i]) << len << " " << w << " " << i;
        ASSERT_EQ(got[i * 2 * trees + 2 * w + 1], nq[i]) << len << " " << w << " " << i;
      }
      p[w] = np;
      q[w] = nq;
    }
    child = parent;
  }
}

TYPED_TEST(TowerLayersTest, BadShapesAreRejected) {
  KPROVE_FIELD_TYPES;
  using Layer = Kokkos::View<E**, Kokkos::LayoutRight, Mem>;
  Layer layer("layer", 8, 4), small("small", 3, 4);
  Kokkos::View<E*, Mem> eight("eight", 8), four("four", 4);
  EXPECT_THROW(tower_load_leaves(Exec(), four, eight, layer, 0), std::invalid_argument);
  EXPECT_THROW(tower_load_leaves(Exec(), eight, eight, layer, 2), std::invalid_argument);
  EXPECT_THROW(tower_parents(Exec(), layer, small, 2), std::invalid_argument);
  EXPECT_THROW(tower_parents(Exec(), layer, Layer("half", 4, 4), 3), std::invalid_argument);
}

}  // namespace
}  // namespace kprove
