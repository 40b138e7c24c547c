// Poseidon2 over Goldilocks (widths 8, 12) and BabyBear (width 16) against Plonky3's published
// test vectors and against a dense-matrix reference written straight from the spec; the
// sponge and compression of both hashers against plain host code; on every enabled execution
// space.
#include "kernels/hash/poseidon2.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "kernels/hash/sponge.hpp"
#include "support/backends.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

template <class Perm, class Mem>
struct PermuteRows {
  using F = typename Perm::Field;
  Kokkos::View<F**, Kokkos::LayoutRight, Mem> states;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    F s[Perm::WIDTH];
    for (int i = 0; i < Perm::WIDTH; ++i) s[i] = states(r, i);
    Perm::permute(s);
    for (int i = 0; i < Perm::WIDTH; ++i) states(r, i) = s[i];
  }
};

// Permutes each WIDTH-long chunk of `flat` on the device of Exec.
template <class Perm, class Exec, class F = typename Perm::Field>
std::vector<F> permute_on_device(const std::vector<F>& flat) {
  using Mem = typename Exec::memory_space;
  const std::size_t n = flat.size() / Perm::WIDTH;
  auto d = test::to_device<F, Mem>(flat);
  Kokkos::View<F**, Kokkos::LayoutRight, Mem> states(d.data(), n, Perm::WIDTH);
  Kokkos::parallel_for("permute", Kokkos::RangePolicy<Exec>(Exec(), 0, n),
                       PermuteRows<Perm, Mem>{states});
  Kokkos::fence();
  return test::to_host(d);
}

template <class F>
std::vector<F> elements(std::initializer_list<uint64_t> v) {
  std::vector<F> out;
  for (uint64_t x : v) out.push_back(F::from_canonical(x));
  return out;
}

std::vector<Felt> iota(int n) {
  std::vector<Felt> out;
  for (int i = 0; i < n; ++i) out.push_back(Felt::from_canonical(uint64_t(i)));
  return out;
}

// Plonky3 goldilocks/src/poseidon2.rs (commit 5dc50e51436a811c62443e336f766015fecc9217),
// test_default_goldilocks_poseidon2_width_8 / _width_12: permute([0, 1, ..., WIDTH-1]).
const std::vector<Felt> kExpected8 = elements<Felt>(
    {0x020cf04a1b214d14, 0x84e14aaaeacaed25, 0x1ae0f640e81c7457, 0xa4d204cbaeb0d8a5,
     0x0cf637b627b3a7ff, 0x788d304d948b486b, 0x7327133ea1949af4, 0xf415abb924da395b});
const std::vector<Felt> kExpected12 = elements<Felt>(
    {0xf292ab67c0f14b03, 0x0a32f1b37656544c, 0x053c61ab895498de, 0x02ff92e55b196ffb,
     0x58176e8f6f58cab2, 0xb0aa1206e7aec0f8, 0xe90c13f3dce83ca4, 0xf4da15333edf39c2,
     0x23b701c053c2ca6c, 0xd233d593dcdfbf58, 0x4effa5f9516fb52e, 0x0aaf4489f1f40166});

// Plonky3 baby-bear/src/poseidon2.rs (commit 00caf21870e731e04a1cc3f691ff33ae8ec7966f),
// test_default_babybear_poseidon2_width_16.
const std::vector<BabyBear> kInput16 = elements<BabyBear>(
    {894848333, 1437655012, 1200606629, 1690012884, 71131202, 1749206695, 1717947831, 120589055,
     19776022, 42382981, 1831865506, 724844064, 171220207, 1299207443, 227047920, 1783754913});
const std::vector<BabyBear> kExpected16 = elements<BabyBear>(
    {516096821, 90309867, 1101817252, 1660784290, 360715097, 1789519026, 1788910906, 563338433,
     319524748, 1741414159, 1650859320, 894311162, 1121347488, 1692793758, 1052633829,
     1344246938});

