// Goldilocks and its quadratic extension against an independent unsigned __int128
// reference, on random and edge values, on every enabled execution space.
#include <gtest/gtest.h>

#include "kernels/field/batch_inverse.hpp"
#include "kernels/field/goldilocks_ext2.hpp"
#include "support/backends.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

using u128 = unsigned __int128;
constexpr uint64_t P = Goldilocks::P;

uint64_t ref_add(uint64_t a, uint64_t b) { return uint64_t((u128(a) + b) % P); }
uint64_t ref_sub(uint64_t a, uint64_t b) { return uint64_t((u128(a) + P - b) % P); }
uint64_t ref_mul(uint64_t a, uint64_t b) { return uint64_t((u128(a) * b) % P); }
uint64_t ref_pow(uint64_t a, uint64_t e) {
  uint64_t r = 1;
  for (; e; e >>= 1, a = ref_mul(a, a))
    if (e & 1) r = ref_mul(r, a);
  return r;
}

// Edge values: 0, 1, p-1, and the 2^32 boundaries where the reduction's folds switch.
std::vector<uint64_t> edge_values() {
  return {0, 1, 2, P - 1, P - 2, (1ull << 32) - 1, 1ull << 32, (1ull << 32) + 1,
          P - (1ull << 32), 0xFFFFFFFFull << 32, (1ull << 63), (1ull << 63) - 1};
}


// Device kernel: out(i, k) = op_k(a(i), b(i)) for k = add, sub, mul, inverse(a), pow.
template <class Mem>
struct BaseOps {
  Kokkos::View<Felt*, Mem> a, b;
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> out;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    out(i, 0) = a(i) + b(i);
    out(i, 1) = a(i) - b(i);
    out(i, 2) = a(i) * b(i);
    out(i, 3) = a(i).inverse();
    out(i, 4) = a(i).pow(b(i).value());
    out(i, 5) = a(i).square();
  }
};

template <class Mem>
struct ExtOps {
  Kokkos::View<Ext*, Mem> a, b;
  Kokkos::View<Ext**, Kokkos::LayoutRight, Mem> out;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    out(i, 0) = a(i) * b(i);
    out(i, 1) = a(i).inverse();
    out(i, 2) = a(i) * b(i).c0;
  }
};

template <class Exec, class Functor>
void run(std::size_t n, const Functor& f) {
  Kokkos::parallel_for("test", Kokkos::RangePolicy<Exec>(0, n), f);
  Kokkos::fence();
}

// Schoolbook product in F_p[X]/(X^2 - 7) from the reference ops.
std::pair<uint64_t, uint64_t> ref_ext_mul(Ext a, Ext b) {
  uint64_t a0 = a.c0.value(), a1 = a.c1.value(), b0 = b.c0.value(), b1 = b.c1.value();
  return {ref_add(ref_mul(a0, b0), ref_mul(7, ref_mul(a1, b1))),
          ref_add(ref_mul(a0, b1), ref_mul(a1, b0))};
}

KPROVE_BACKEND_SUITE(FieldTest);

TYPED_TEST(FieldTest, BaseOpsMatchInt128Reference) {
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  std::vector<Felt> a, b;
  for (uint64_t x : edge_values())
    for (uint64_t y : edge_values()) {
      a.push_back(Felt::from_u64(x));
      b.push_back(Felt::from_u64(y));
    }
  for (int i = 0; i < 4096; ++i) {
    a.push_back(rng.felt());
    b.push_back(rng.felt());
  }
  const std::size_t n = a.size();
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> out("out", n, 6);
  run<typename TestFixture::Exec>(
      n, BaseOps<Mem>{test::to_device<Felt, Mem>(a), test::to_device<Felt, Mem>(b), out});
  auto h = test::to_host(out);
  for (std::size_t i = 0; i < n; ++i) {
    uint64_t x = a[i].value(), y = b[i].value();
    ASSERT_LT(h[i * 6 + 0].value(), P);
    EXPECT_EQ(h[i * 6 + 0].value(), ref_add(x, y)) << x << " + " << y;
    EXPECT_EQ(h[i * 6 + 1].value(), ref_sub(x, y)) << x << " - " << y;
    EXPECT_EQ(h[i * 6 + 2].value(), ref_mul(x, y)) << x << " * " << y;
    EXPECT_EQ(h[i * 6 + 3].value(), x == 0 ? 0 : ref_pow(x, P - 2)) << "inv " << x;
    if (x != 0) EXPECT_EQ(ref_mul(h[i * 6 + 3].value(), x), 1u) << "inv " << x;
    EXPECT_EQ(h[i * 6 + 4].value(), ref_pow(x, y)) << x << " ^ " << y;
    EXPECT_EQ(h[i * 6 + 5].value(), ref_mul(x, x)) << x << " ^ 2";
  }
}

