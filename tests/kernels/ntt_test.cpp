// Batched NTT, coset scaling, Reed-Solomon encoding and LDE against naive O(n^2) references
// (direct DFT sums and Horner evaluation at every point), on random data, for every field on
// every backend.
// Every output element is compared and every call gets fresh random input, so a row the
// kernels never write (stale memory from an earlier call) fails as surely as a wrong one.
#include "kernels/ntt/ntt.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/fields.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

template <class F>
using Host = std::vector<F>;  // row-major matrix

// Reference bit reversal, deliberately a plain loop (the kernels use a swap network).
uint64_t rev(uint64_t i, int bits) {
  uint64_t r = 0;
  for (int b = 0; b < bits; ++b) r |= ((i >> b) & 1) << (bits - 1 - b);
  return r;
}

template <class F>
Host<F> permute_rows(const Host<F>& a, std::size_t m, int log_n) {
  Host<F> out(a.size());
  for (std::size_t i = 0; i < (std::size_t(1) << log_n); ++i)
    std::copy_n(a.begin() + rev(i, log_n) * m, m, out.begin() + i * m);
  return out;
}

// out[i][c] = scale * sum_j a[j][c] w^(i j).
template <class F>
Host<F> naive_dft(const Host<F>& a, std::size_t n, std::size_t m, F w, F scale) {
  Host<F> pw(n);
  pw[0] = F::one();
  for (std::size_t e = 1; e < n; ++e) pw[e] = pw[e - 1] * w;
  Host<F> out(n * m, F::zero());
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      for (std::size_t c = 0; c < m; ++c) out[i * m + c] += a[j * m + c] * pw[i * j % n];
  for (auto& x : out) x *= scale;
  return out;
}

// Column c of coeffs (n x m) evaluated at each point by Horner's rule.
template <class F>
Host<F> evaluate(const Host<F>& coeffs, std::size_t n, std::size_t m, const Host<F>& points) {
  Host<F> out(points.size() * m);
  for (std::size_t p = 0; p < points.size(); ++p)
    for (std::size_t c = 0; c < m; ++c) {
      F acc = F::zero();
      for (std::size_t j = n; j-- > 0;) acc = acc * points[p] + coeffs[j * m + c];
      out[p * m + c] = acc;
    }
  return out;
}

// shift * w_N^i for every output row of an N-row encoding, in `order`.
template <class F>
Host<F> coset_points(int log_big, F shift, NttOrder order) {
  const std::size_t big = std::size_t(1) << log_big;
  const F w = F::two_adic_generator(log_big);
  Host<F> pts(big);
  for (std::size_t i = 0; i < big; ++i)
    pts[i] = shift * w.pow(order == NttOrder::natural ? i : rev(i, log_big));
  return pts;
}

template <class Mem, class F>
Mat<F, Mem> upload(const Host<F>& v, std::size_t rows, std::size_t cols) {
  Mat<F, Mem> d(Kokkos::view_alloc(Kokkos::WithoutInitializing, "test"), rows, cols);
  auto h = Kokkos::create_mirror_view(d);
  std::copy(v.begin(), v.end(), h.data());
  Kokkos::deep_copy(d, h);
  return d;
}

// Reports the first mismatching element (row, column), not thousands of lines.
template <class F>
void expect_same(const Host<F>& got, const Host<F>& want, std::size_t m, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t i = 0; i < got.size(); ++i)
    if (got[i] != want[i]) {
      ADD_FAILURE() << what << ": first mismatch at row " << i / m << " column " << i % m
                    << ": got " << got[i].value() << " want " << want[i].value();
      return;
    }
}

const char* name(NttOrder o) { return o == NttOrder::natural ? "nat" : "rev"; }

constexpr NttOrder kOrders[] = {NttOrder::natural, NttOrder::bit_reversed};

KPROVE_FIELD_SUITE(NttTest);

// The public API with the space's own tiling, and the internal entry point with tiny scratch
// limits, which forces many passes, staged twiddles, column strips and partial strips.
template <class Exec, class Mem, class F>
void run_transform(const Mat<F, Mem>& d, const NttTwiddles<Mem, F>& tw, bool inverse, NttOrder in,
                   NttOrder out, int limits) {
  if (limits == 0) {
    inverse ? ntt_inverse(Exec(), d, tw, in, out) : ntt_forward(Exec(), d, tw, in, out);
  } else {
    detail::NttLimits lim = detail::default_limits<Exec, F>();
    lim.scratch_elems = limits == 1 ? 64 : 24;
    lim.min_width = limits == 1 ? 2 : 1;
    const int log_n = log2_floor(d.extent(0));
    const F scale = inverse ? F::from_canonical(d.extent(0)).inverse() : F::one();
    detail::transform(Exec(), detail::flat_in(d), detail::flat(d), 1, log_n, d.extent(1), tw,
                      inverse, in, out, scale, lim);
  }
  Exec().fence();
}

