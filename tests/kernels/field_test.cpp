// Goldilocks, BabyBear and their extensions against an independent unsigned __int128
// reference (schoolbook products modulo X^D - W for the extensions), on random and edge
// values, for every field on every enabled execution space.
#include <gtest/gtest.h>

#include <array>

#include "kernels/field/batch_inverse.hpp"
#include "kernels/field/challenge_field.hpp"
#include "support/fields.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

using u128 = unsigned __int128;

template <class F>
struct Ref {
  static constexpr uint64_t P = F::P;
  static uint64_t add(uint64_t a, uint64_t b) { return uint64_t((u128(a) + b) % P); }
  static uint64_t sub(uint64_t a, uint64_t b) { return uint64_t((u128(a) + P - b) % P); }
  static uint64_t mul(uint64_t a, uint64_t b) { return uint64_t((u128(a) * b) % P); }
  static uint64_t pow(uint64_t a, uint64_t e) {
    uint64_t r = 1;
    for (; e; e >>= 1, a = mul(a, a))
      if (e & 1) r = mul(r, a);
    return r;
  }
  // Edge values: 0, 1, p-1, p-2, the halves and the word boundaries where reductions switch.
  static std::vector<uint64_t> edge_values() {
    std::vector<uint64_t> v = {0, 1, 2, P - 1, P - 2, P / 2, P / 2 + 1};
    for (uint64_t x : {(1ull << 32) - 1, 1ull << 32, (1ull << 32) + 1, P - (1ull << 32),
                       0xFFFFFFFFull << 32, 1ull << 63, (1ull << 63) - 1, 1ull << 31,
                       (1ull << 31) - 1, 1ull << 27})
      v.push_back(x % P);
    return v;
  }
  // Schoolbook product in F_p[X]/(X^D - W).
  template <class E>
  static std::array<uint64_t, E::DEGREE> ext_mul(const E& a, const E& b) {
    std::array<uint64_t, E::DEGREE> r{};
    for (int i = 0; i < E::DEGREE; ++i)
      for (int j = 0; j < E::DEGREE; ++j) {
        uint64_t t = mul(a.c[i].value(), b.c[j].value());
        if (i + j >= E::DEGREE) t = mul(t, E::W);
        r[(i + j) % E::DEGREE] = add(r[(i + j) % E::DEGREE], t);
      }
    return r;
  }
};

// Device kernel: out(i, k) = op_k(a(i), b(i)) for k = add, sub, mul, inverse(a), pow, square,
// neg.
template <class F, class Mem>
struct BaseOps {
  Kokkos::View<F*, Mem> a, b;
  Kokkos::View<F**, Kokkos::LayoutRight, Mem> out;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    out(i, 0) = a(i) + b(i);
    out(i, 1) = a(i) - b(i);
    out(i, 2) = a(i) * b(i);
    out(i, 3) = a(i).inverse();
    out(i, 4) = a(i).pow(b(i).value());
    out(i, 5) = a(i).square();
    out(i, 6) = -a(i);
  }
};

template <class E, class Mem>
struct ExtOps {
  Kokkos::View<E*, Mem> a, b;
  Kokkos::View<E**, Kokkos::LayoutRight, Mem> out;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    out(i, 0) = a(i) * b(i);
    out(i, 1) = a(i).inverse();
    out(i, 2) = a(i) * b(i).c[0];
    out(i, 3) = a(i) + b(i) - a(i) * a(i);
  }
};

template <class Exec, class Functor>
void run(std::size_t n, const Functor& f) {
  Kokkos::parallel_for("test", Kokkos::RangePolicy<Exec>(0, n), f);
  Kokkos::fence();
}

KPROVE_FIELD_SUITE(FieldTest);

TYPED_TEST(FieldTest, FieldsMeetTheSeam) {
  using F = typename TestFixture::F;
  using E = typename TestFixture::E;
  static_assert(PrimeField<F> && ExtensionField<E>);
  static_assert(sizeof(E) == E::DEGREE * sizeof(F), "Views of E are D base elements each");
  EXPECT_GE(uint64_t(F::BITS), 31u);
  EXPECT_EQ(F::P >> (F::BITS - 1), 1u) << "BITS is the modulus's bit length";
  EXPECT_LE(F::P - 1, F::BYTES == 8 ? ~0ull : (1ull << (8 * F::BYTES)) - 1);
  EXPECT_EQ((F::P - 1) % (1ull << F::TWO_ADICITY), 0u);
  EXPECT_NE(((F::P - 1) >> F::TWO_ADICITY) % 2, 0u) << "TWO_ADICITY is the full 2-adicity";
}

