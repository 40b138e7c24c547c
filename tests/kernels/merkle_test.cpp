// MMCS Merkle tree: device roots against a recursive host reference tree, openings against the
// host verifier (all indices), tampering and shape errors, for the hasher of every field on
// every enabled execution space.
#include <gtest/gtest.h>

#include <vector>

#include "kernels/merkle/merkle_tree.hpp"
#include "kernels/merkle/merkle_verify.hpp"
#include "support/fields.hpp"
#include "support/random.hpp"

namespace kprove {
namespace {

template <class F>
using HostMatrix = std::vector<std::vector<F>>;  // rows

struct Shape {
  std::size_t height, width;
};

// Reference node at layer length `len`, position i: the commitment rule spelled out
// recursively. Matrices of one height are visited in caller order.
template <class H>
typename H::Digest reference_node(const std::vector<HostMatrix<typename H::Field>>& ms,
                                  std::size_t max_h, std::size_t len, std::size_t i) {
  typename H::Sponge rows;
  bool any = false;
  for (const auto& m : ms)
    if (m.size() == len) {
      any = true;
      for (const auto& x : m[i]) rows.absorb(x);
    }
  const auto rows_digest = rows.finish();
  if (len == max_h) return rows_digest;
  const auto node = H::compress(reference_node<H>(ms, max_h, 2 * len, 2 * i),
                                reference_node<H>(ms, max_h, 2 * len, 2 * i + 1));
  return any ? H::compress(node, rows_digest) : node;
}

template <class H>
typename H::Digest reference_root(const std::vector<HostMatrix<typename H::Field>>& ms) {
  std::size_t max_h = 0;
  for (const auto& m : ms) max_h = std::max(max_h, m.size());
  return reference_node<H>(ms, max_h, 1, 0);
}

template <class F, class Mem>
struct Committed {
  std::vector<HostMatrix<F>> host;
  std::vector<Mat<F, Mem>> device;
};

template <class F, class Mem>
Committed<F, Mem> random_matrices(test::Rng& rng, const std::vector<Shape>& shapes) {
  Committed<F, Mem> c;
  for (const Shape& s : shapes) {
    HostMatrix<F> h(s.height);
    Mat<F, Mem> d("matrix", s.height, s.width);
    auto mirror = Kokkos::create_mirror_view(d);
    for (std::size_t r = 0; r < s.height; ++r) {
      h[r] = rng.elements<F>(s.width);
      for (std::size_t k = 0; k < s.width; ++k) mirror(r, k) = h[r][k];
    }
    Kokkos::deep_copy(d, mirror);
    c.host.push_back(std::move(h));
    c.device.push_back(d);
  }
  return c;
}

// The brief's mixed example, in a caller order that is not sorted by height.
const std::vector<Shape> kMixed = {{16, 3}, {64, 5}, {2, 2}, {16, 7}};

KPROVE_FIELD_SUITE(MerkleTest);

TYPED_TEST(MerkleTest, SingleMatrixRootMatchesReference) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  using H = HasherFor<F>;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  for (Shape s : {Shape{1, 3}, Shape{2, 1}, Shape{32, 9}, Shape{8, 16}}) {
    const auto c = random_matrices<F, Mem>(rng, {s});
    const auto tree = MerkleTree<Mem, H>::build(Exec(), ledger, c.device);
    EXPECT_EQ(tree.root(), reference_root<H>(c.host)) << s.height << " x " << s.width;
    EXPECT_EQ(tree.height(), s.height);
  }
}

TYPED_TEST(MerkleTest, MixedHeightsRootMatchesReference) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  using H = HasherFor<F>;
  using Digest = typename H::Digest;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  for (const auto& shapes : {kMixed, std::vector<Shape>{{4, 2}, {1, 3}, {8, 1}, {8, 4}, {1, 1}}}) {
    const auto c = random_matrices<F, Mem>(rng, shapes);
    const auto tree = MerkleTree<Mem, H>::build(Exec(), ledger, c.device);
    EXPECT_EQ(tree.root(), reference_root<H>(c.host));
    // The tree only books its own buffers: every layer plus one descriptor per matrix.
    EXPECT_EQ(ledger.stats(Mem::name()).current, tree.bytes());
    EXPECT_GE(tree.bytes(), (2 * tree.height() - 1) * sizeof(Digest));
  }
}

