// Poseidon2 over Goldilocks against Plonky3's published test vectors and against a dense-matrix
// reference written straight from the spec; the sponge and compression against plain host
// code; on every enabled execution space.
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
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> states;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    Felt s[Perm::WIDTH];
    for (int i = 0; i < Perm::WIDTH; ++i) s[i] = states(r, i);
    Perm::permute(s);
    for (int i = 0; i < Perm::WIDTH; ++i) states(r, i) = s[i];
  }
};

// Permutes each WIDTH-long chunk of `flat` on the device of Exec.
template <class Perm, class Exec>
std::vector<Felt> permute_on_device(const std::vector<Felt>& flat) {
  using Mem = typename Exec::memory_space;
  const std::size_t n = flat.size() / Perm::WIDTH;
  auto d = test::to_device<Felt, Mem>(flat);
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> states(d.data(), n, Perm::WIDTH);
  Kokkos::parallel_for("permute", Kokkos::RangePolicy<Exec>(Exec(), 0, n),
                       PermuteRows<Perm, Mem>{states});
  Kokkos::fence();
  return test::to_host(d);
}

std::vector<Felt> felts(std::initializer_list<uint64_t> v) {
  std::vector<Felt> out;
  for (uint64_t x : v) out.push_back(Felt::from_canonical(x));
  return out;
}

std::vector<Felt> iota(int n) {
  std::vector<Felt> out;
  for (int i = 0; i < n; ++i) out.push_back(Felt::from_canonical(uint64_t(i)));
  return out;
}

// Plonky3 goldilocks/src/poseidon2.rs (commit 5dc50e51436a811c62443e336f766015fecc9217),
// test_default_goldilocks_poseidon2_width_8 / _width_12: permute([0, 1, ..., WIDTH-1]).
const std::vector<Felt> kExpected8 =
    felts({0x020cf04a1b214d14, 0x84e14aaaeacaed25, 0x1ae0f640e81c7457, 0xa4d204cbaeb0d8a5,
           0x0cf637b627b3a7ff, 0x788d304d948b486b, 0x7327133ea1949af4, 0xf415abb924da395b});
const std::vector<Felt> kExpected12 =
    felts({0xf292ab67c0f14b03, 0x0a32f1b37656544c, 0x053c61ab895498de, 0x02ff92e55b196ffb,
           0x58176e8f6f58cab2, 0xb0aa1206e7aec0f8, 0xe90c13f3dce83ca4, 0xf4da15333edf39c2,
           0x23b701c053c2ca6c, 0xd233d593dcdfbf58, 0x4effa5f9516fb52e, 0x0aaf4489f1f40166});

// Reference permutation: explicit dense matrices, generic multiplications, the published hex
// diagonal, plain loops. Shares only the constant tables with the kernel.
template <class C>
std::vector<Felt> reference_permute(std::vector<Felt> s) {
  constexpr int W = C::WIDTH;
  const int m4[4][4] = {{2, 3, 1, 1}, {1, 2, 3, 1}, {1, 1, 2, 3}, {3, 1, 1, 2}};
  auto mul_dense = [&](auto entry) {
    std::vector<Felt> y(W, Felt::zero());
    for (int i = 0; i < W; ++i)
      for (int j = 0; j < W; ++j) y[i] += entry(i, j) * s[j];
    s = y;
  };
  // Block (i/4, j/4) of the external matrix is 2*M4 on the diagonal, M4 elsewhere.
  auto external = [&] {
    mul_dense([&](int i, int j) {
      const uint64_t e = uint64_t(m4[i % 4][j % 4]) * (i / 4 == j / 4 ? 2 : 1);
      return Felt::from_canonical(e);
    });
  };
  auto internal = [&] {
    mul_dense([&](int i, int j) {
      return Felt::one() + (i == j ? Felt::from_canonical(C::diag[i]) : Felt::zero());
    });
  };
  auto full_round = [&](const uint64_t(&rc)[W]) {
    for (int i = 0; i < W; ++i) s[i] = (s[i] + Felt::from_canonical(rc[i])).pow(7);
    external();
  };
  external();
  for (const auto& rc : C::external_initial) full_round(rc);
  for (int r = 0; r < C::PARTIAL_ROUNDS; ++r) {
    s[0] = (s[0] + Felt::from_canonical(C::internal[r])).pow(7);
    internal();
  }
  for (const auto& rc : C::external_final) full_round(rc);
  return s;
}

template <class C>
void expect_diag_forms_agree() {
  for (int i = 0; i < C::WIDTH; ++i) {
    const int num = C::diag_num[i];
    Felt d = Felt::from_canonical(uint64_t(num < 0 ? -num : num));
    if (num < 0) d = -d;
    d *= Felt::from_canonical(uint64_t(1) << C::diag_log2_den[i]).inverse();
    EXPECT_EQ(d.value(), C::diag[i]) << "diagonal entry " << i;
  }
}

template <class Perm, class C, class Exec>
void expect_matches_reference_on_random_states(test::Rng& rng) {
  constexpr int W = Perm::WIDTH;
  std::vector<Felt> flat = rng.felts(64 * W);
  // Edge lanes: all zero, all p-1.
  for (int i = 0; i < W; ++i) {
    flat[i] = Felt::zero();
    flat[W + i] = Felt::from_canonical(Goldilocks::P - 1);
  }
  const std::vector<Felt> got = permute_on_device<Perm, Exec>(flat);
  for (std::size_t r = 0; r < flat.size() / W; ++r) {
    const std::vector<Felt> in(flat.begin() + r * W, flat.begin() + (r + 1) * W);
    const std::vector<Felt> want = reference_permute<C>(in);
    for (int i = 0; i < W; ++i)
      ASSERT_EQ(got[r * W + i], want[i]) << "state " << r << " lane " << i;
  }
}