TYPED_TEST(NttTest, MatchesNaiveDftInEveryOrder) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const NttTwiddles<Mem, F> tw(ledger, 10);
  for (int log_n = 1; log_n <= 10; ++log_n)
    for (std::size_t m : {1u, 3u, 64u})
      for (bool inverse : {false, true}) {
        if (m == 64 && log_n > 8) continue;  // keeps the O(n^2 m) reference fast
        const std::size_t n = std::size_t(1) << log_n;
        const Host<F> x = rng.elements<F>(n * m);
        const F w = F::two_adic_generator(log_n);
        const Host<F> want = inverse ? naive_dft(x, n, m, w.inverse(), F::from_u64(n).inverse())
                                  : naive_dft(x, n, m, w, F::one());
        for (NttOrder in : kOrders)
          for (NttOrder out : kOrders)
            for (int limits : {0, 1, 2}) {
              const Host<F> input = in == NttOrder::natural ? x : permute_rows(x, m, log_n);
              auto d = upload<Mem>(input, n, m);
              run_transform<Exec>(d, tw, inverse, in, out, limits);
              expect_same(test::to_host(d),
                          out == NttOrder::natural ? want : permute_rows(want, m, log_n), m,
                          std::string(inverse ? "inverse" : "forward") + " n=2^" +
                              std::to_string(log_n) + " m=" + std::to_string(m) + " " + name(in) +
                              "->" + name(out) + " limits " + std::to_string(limits));
            }
      }
}

TYPED_TEST(NttTest, InverseUndoesForwardAtLargeSizes) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const NttTwiddles<Mem, F> tw(ledger, 19);
  // 2^19 x 1 takes three passes on host spaces (the tiny limits above cover device tiling).
  for (auto [log_n, m] : {std::pair<int, std::size_t>{16, 8}, {19, 1}}) {
    const std::size_t n = std::size_t(1) << log_n;
    const Host<F> x = rng.elements<F>(n * m);
    auto d = upload<Mem>(x, n, m);
    ntt_forward(Exec(), d, tw, NttOrder::natural, NttOrder::bit_reversed);
    ntt_inverse(Exec(), d, tw, NttOrder::bit_reversed, NttOrder::natural);
    Exec().fence();
    expect_same(test::to_host(d), x, m, "round trip 2^" + std::to_string(log_n));
    ntt_forward(Exec(), d, tw, NttOrder::natural, NttOrder::natural);
    ntt_inverse(Exec(), d, tw, NttOrder::natural, NttOrder::natural);
    Exec().fence();
    expect_same(test::to_host(d), x, m, "natural round trip 2^" + std::to_string(log_n));
  }
}

TYPED_TEST(NttTest, CosetScaleThenForwardEvaluatesOnTheCoset) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const NttTwiddles<Mem, F> tw(ledger, 8);
  for (auto [log_n, m] : {std::pair<int, std::size_t>{0, 2}, {3, 1}, {6, 5}, {8, 130}}) {
    const std::size_t n = std::size_t(1) << log_n;
    const Host<F> coeffs = rng.elements<F>(n * m);
    const F shift = rng.element<F>();
    auto d = upload<Mem>(coeffs, n, m);
    coset_scale(Exec(), d, shift);
    ntt_forward(Exec(), d, tw, NttOrder::natural, NttOrder::natural);
    Exec().fence();
    expect_same(test::to_host(d),
                evaluate(coeffs, n, m, coset_points(log_n, shift, NttOrder::natural)), m,
                "coset n=2^" + std::to_string(log_n));
  }
}

TYPED_TEST(NttTest, RsEncodeMatchesNaiveEvaluation) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const NttTwiddles<Mem, F> tw(ledger, 6);
  struct Case {
    int log_n, rate_bits;
    std::size_t m;
  };
  for (Case k :
       {Case{0, 2, 3}, Case{1, 1, 1}, Case{4, 0, 2}, Case{4, 3, 3}, Case{6, 1, 9}, Case{2, 8, 2}})
    for (NttOrder order : kOrders) {
      const std::size_t n = std::size_t(1) << k.log_n;
      const Host<F> coeffs = rng.elements<F>(n * k.m);
      const F shift = order == NttOrder::natural ? default_coset_shift<F>() : rng.element<F>();
      auto out =
          rs_encode(Exec(), ledger, upload<Mem>(coeffs, n, k.m), k.rate_bits, shift, order, tw);
      Exec().fence();
      ASSERT_EQ(out.view().extent(0), n << k.rate_bits);
      expect_same(test::to_host(*out),
                  evaluate(coeffs, n, k.m, coset_points(k.log_n + k.rate_bits, shift, order)), k.m,
                  "rs_encode n=2^" + std::to_string(k.log_n) + " rate " +
                      std::to_string(k.rate_bits) + " " + name(order));
    }
}

