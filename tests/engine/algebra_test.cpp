// The shared host algebra against its definitions: eq against the hypercube sum it stands for,
// powers against repeated products, dot_powers against its sum, interpolation against Horner
// evaluation of random polynomials.
#include "engine/algebra/algebra.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "support/random.hpp"

namespace kprove {
namespace {

// prod_j (x_j ? a_j : 1 - a_j) for the bits of x, MSB first (kernels/mle order).
Ext eq_at_vertex(const std::vector<Ext>& a, std::size_t x) {
  Ext p = Ext::one();
  for (std::size_t j = 0; j < a.size(); ++j)
    p *= (x >> (a.size() - 1 - j)) & 1 ? a[j] : Ext::one() - a[j];
  return p;
}

TEST(AlgebraTest, EqIsTheHypercubeSumOfItsVertexProducts) {
  KPROVE_RNG(rng);
  for (std::size_t n : {0u, 1u, 3u, 6u}) {
    const auto a = rng.exts(n), b = rng.exts(n);
    Ext sum = Ext::zero();  // sum_x eq(a, x) eq(b, x) = eq(a, b)
    for (std::size_t x = 0; x < (std::size_t(1) << n); ++x)
      sum += eq_at_vertex(a, x) * eq_at_vertex(b, x);
    EXPECT_EQ(eq_eval(a, b), sum) << n;
    EXPECT_EQ(eq_eval(a, b), eq_eval(b, a));
  }
  const auto a = rng.exts(3);
  for (std::size_t x = 0; x < 8; ++x) {  // at a vertex, eq is the indicator
    std::vector<Ext> v;
    for (int j = 2; j >= 0; --j) v.push_back((x >> j) & 1 ? Ext::one() : Ext::zero());
    EXPECT_EQ(eq_eval(a, v), eq_at_vertex(a, x));
  }
  EXPECT_THROW(eq_eval(rng.exts(2), rng.exts(3)), std::invalid_argument);
}

TEST(AlgebraTest, PowersAreRepeatedProducts) {
  KPROVE_RNG(rng);
  const Ext base = rng.ext();
  const auto p = powers(base, 6);
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0], Ext::one());
  for (std::size_t i = 1; i < p.size(); ++i) EXPECT_EQ(p[i], p[i - 1] * base);
  EXPECT_TRUE(powers(base, 0).empty());
}

TEST(AlgebraTest, DotPowersIsTheSumOfPowersTimesValues) {
  KPROVE_RNG(rng);
  const Ext base = rng.ext();
  for (std::size_t n : {0u, 1u, 5u}) {
    const auto values = rng.exts(n);
    const auto p = powers(base, n);
    Ext sum = Ext::zero();
    for (std::size_t i = 0; i < n; ++i) sum += p[i] * values[i];
    EXPECT_EQ(dot_powers(values, base), sum) << n;
  }
}

TEST(AlgebraTest, InterpolationReproducesThePolynomial) {
  KPROVE_RNG(rng);
  for (std::size_t n : {1u, 2u, 3u, 5u, 8u}) {
    const auto coeffs = rng.exts(n);
    auto p = [&](Ext x) {
      Ext acc = Ext::zero();
      for (std::size_t i = n; i-- > 0;) acc = acc * x + coeffs[i];
      return acc;
    };
    std::vector<Ext> evals;
    for (std::size_t t = 0; t < n; ++t) evals.push_back(p(Ext(Felt::from_u64(t))));
    const Ext x = rng.ext();
    EXPECT_EQ(interpolate_at(evals, x), p(x)) << n;
    const auto more = extend_evals(evals, n + 3);
    for (std::size_t t = 0; t < more.size(); ++t) EXPECT_EQ(more[t], p(Ext(Felt::from_u64(t))));
  }
  EXPECT_THROW(interpolate_at({}, Ext::one()), std::invalid_argument);
}

}  // namespace
}  // namespace kprove