// Reference permutation: explicit dense matrices, generic multiplications, the published
// diagonal, plain loops. Shares only the constant tables with the kernel.
template <class F, class C>
std::vector<F> reference_permute(std::vector<F> s) {
  constexpr int W = C::WIDTH;
  const int m4[4][4] = {{2, 3, 1, 1}, {1, 2, 3, 1}, {1, 1, 2, 3}, {3, 1, 1, 2}};
  auto mul_dense = [&](auto entry) {
    std::vector<F> y(W, F::zero());
    for (int i = 0; i < W; ++i)
      for (int j = 0; j < W; ++j) y[i] += entry(i, j) * s[j];
    s = y;
  };
  // Block (i/4, j/4) of the external matrix is 2*M4 on the diagonal, M4 elsewhere.
  auto external = [&] {
    mul_dense([&](int i, int j) {
      const uint64_t e = uint64_t(m4[i % 4][j % 4]) * (i / 4 == j / 4 ? 2 : 1);
      return F::from_canonical(e);
    });
  };
  auto internal = [&] {
    mul_dense([&](int i, int j) {
      return F::one() + (i == j ? F::from_canonical(C::diag[i]) : F::zero());
    });
  };
  auto full_round = [&](const uint64_t(&rc)[W]) {
    for (int i = 0; i < W; ++i) s[i] = (s[i] + F::from_canonical(rc[i])).pow(7);
    external();
  };
  external();
  for (const auto& rc : C::external_initial) full_round(rc);
  for (int r = 0; r < C::PARTIAL_ROUNDS; ++r) {
    s[0] = (s[0] + F::from_canonical(C::internal[r])).pow(7);
    internal();
  }
  for (const auto& rc : C::external_final) full_round(rc);
  return s;
}

template <class F, class C>
void expect_diag_forms_agree() {
  for (int i = 0; i < C::WIDTH; ++i) {
    const int num = C::diag_num[i];
    F d = F::from_canonical(uint64_t(num < 0 ? -num : num));
    if (num < 0) d = -d;
    d *= F::from_canonical(uint64_t(1) << C::diag_log2_den[i]).inverse();
    EXPECT_EQ(d.value(), C::diag[i]) << "diagonal entry " << i;
  }
}

template <class Perm, class C, class Exec>
void expect_matches_reference_on_random_states(test::Rng& rng) {
  using F = typename Perm::Field;
  constexpr int W = Perm::WIDTH;
  std::vector<F> flat(64 * W);
  for (F& x : flat) x = rng.element<F>();
  // Edge lanes: all zero, all p-1.
  for (int i = 0; i < W; ++i) {
    flat[i] = F::zero();
    flat[W + i] = F::from_canonical(F::P - 1);
  }
  const std::vector<F> got = permute_on_device<Perm, Exec>(flat);
  for (std::size_t r = 0; r < flat.size() / W; ++r) {
    const std::vector<F> in(flat.begin() + r * W, flat.begin() + (r + 1) * W);
    const std::vector<F> want = reference_permute<F, C>(in);
    for (int i = 0; i < W; ++i)
      ASSERT_EQ(got[r * W + i], want[i]) << "state " << r << " lane " << i;
  }
}

TEST(Poseidon2Params, DiagonalShiftFormMatchesPublishedHex) {
  expect_diag_forms_agree<Goldilocks, detail::Poseidon2GoldilocksConstants8>();
  expect_diag_forms_agree<Goldilocks, detail::Poseidon2GoldilocksConstants12>();
  expect_diag_forms_agree<BabyBear, detail::Poseidon2BabyBearConstants16>();
}

TEST(Poseidon2Params, ReferenceReproducesPublishedVectors) {
  using detail::Poseidon2BabyBearConstants16, detail::Poseidon2GoldilocksConstants8,
      detail::Poseidon2GoldilocksConstants12;
  EXPECT_EQ((reference_permute<Goldilocks, Poseidon2GoldilocksConstants8>(iota(8))), kExpected8);
  EXPECT_EQ((reference_permute<Goldilocks, Poseidon2GoldilocksConstants12>(iota(12))),
            kExpected12);
  EXPECT_EQ((reference_permute<BabyBear, Poseidon2BabyBearConstants16>(kInput16)), kExpected16);
}

