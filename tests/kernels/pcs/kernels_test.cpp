// Basefold device kernels against host references (direct polynomial evaluation, the
// defining sums), on every enabled execution space.
#include <gtest/gtest.h>

#include "kernels/pcs/combine.hpp"
#include "kernels/pcs/fold.hpp"
#include "kernels/pcs/round_sums.hpp"
#include "support/fields.hpp"
#include "support/pcs_reference.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

template <class T, class Mem>
Mat<T, Mem> to_device_mat(const std::vector<T>& flat, std::size_t rows, std::size_t cols) {
  Mat<T, Mem> d("test_mat", rows, cols);
  auto h = Kokkos::create_mirror_view(d);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) h(r, c) = flat[r * cols + c];
  Kokkos::deep_copy(d, h);
  return d;
}

KPROVE_FIELD_SUITE(PcsKernelsTest);

TEST(PcsKernelsTest, BitReverseMatchesNaive) {
  KPROVE_RNG(rng);
  for (int bits : {0, 1, 5, 17, 32, 63, 64})
    for (int i = 0; i < 100; ++i) {
      const uint64_t x = bits == 64 ? rng.u64() : rng.u64() & ((uint64_t(1) << bits) - 1);
      EXPECT_EQ(bit_reverse(x, bits), test::naive_reverse_bits(x, bits)) << bits;
    }
}

// Folding a codeword equals encoding the folded coefficient vector (the MLE with its lowest
// variable bound), for every layer that uses a prefix of one larger weight table.
TYPED_TEST(PcsKernelsTest, FoldCodewordMatchesEncodingOfFoldedMle) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const int log_max = 9;
  auto weights = pcs::fold_weights<F>(Exec(), ledger, log_max);
  for (int log_n : {1, 4, 7}) {
    for (int rate : {1, 2}) {
      const int log_size = log_n + rate;
      const std::vector<E> c = rng.extensions<E>(std::size_t(1) << log_n);
      const E u = rng.extension<E>();
      std::vector<E> folded;
      for (std::size_t i = 0; i < c.size() / 2; ++i)
        folded.push_back(c[2 * i] + u * (c[2 * i + 1] - c[2 * i]));
      auto in = test::to_device<E, Mem>(test::naive_codeword(c, log_size));
      Vec<E, Mem> out("out", std::size_t(1) << (log_size - 1));
      pcs::fold_codeword(Exec(), in, out, *weights, u);
      const auto expected = test::naive_codeword(folded, log_size - 1);
      EXPECT_EQ(test::to_host(out), expected) << "log_n=" << log_n << " rate=" << rate;
      // The verifier's per-pair host weights agree with the table.
      const auto table = test::to_host(*weights);
      for (std::size_t k = 0; k < out.extent(0); ++k)
        ASSERT_EQ(pcs::fold_weight<F>(log_size, k), table[k]) << log_size << " " << k;
    }
  }
}

TYPED_TEST(PcsKernelsTest, FoldCodewordRejectsMismatchedSizes) {
  KPROVE_FIELD_TYPES;
  MemoryLedger ledger;
  auto weights = pcs::fold_weights<F>(Exec(), ledger, 3);
  Vec<E, Mem> in("in", 8), out("out", 3);
  EXPECT_THROW(pcs::fold_codeword(Exec(), in, out, *weights, E::one()), std::invalid_argument);
  EXPECT_THROW(pcs::fold_weights<F>(Exec(), ledger, 0), std::invalid_argument);
}

TYPED_TEST(PcsKernelsTest, CombineColumnsMatchesHost) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  const std::size_t rows = 37, cols = 5;
  const auto m = rng.elements<F>(rows * cols);
  const auto coef = rng.extensions<E>(cols), start = rng.extensions<E>(rows);
  auto out = test::to_device<E, Mem>(start);
  auto dm = to_device_mat<F, Mem>(m, rows, cols);
  auto dc = test::to_device<E, Mem>(coef);
  pcs::combine_columns(Exec(), dm, dc, out, true);
  auto got = test::to_host(out);
  for (std::size_t i = 0; i < rows; ++i) {
    E e = start[i];
    for (std::size_t c = 0; c < cols; ++c) e += coef[c] * m[i * cols + c];
    ASSERT_EQ(got[i], e) << i;
  }
  pcs::combine_columns(Exec(), dm, dc, out, false);
  got = test::to_host(out);
  E e = E::zero();
  for (std::size_t c = 0; c < cols; ++c) e += coef[c] * m[c];
  EXPECT_EQ(got[0], e);
}