TYPED_TEST(MerkleTest, OpeningsVerifyForAllIndices) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  using H = HasherFor<F>;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const auto c = random_matrices<F, Mem>(rng, kMixed);
  const auto tree = MerkleTree<Mem, H>::build(Exec(), ledger, c.device);
  std::vector<std::size_t> all(tree.height());
  for (std::size_t j = 0; j < all.size(); ++j) all[j] = j;
  const auto openings = tree.open_batch(all);
  ASSERT_EQ(openings.size(), all.size());
  for (std::size_t j = 0; j < all.size(); ++j) {
    const MerkleOpeningOf<H>& o = openings[j];
    ASSERT_EQ(o.rows.size(), kMixed.size());
    for (std::size_t i = 0; i < kMixed.size(); ++i)
      EXPECT_EQ(o.rows[i], c.host[i][j / (tree.height() / kMixed[i].height)]) << "matrix " << i;
    EXPECT_EQ(o.siblings.size(), std::size_t(tree.depth()));
    EXPECT_TRUE(verify_merkle_opening(tree.root(), tree.heights(), tree.widths(), j, o))
        << "index " << j;
  }
  const MerkleOpeningOf<H> single = tree.open(37);
  EXPECT_EQ(single.rows, openings[37].rows);
  EXPECT_EQ(single.siblings, openings[37].siblings);
}

TYPED_TEST(MerkleTest, TamperingIsRejected) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  using H = HasherFor<F>;
  using Digest = typename H::Digest;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const auto c = random_matrices<F, Mem>(rng, kMixed);
  const auto tree = MerkleTree<Mem, H>::build(Exec(), ledger, c.device);
  const std::size_t index = rng.u64() % tree.height();
  const MerkleOpeningOf<H> good = tree.open(index);
  const auto& hs = tree.heights();
  const auto& ws = tree.widths();
  ASSERT_TRUE(verify_merkle_opening(tree.root(), hs, ws, index, good));

  for (std::size_t i = 0; i < good.rows.size(); ++i)
    for (std::size_t k = 0; k < good.rows[i].size(); ++k) {
      MerkleOpeningOf<H> bad = good;
      bad.rows[i][k] += F::one();
      EXPECT_FALSE(verify_merkle_opening(tree.root(), hs, ws, index, bad)) << i << "," << k;
    }
  for (std::size_t l = 0; l < good.siblings.size(); ++l)
    for (int k = 0; k < Digest::SIZE; ++k) {
      MerkleOpeningOf<H> bad = good;
      bad.siblings[l].h[k] += F::one();
      EXPECT_FALSE(verify_merkle_opening(tree.root(), hs, ws, index, bad)) << l << "," << k;
    }
  for (std::size_t j = 0; j < tree.height() + 3; ++j)
    if (j != index) EXPECT_FALSE(verify_merkle_opening(tree.root(), hs, ws, j, good)) << j;

  Digest other_root = tree.root();
  other_root.h[Digest::SIZE - 1] += F::one();
  EXPECT_FALSE(verify_merkle_opening(other_root, hs, ws, index, good));
  MerkleOpeningOf<H> short_row = good, missing_row = good, long_path = good, short_path = good;
  short_row.rows[1].pop_back();
  missing_row.rows.pop_back();
  long_path.siblings.push_back(Digest{});
  short_path.siblings.pop_back();
  for (const auto& bad : {short_row, missing_row, long_path, short_path})
    EXPECT_FALSE(verify_merkle_opening(tree.root(), hs, ws, index, bad));
}

TYPED_TEST(MerkleTest, ShapeErrorsThrow) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  using H = HasherFor<F>;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  EXPECT_THROW((MerkleTree<Mem, H>::build(Exec(), ledger, {})), std::invalid_argument);
  const auto bad = random_matrices<F, Mem>(rng, {{8, 2}, {3, 2}});
  EXPECT_THROW((MerkleTree<Mem, H>::build(Exec(), ledger, bad.device)), std::invalid_argument);

  const auto c = random_matrices<F, Mem>(rng, kMixed);
  const auto tree = MerkleTree<Mem, H>::build(Exec(), ledger, c.device);
  EXPECT_THROW(tree.open(tree.height()), std::out_of_range);
  EXPECT_THROW(tree.open_batch({0, tree.height() + 5}), std::out_of_range);
  const MerkleOpeningOf<H> o = tree.open(0);
  const std::vector<std::size_t> none, two = {64, 16}, three = {5, 3, 2};
  const std::vector<std::size_t> not_pow2 = {16, 48, 2, 16};
  EXPECT_THROW(verify_merkle_opening(tree.root(), two, three, 0, o), std::invalid_argument);
  EXPECT_THROW(verify_merkle_opening(tree.root(), none, none, 0, o), std::invalid_argument);
  EXPECT_THROW(verify_merkle_opening(tree.root(), not_pow2, tree.widths(), 0, o),
               std::invalid_argument);
}

}  // namespace
}  // namespace kprove