// The lazy round arithmetic at its bounds: any 64-bit lane, up to 2^32 - 1 carries in a Wide.
TEST(Poseidon2Params, LazyLaneArithmeticIsExact) {
  using u128 = unsigned __int128;
  constexpr uint64_t P = Goldilocks::P;
  const std::vector<uint64_t> words = {0,     1,         P - 1, P,         P + 1,
                                       ~0ull, ~0ull - 1, 1ull << 32, (1ull << 32) - 1};
  for (uint64_t lo : words) {
    for (uint32_t hi : {0u, 1u, 27u, 0xFFFFFFFFu}) {
      const uint64_t want = uint64_t(((u128(hi) << 64) | lo) % P);
      EXPECT_EQ(detail::reduce(detail::Wide{lo, hi}), want) << hi << ":" << lo;
    }
    for (uint64_t c : {uint64_t(0), uint64_t(1), P - 1})
      EXPECT_EQ(detail::add_constant(lo, c) % P, uint64_t((u128(lo) + c) % P)) << lo << "+" << c;
  }
}

KPROVE_BACKEND_SUITE(Poseidon2Test);

TYPED_TEST(Poseidon2Test, Width12PublishedVector) {
  using Exec = typename TestFixture::Exec;
  EXPECT_EQ((permute_on_device<Poseidon2Goldilocks12, Exec>(iota(12))), kExpected12);
}

TYPED_TEST(Poseidon2Test, Width8PublishedVector) {
  using Exec = typename TestFixture::Exec;
  EXPECT_EQ((permute_on_device<Poseidon2Goldilocks8, Exec>(iota(8))), kExpected8);
}

TYPED_TEST(Poseidon2Test, BabyBearWidth16PublishedVector) {
  using Exec = typename TestFixture::Exec;
  EXPECT_EQ((permute_on_device<Poseidon2BabyBear16, Exec>(kInput16)), kExpected16);
}

TYPED_TEST(Poseidon2Test, RandomStatesMatchDenseReference) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  expect_matches_reference_on_random_states<Poseidon2Goldilocks12,
                                            detail::Poseidon2GoldilocksConstants12, Exec>(rng);
  expect_matches_reference_on_random_states<Poseidon2Goldilocks8,
                                            detail::Poseidon2GoldilocksConstants8, Exec>(rng);
  expect_matches_reference_on_random_states<Poseidon2BabyBear16,
                                            detail::Poseidon2BabyBearConstants16, Exec>(rng);
}

TEST(Poseidon2Host, PermuteIsCallableFromHostCode) {
  Felt s[12];
  for (int i = 0; i < 12; ++i) s[i] = Felt::from_canonical(uint64_t(i));
  Poseidon2Goldilocks12::permute(s);
  EXPECT_EQ(std::vector<Felt>(s, s + 12), kExpected12);
  BabyBear b[16];
  for (int i = 0; i < 16; ++i) b[i] = kInput16[i];
  Poseidon2BabyBear16::permute(b);
  EXPECT_EQ(std::vector<BabyBear>(b, b + 16), kExpected16);
}

// ---- Sponge and compression, for each hasher ----

// Reference PaddingFreeSponge<WIDTH, RATE, OUT>: chunk the input by RATE, overwrite, permute
// per chunk.
template <class H>
typename H::Digest reference_hash(const std::vector<typename H::Field>& in) {
  using F = typename H::Field;
  std::vector<F> s(H::WIDTH, F::zero());
  for (std::size_t start = 0; start < in.size(); start += H::RATE) {
    for (std::size_t k = start; k < in.size() && k < start + H::RATE; ++k) s[k - start] = in[k];
    F st[H::WIDTH];
    std::copy(s.begin(), s.end(), st);
    H::Perm::permute(st);
    s.assign(st, st + H::WIDTH);
  }
  typename H::Digest d;
  std::copy(s.begin(), s.begin() + H::Digest::SIZE, d.h);
  return d;
}

template <class H, class Mem>
struct RowPrefix {
  Kokkos::View<typename H::Field**, Kokkos::LayoutRight, Mem> rows;
  std::size_t r;
  KOKKOS_INLINE_FUNCTION typename H::Field operator()(std::size_t i) const { return rows(r, i); }
};

// out(r) = hash of the first lens(r) elements of row r.
template <class H, class Mem>
struct HashPrefixes {
  Kokkos::View<typename H::Field**, Kokkos::LayoutRight, Mem> rows;
  Kokkos::View<std::size_t*, Mem> lens;
  Kokkos::View<typename H::Digest*, Mem> out;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    out(r) = H::hash_elements(lens(r), RowPrefix<H, Mem>{rows, r});
  }
};