TYPED_TEST(FieldTest, ExtensionOpsMatchReference) {
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  std::vector<Ext> a = rng.exts(2048), b = rng.exts(2048);
  a[0] = Ext::zero();
  a[1] = Ext::one();
  a[2] = Ext(Felt::from_u64(P - 1), Felt::from_u64(P - 1));
  const std::size_t n = a.size();
  Kokkos::View<Ext**, Kokkos::LayoutRight, Mem> out("out", n, 3);
  run<typename TestFixture::Exec>(
      n, ExtOps<Mem>{test::to_device<Ext, Mem>(a), test::to_device<Ext, Mem>(b), out});
  auto h = test::to_host(out);
  for (std::size_t i = 0; i < n; ++i) {
    auto [m0, m1] = ref_ext_mul(a[i], b[i]);
    EXPECT_EQ(h[i * 3].c0.value(), m0);
    EXPECT_EQ(h[i * 3].c1.value(), m1);
    if (a[i].is_zero()) {
      EXPECT_TRUE(h[i * 3 + 1].is_zero());
    } else {
      auto [i0, i1] = ref_ext_mul(a[i], h[i * 3 + 1]);
      EXPECT_EQ(i0, 1u) << "a * a^-1 != 1 at " << i;
      EXPECT_EQ(i1, 0u);
    }
    auto [s0, s1] = ref_ext_mul(a[i], Ext(b[i].c0));
    EXPECT_EQ(h[i * 3 + 2].c0.value(), s0);
    EXPECT_EQ(h[i * 3 + 2].c1.value(), s1);
  }
}

TYPED_TEST(FieldTest, BatchInverseMatchesElementwise) {
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  for (std::size_t n : {1u, 1023u, 1024u, 5000u}) {
    std::vector<Ext> a = rng.exts(n);
    for (std::size_t i = 0; i < n; i += 97) a[i] = Ext::zero();
    auto in = test::to_device<Ext, Mem>(a);
    Kokkos::View<Ext*, Mem> out("out", n);
    batch_inverse(typename TestFixture::Exec(), in, out);
    auto h = test::to_host(out);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(h[i], a[i].inverse()) << "n=" << n << " i=" << i;
  }
}

// The lazy primitives take any 64-bit inputs (not only canonical ones) and return a congruent
// 64-bit value.
TEST(FieldTest, PartialReductionIsCongruentForAnyWords) {
  KPROVE_RNG(rng);
  std::vector<uint64_t> words = edge_values();
  words.insert(words.end(), {P, P + 1, ~0ull, ~0ull - 1, ~0ull << 32});
  for (int i = 0; i < 8; ++i) words.push_back(rng.u64());
  for (uint64_t a : words)
    for (uint64_t b : words) {
      EXPECT_EQ(Goldilocks::mul_partial(a, b) % P, ref_mul(a % P, b % P)) << a << " * " << b;
      const u128 wide = (u128(b) << 64) | a;
      EXPECT_EQ(Goldilocks::reduce128_partial(a, b) % P, uint64_t(wide % P)) << b << ":" << a;
    }
}

TEST(FieldTest, TwoAdicGeneratorHasExactOrder) {
  for (int log_n : {1, 2, 5, 16, 32}) {
    uint64_t g = Felt::two_adic_generator(log_n).value();
    EXPECT_EQ(ref_pow(g, 1ull << log_n), 1u) << log_n;
    EXPECT_NE(ref_pow(g, 1ull << (log_n - 1)), 1u) << log_n;
  }
  // The order-2 root is -1.
  EXPECT_EQ(Felt::two_adic_generator(1).value(), P - 1);
}

TEST(FieldTest, NonResidueMakesExtensionAField) {
  // W = 7 must be a quadratic non-residue (Euler's criterion), else X^2 - 7 factors.
  EXPECT_EQ(ref_pow(7, (P - 1) / 2), P - 1);
}

}  // namespace
}  // namespace kprove