TYPED_TEST(FieldTest, BaseOpsMatchInt128Reference) {
  using F = typename TestFixture::F;
  using Mem = typename TestFixture::Mem;
  using R = Ref<F>;
  KPROVE_RNG(rng);
  std::vector<F> a, b;
  for (uint64_t x : R::edge_values())
    for (uint64_t y : R::edge_values()) {
      a.push_back(F::from_u64(x));
      b.push_back(F::from_u64(y));
    }
  for (int i = 0; i < 4096; ++i) {
    a.push_back(rng.template element<F>());
    b.push_back(rng.template element<F>());
  }
  const std::size_t n = a.size();
  Kokkos::View<F**, Kokkos::LayoutRight, Mem> out("out", n, 7);
  run<typename TestFixture::Exec>(
      n, BaseOps<F, Mem>{test::to_device<F, Mem>(a), test::to_device<F, Mem>(b), out});
  auto h = test::to_host(out);
  for (std::size_t i = 0; i < n; ++i) {
    uint64_t x = a[i].value(), y = b[i].value();
    for (int k = 0; k < 7; ++k) ASSERT_LT(h[i * 7 + k].value(), R::P) << "op " << k;
    EXPECT_EQ(h[i * 7 + 0].value(), R::add(x, y)) << x << " + " << y;
    EXPECT_EQ(h[i * 7 + 1].value(), R::sub(x, y)) << x << " - " << y;
    EXPECT_EQ(h[i * 7 + 2].value(), R::mul(x, y)) << x << " * " << y;
    EXPECT_EQ(h[i * 7 + 3].value(), x == 0 ? 0 : R::pow(x, R::P - 2)) << "inv " << x;
    if (x != 0) EXPECT_EQ(R::mul(h[i * 7 + 3].value(), x), 1u) << "inv " << x;
    EXPECT_EQ(h[i * 7 + 4].value(), R::pow(x, y)) << x << " ^ " << y;
    EXPECT_EQ(h[i * 7 + 5].value(), R::mul(x, x)) << x << " ^ 2";
    EXPECT_EQ(h[i * 7 + 6].value(), R::sub(0, x)) << "-" << x;
  }
}

TYPED_TEST(FieldTest, EncodingRoundTripsAndReducesAnyWord) {
  using F = typename TestFixture::F;
  KPROVE_RNG(rng);
  for (int i = 0; i < 4096; ++i) {
    const uint64_t w = i < 64 ? ~0ull - i : rng.u64();
    EXPECT_EQ(F::from_u64(w).value(), w % F::P) << w;
    EXPECT_EQ(F::from_canonical(w % F::P).value(), w % F::P) << w;
  }
}

TYPED_TEST(FieldTest, ExtensionOpsMatchReference) {
  using F = typename TestFixture::F;
  using E = typename TestFixture::E;
  using Mem = typename TestFixture::Mem;
  using R = Ref<F>;
  KPROVE_RNG(rng);
  std::vector<E> a(2048), b(2048);
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = rng.template extension<E>();
    b[i] = rng.template extension<E>();
  }
  a[0] = E::zero();
  a[1] = E::one();
  for (auto& c : a[2].c) c = F::from_u64(F::P - 1);
  // Sparse elements: only one coefficient set (a zero even or odd half in degree 4).
  for (int k = 0; k < E::DEGREE; ++k) {
    a[3 + k] = E::zero();
    a[3 + k].c[k] = rng.template element<F>();
  }
  const std::size_t n = a.size();
  Kokkos::View<E**, Kokkos::LayoutRight, Mem> out("out", n, 4);
  run<typename TestFixture::Exec>(
      n, ExtOps<E, Mem>{test::to_device<E, Mem>(a), test::to_device<E, Mem>(b), out});
  auto h = test::to_host(out);
  const auto one = R::template ext_mul<E>(E::one(), E::one());
  for (std::size_t i = 0; i < n; ++i) {
    const auto m = R::ext_mul(a[i], b[i]);
    const auto sq = R::ext_mul(a[i], a[i]);
    const auto s = R::ext_mul(a[i], E(b[i].c[0]));
    for (int k = 0; k < E::DEGREE; ++k) {
      EXPECT_EQ(h[i * 4].c[k].value(), m[k]) << "product at " << i << " coefficient " << k;
      EXPECT_EQ(h[i * 4 + 2].c[k].value(), s[k]) << "by base at " << i;
      EXPECT_EQ(h[i * 4 + 3].c[k].value(),
                R::sub(R::add(a[i].c[k].value(), b[i].c[k].value()), sq[k]));
    }
    if (a[i].is_zero()) {
      EXPECT_TRUE(h[i * 4 + 1].is_zero());
    } else {
      EXPECT_EQ(R::ext_mul(a[i], h[i * 4 + 1]), one) << "a * a^-1 != 1 at " << i;
    }
  }
}