template <class H, class Mem>
struct CompressPairs {
  Kokkos::View<typename H::Digest*, Mem> left, right, out;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    out(i) = H::compress(left(i), right(i));
  }
};

template <class H>
std::vector<typename H::Digest> random_digests(test::Rng& rng, std::size_t n) {
  std::vector<typename H::Digest> v(n);
  for (auto& d : v)
    for (auto& x : d.h) x = rng.element<typename H::Field>();
  return v;
}

template <class H, class Exec>
void expect_sponge_matches_reference(test::Rng& rng) {
  using F = typename H::Field;
  using D = typename H::Digest;
  using Mem = typename Exec::memory_space;
  const std::vector<std::size_t> lens = {0, 1, 2, 7, 8, 9, 15, 16, 17, 24, 63, 64, 65, 100};
  const std::size_t max_len = 100;
  std::vector<F> flat(lens.size() * max_len);
  for (F& x : flat) x = rng.element<F>();
  auto d_flat = test::to_device<F, Mem>(flat);
  Kokkos::View<F**, Kokkos::LayoutRight, Mem> rows(d_flat.data(), lens.size(), max_len);
  Kokkos::View<D*, Mem> out("out", lens.size());
  Kokkos::parallel_for("hash", Kokkos::RangePolicy<Exec>(Exec(), 0, lens.size()),
                       HashPrefixes<H, Mem>{rows, test::to_device<std::size_t, Mem>(lens), out});
  Kokkos::fence();
  const std::vector<D> got = test::to_host(out);
  for (std::size_t r = 0; r < lens.size(); ++r) {
    const auto begin = flat.begin() + r * max_len;
    EXPECT_EQ(got[r], reference_hash<H>(std::vector<F>(begin, begin + lens[r])))
        << F::NAME << " len " << lens[r];
  }
  D zero;
  for (F& x : zero.h) x = F::zero();
  EXPECT_EQ(got[0], zero) << "the empty input hashes to the zero state";
}

template <class H, class Exec>
void expect_compress_is_truncated_permutation(test::Rng& rng) {
  using F = typename H::Field;
  using D = typename H::Digest;
  using Mem = typename Exec::memory_space;
  constexpr int OUT = D::SIZE;
  const std::size_t n = 32;
  const std::vector<D> l = random_digests<H>(rng, n), r = random_digests<H>(rng, n);
  Kokkos::View<D*, Mem> out("out", n);
  Kokkos::parallel_for(
      "compress", Kokkos::RangePolicy<Exec>(Exec(), 0, n),
      CompressPairs<H, Mem>{test::to_device<D, Mem>(l), test::to_device<D, Mem>(r), out});
  Kokkos::fence();
  const std::vector<D> got = test::to_host(out);
  for (std::size_t i = 0; i < n; ++i) {
    F s[H::WIDTH];
    for (F& x : s) x = F::zero();
    std::copy(l[i].h, l[i].h + OUT, s);
    std::copy(r[i].h, r[i].h + OUT, s + OUT);
    H::Perm::permute(s);
    D want;
    std::copy(s, s + OUT, want.h);
    EXPECT_EQ(got[i], want) << F::NAME << " pair " << i;
    EXPECT_NE(got[i], H::compress(r[i], l[i])) << "compress must be order-sensitive";
  }
}

TYPED_TEST(Poseidon2Test, SpongeMatchesHostReference) {
  KPROVE_RNG(rng);
  expect_sponge_matches_reference<GoldilocksHasher, typename TestFixture::Exec>(rng);
  expect_sponge_matches_reference<BabyBearHasher, typename TestFixture::Exec>(rng);
}

TYPED_TEST(Poseidon2Test, CompressIsTruncatedPermutation) {
  KPROVE_RNG(rng);
  expect_compress_is_truncated_permutation<GoldilocksHasher, typename TestFixture::Exec>(rng);
  expect_compress_is_truncated_permutation<BabyBearHasher, typename TestFixture::Exec>(rng);
}

}  // namespace
}  // namespace kprove