TYPED_TEST(PcsKernelsTest, EqFoldAndCombineTablesMatchHost) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  const std::size_t rows = 3, log_n = 6, n = std::size_t(1) << log_n;
  const auto z = rng.extensions<E>(rows * log_n);
  Mat<E, Mem> eq("eq", rows, n);
  for (std::size_t r = 0; r < rows; ++r)
    pcs::eq_table_lsb_first(Exec(),
                            std::vector<E>(z.begin() + r * log_n, z.begin() + (r + 1) * log_n),
                            Kokkos::subview(eq, r, Kokkos::ALL));
  const auto eq_h = test::to_host(eq);
  for (std::size_t r = 0; r < rows; ++r) {
    const std::vector<E> zr(z.begin() + r * log_n, z.begin() + (r + 1) * log_n);
    for (std::size_t x = 0; x < n; ++x) {
      std::vector<E> delta(n, E::zero());
      delta[x] = E::one();
      ASSERT_EQ(eq_h[r * n + x], test::naive_mle_eval(delta, zr)) << r << " " << x;
    }
  }

  const auto f = rng.extensions<E>(rows * n);
  const E u = rng.extension<E>();
  Mat<E, Mem> folded("folded", rows, n / 2);
  pcs::fold_tables(Exec(), to_device_mat<E, Mem>(f, rows, n), folded, u);
  const auto fh = test::to_host(folded);
  for (std::size_t r = 0; r < rows; ++r) {
    // Evaluating the folded table at the rest of a point equals evaluating f at (u, rest).
    const std::vector<E> row(f.begin() + r * n, f.begin() + (r + 1) * n);
    const std::vector<E> frow(fh.begin() + r * n / 2, fh.begin() + (r + 1) * n / 2);
    std::vector<E> point = rng.extensions<E>(log_n);
    point[0] = u;
    const std::vector<E> rest(point.begin() + 1, point.end());
    EXPECT_EQ(test::naive_mle_eval(frow, rest), test::naive_mle_eval(row, point)) << r;
  }

  const auto coef = rng.extensions<E>(rows);
  Vec<E, Mem> comb("comb", n / 2);
  pcs::combine_table_rows(Exec(), folded, test::to_device<E, Mem>(coef), comb, false);
  const auto ch = test::to_host(comb);
  for (std::size_t i = 0; i < n / 2; ++i) {
    E e = E::zero();
    for (std::size_t r = 0; r < rows; ++r) e += coef[r] * fh[r * n / 2 + i];
    ASSERT_EQ(ch[i], e) << i;
  }
}

// Sizes past the partial-sum thread count exercise the strided accumulation.
TYPED_TEST(PcsKernelsTest, RoundSumsMatchBruteForce) {
  KPROVE_FIELD_TYPES;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  TeamSums<Exec, E> sums(Exec(), ledger, 3);
  for (std::size_t log_n : {1u, 4u, 14u}) {
    const std::size_t rows = 3, n = std::size_t(1) << log_n;
    const auto a = rng.extensions<E>(rows * n), q = rng.extensions<E>(rows * n);
    const auto h = pcs::product_round(sums, to_device_mat<E, Mem>(a, rows, n),
                                      to_device_mat<E, Mem>(q, rows, n));
    for (int X = 0; X < 3; ++X) {
      const F x = F::from_u64(X);
      E e = E::zero();
      for (std::size_t i = 0; i < rows * n; i += 2) {
        const E ax = a[i] + (a[i + 1] - a[i]) * x, qx = q[i] + (q[i + 1] - q[i]) * x;
        e += ax * qx;
      }
      EXPECT_EQ(h[X], e) << "X=" << X << " log_n=" << log_n;
    }

    const auto g = rng.extensions<E>(n), w = rng.extensions<E>(n / 2);
    const auto l = pcs::weighted_halves(sums, to_device_mat<E, Mem>(g, 1, n),
                                        to_device_mat<E, Mem>(w, 1, n / 2));
    E l0 = E::zero(), l1 = E::zero();
    for (std::size_t k = 0; k < n / 2; ++k) {
      l0 += w[k] * g[2 * k];
      l1 += w[k] * g[2 * k + 1];
    }
    EXPECT_EQ(l[0], l0);
    EXPECT_EQ(l[1], l1);
  }
}

}  // namespace
}  // namespace kprove