TYPED_TEST(FieldTest, BatchInverseMatchesElementwise) {
  using E = typename TestFixture::E;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  for (std::size_t n : {1u, 1023u, 1024u, 5000u}) {
    std::vector<E> a(n);
    for (auto& x : a) x = rng.template extension<E>();
    for (std::size_t i = 0; i < n; i += 97) a[i] = E::zero();
    auto in = test::to_device<E, Mem>(a);
    Kokkos::View<E*, Mem> out("out", n);
    batch_inverse(typename TestFixture::Exec(), in, out);
    auto h = test::to_host(out);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(h[i], a[i].inverse()) << "n=" << n << " i=" << i;
  }
}

TYPED_TEST(FieldTest, TwoAdicGeneratorHasExactOrder) {
  using F = typename TestFixture::F;
  using R = Ref<F>;
  for (int log_n : {1, 2, 5, 16, F::TWO_ADICITY}) {
    uint64_t g = F::two_adic_generator(log_n).value();
    EXPECT_EQ(R::pow(g, 1ull << log_n), 1u) << log_n;
    EXPECT_NE(R::pow(g, 1ull << (log_n - 1)), 1u) << log_n;
  }
  // The order-2 root is -1.
  EXPECT_EQ(F::two_adic_generator(1).value(), F::P - 1);
}

TYPED_TEST(FieldTest, GeneratorGeneratesTheMultiplicativeGroup) {
  using F = typename TestFixture::F;
  using R = Ref<F>;
  uint64_t rest = F::P - 1;
  for (uint64_t q = 2; q * q <= rest; ++q) {
    if (rest % q) continue;
    while (rest % q == 0) rest /= q;
    EXPECT_NE(R::pow(F::MULTIPLICATIVE_GENERATOR, (F::P - 1) / q), 1u) << "order divides (p-1)/" << q;
  }
  if (rest > 1) EXPECT_NE(R::pow(F::MULTIPLICATIVE_GENERATOR, (F::P - 1) / rest), 1u);
}

TYPED_TEST(FieldTest, NonResidueMakesExtensionAField) {
  using E = typename TestFixture::E;
  using R = Ref<typename TestFixture::F>;
  // X^D - W is irreducible for D in {2, 4} when W is a quadratic non-residue (Euler's
  // criterion) and, for D = 4, p = 1 mod 4 (then -4 W is no fourth power either).
  EXPECT_EQ(R::pow(E::W, (R::P - 1) / 2), R::P - 1);
  if (E::DEGREE == 4) EXPECT_EQ(R::P % 4, 1u);
}

TEST(FieldTest, ChallengeFieldBitsFollowTheField) {
  EXPECT_NEAR(challenge_field_bits<GoldilocksExt2>(), 128.0, 1e-6);
  EXPECT_NEAR(challenge_field_bits<BabyBearExt4>(), 4 * std::log2(double(BabyBear::P)), 1e-9);
  EXPECT_LT(challenge_field_bits<BabyBearExt4>(), 124.0);
}

// The lazy primitives take any 64-bit inputs (not only canonical ones) and return a congruent
// 64-bit value.
TEST(FieldTest, PartialReductionIsCongruentForAnyWords) {
  KPROVE_RNG(rng);
  constexpr uint64_t P = Goldilocks::P;
  std::vector<uint64_t> words = Ref<Goldilocks>::edge_values();
  words.insert(words.end(), {P, P + 1, ~0ull, ~0ull - 1, ~0ull << 32});
  for (int i = 0; i < 8; ++i) words.push_back(rng.u64());
  for (uint64_t a : words)
    for (uint64_t b : words) {
      EXPECT_EQ(Goldilocks::mul_partial(a, b) % P, Ref<Goldilocks>::mul(a % P, b % P)) << a << " * " << b;
      const u128 wide = (u128(b) << 64) | a;
      EXPECT_EQ(Goldilocks::reduce128_partial(a, b) % P, uint64_t(wide % P)) << b << ":" << a;
    }
}

}  // namespace
}  // namespace kprove