TEST(Poseidon2Params, DiagonalShiftFormMatchesPublishedHex) {
  expect_diag_forms_agree<detail::Poseidon2GoldilocksConstants8>();
  expect_diag_forms_agree<detail::Poseidon2GoldilocksConstants12>();
}

TEST(Poseidon2Params, ReferenceReproducesPublishedVectors) {
  EXPECT_EQ(reference_permute<detail::Poseidon2GoldilocksConstants8>(iota(8)), kExpected8);
  EXPECT_EQ(reference_permute<detail::Poseidon2GoldilocksConstants12>(iota(12)), kExpected12);
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

TYPED_TEST(Poseidon2Test, RandomStatesMatchDenseReference) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  expect_matches_reference_on_random_states<Poseidon2Goldilocks12,
                                            detail::Poseidon2GoldilocksConstants12, Exec>(rng);
  expect_matches_reference_on_random_states<Poseidon2Goldilocks8,
                                            detail::Poseidon2GoldilocksConstants8, Exec>(rng);
}

TEST(Poseidon2Host, PermuteIsCallableFromHostCode) {
  Felt s[12];
  for (int i = 0; i < 12; ++i) s[i] = Felt::from_canonical(uint64_t(i));
  Poseidon2Goldilocks12::permute(s);
  EXPECT_EQ(std::vector<Felt>(s, s + 12), kExpected12);
}

// ---- Sponge and compression ----

// Reference PaddingFreeSponge<12, 8, 4>: chunk the input by 8, overwrite, permute per chunk.
Digest reference_hash(const std::vector<Felt>& in) {
  Felt s[12];
  for (Felt& x : s) x = Felt::zero();
  for (std::size_t start = 0; start < in.size(); start += 8) {
    for (std::size_t k = start; k < in.size() && k < start + 8; ++k) s[k - start] = in[k];
    Poseidon2Goldilocks12::permute(s);
  }
  return Digest{{s[0], s[1], s[2], s[3]}};
}

template <class Mem>
struct RowPrefix {
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> rows;
  std::size_t r;
  KOKKOS_INLINE_FUNCTION Felt operator()(std::size_t i) const { return rows(r, i); }
};

// out(r) = hash of the first lens(r) elements of row r.
template <class Mem>
struct HashPrefixes {
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> rows;
  Kokkos::View<std::size_t*, Mem> lens;
  Kokkos::View<Digest*, Mem> out;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    out(r) = hash_elements(lens(r), RowPrefix<Mem>{rows, r});
  }
};

template <class Mem>
struct CompressPairs {
  Kokkos::View<Digest*, Mem> left, right, out;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    out(i) = compress(left(i), right(i));
  }
};

std::vector<Digest> random_digests(test::Rng& rng, std::size_t n) {
  std::vector<Digest> v(n);
  for (Digest& d : v)
    for (Felt& x : d.h) x = rng.felt();
  return v;
}

TYPED_TEST(Poseidon2Test, SpongeMatchesHostReference) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  const std::vector<std::size_t> lens = {0, 1, 2, 7, 8, 9, 15, 16, 17, 24, 63, 64, 65, 100};
  const std::size_t max_len = 100;
  const std::vector<Felt> flat = rng.felts(lens.size() * max_len);
  auto d_flat = test::to_device<Felt, Mem>(flat);
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> rows(d_flat.data(), lens.size(), max_len);
  Kokkos::View<Digest*, Mem> out("out", lens.size());
  Kokkos::parallel_for("hash", Kokkos::RangePolicy<Exec>(Exec(), 0, lens.size()),
                       HashPrefixes<Mem>{rows, test::to_device<std::size_t, Mem>(lens), out});
  Kokkos::fence();
  const std::vector<Digest> got = test::to_host(out);
  for (std::size_t r = 0; r < lens.size(); ++r) {
    const auto begin = flat.begin() + r * max_len;
    EXPECT_EQ(got[r], reference_hash(std::vector<Felt>(begin, begin + lens[r])))
        << "len " << lens[r];
  }
  EXPECT_EQ(got[0], Digest{}) << "the empty input hashes to the zero state";
}

TYPED_TEST(Poseidon2Test, CompressIsTruncatedPermutation) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  const std::size_t n = 32;
  const std::vector<Digest> l = random_digests(rng, n), r = random_digests(rng, n);
  Kokkos::View<Digest*, Mem> out("out", n);
  Kokkos::parallel_for(
      "compress", Kokkos::RangePolicy<Exec>(Exec(), 0, n),
      CompressPairs<Mem>{test::to_device<Digest, Mem>(l), test::to_device<Digest, Mem>(r), out});
  Kokkos::fence();
  const std::vector<Digest> got = test::to_host(out);
  for (std::size_t i = 0; i < n; ++i) {
    Felt s[12];
    for (int k = 0; k < 4; ++k) {
      s[k] = l[i].h[k];
      s[4 + k] = r[i].h[k];
      s[8 + k] = Felt::zero();
    }
    Poseidon2Goldilocks12::permute(s);
    EXPECT_EQ(got[i], (Digest{{s[0], s[1], s[2], s[3]}})) << "pair " << i;
    EXPECT_NE(got[i], compress(r[i], l[i])) << "compress must be order-sensitive";
  }
}

}  // namespace
}  // namespace kprove