TYPED_TEST(NttTest, LdeMatchesNaiveInterpolationAndEvaluation) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const NttTwiddles<Mem, F> tw(ledger, 7);
  struct Case {
    int log_n, rate_bits;
    std::size_t m;
  };
  for (Case k : {Case{0, 1, 2}, Case{1, 2, 1}, Case{5, 1, 3}, Case{7, 2, 4}, Case{3, 5, 64}})
    for (NttOrder order : kOrders) {
      const std::size_t n = std::size_t(1) << k.log_n;
      const Host<F> evals = rng.elements<F>(n * k.m);
      const F w = F::two_adic_generator(k.log_n);
      const Host<F> coeffs = naive_dft(evals, n, k.m, w.inverse(), F::from_u64(n).inverse());
      const F shift = rng.element<F>();
      const auto in = upload<Mem>(evals, n, k.m);
      auto out = lde(Exec(), ledger, in, k.rate_bits, shift, order, tw);
      Exec().fence();
      const std::string what = "lde n=2^" + std::to_string(k.log_n) + " rate " +
                               std::to_string(k.rate_bits) + " " + name(order);
      expect_same(test::to_host(*out),
                  evaluate(coeffs, n, k.m, coset_points(k.log_n + k.rate_bits, shift, order)), k.m,
                  what);
      expect_same(test::to_host(in), evals, k.m, what + " modified its input");
    }
}

// Independent of the naive references: interpolating the LDE back on the coset (with this
// module's own inverse) must give a polynomial of degree < n, and the ledger must hold
// exactly the twiddles and the output once lde returns.
TYPED_TEST(NttTest, LdeInterpolatesBelowDegreeN) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  const int log_n = 9, rate_bits = 2;
  const std::size_t n = std::size_t(1) << log_n, m = 6, big = n << rate_bits;
  const NttTwiddles<Mem, F> tw(ledger, log_n + rate_bits);
  const std::size_t before = ledger.stats(Mem::name()).current;
  const F shift = default_coset_shift<F>();
  auto out = lde(Exec(), ledger, upload<Mem>(rng.elements<F>(n * m), n, m), rate_bits, shift,
                 NttOrder::natural, tw);
  EXPECT_EQ(ledger.stats(Mem::name()).current, before + big * m * sizeof(F));
  ntt_inverse(Exec(), *out, tw, NttOrder::natural, NttOrder::natural);  // coeffs of p(shift X)
  Exec().fence();
  const Host<F> h = test::to_host(*out);
  for (std::size_t i = n * m; i < big * m; ++i)
    ASSERT_TRUE(h[i].is_zero()) << "coefficient " << i / m << " of column " << i % m;
  EXPECT_TRUE(std::any_of(h.begin(), h.begin() + n * m, [](F x) { return !x.is_zero(); }));
}

TYPED_TEST(NttTest, BadArgumentsThrow) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  using F = typename TestFixture::F;
  MemoryLedger ledger;
  EXPECT_THROW((NttTwiddles<Mem, F>(ledger, 0)), std::invalid_argument);
  EXPECT_THROW((NttTwiddles<Mem, F>(ledger, F::TWO_ADICITY + 1)), std::invalid_argument);
  const NttTwiddles<Mem, F> tw(ledger, 4);
  const Mat<F, Mem> six("six", 6, 2), big("big", 32, 2), empty("empty", 0, 2), ok("ok", 16, 2);
  const auto nat = NttOrder::natural;
  EXPECT_THROW(ntt_forward(Exec(), six, tw, nat, nat), std::invalid_argument);
  EXPECT_THROW(ntt_forward(Exec(), big, tw, nat, nat), std::invalid_argument);
  EXPECT_THROW(ntt_forward(Exec(), empty, tw, nat, nat), std::invalid_argument);
  EXPECT_THROW(ntt_inverse(Exec(), six, tw, nat, nat), std::invalid_argument);
  EXPECT_THROW(ntt_inverse(Exec(), big, tw, nat, nat), std::invalid_argument);
  EXPECT_THROW(coset_scale(Exec(), six, F::one()), std::invalid_argument);
  const F g = default_coset_shift<F>();
  EXPECT_THROW(rs_encode(Exec(), ledger, six, 1, g, nat, tw), std::invalid_argument);
  EXPECT_THROW(rs_encode(Exec(), ledger, big, 1, g, nat, tw), std::invalid_argument);
  EXPECT_THROW(rs_encode(Exec(), ledger, ok, 9, g, nat, tw), std::invalid_argument);
  EXPECT_THROW(rs_encode(Exec(), ledger, ok, -1, g, nat, tw), std::invalid_argument);
  EXPECT_THROW(rs_encode(Exec(), ledger, ok, 1, F::zero(), nat, tw), std::invalid_argument);
  EXPECT_THROW(lde(Exec(), ledger, six, 1, g, nat, tw), std::invalid_argument);
  EXPECT_THROW(lde(Exec(), ledger, big, 1, g, nat, tw), std::invalid_argument);
  EXPECT_THROW(lde(Exec(), ledger, ok, 9, g, nat, tw), std::invalid_argument);
  try {
    ntt_forward(Exec(), six, tw, nat, nat);
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("6 rows is not a power of two"), std::string::npos)
        << e.what();
  }
  // Nothing was booked by the refused calls.
  EXPECT_EQ(ledger.stats(Mem::name()).current, 2 * ((std::size_t(1) << 4) - 1) * sizeof(F));
}

}  // namespace
}  // namespace kprove
