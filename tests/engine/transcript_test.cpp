// Fiat-Shamir transcript, for the Goldilocks and the BabyBear hasher: known answers computed
// from the bare permutation, determinism, sensitivity to every absorbed item, and
// proof-of-work consistency between prover and verifier on every backend.
#include "engine/transcript/transcript.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>

#include "engine/transcript/grind.hpp"
#include "support/fields.hpp"
#include "support/random.hpp"

namespace kprove {
namespace {

template <class T>
class TranscriptTest : public ::testing::Test {};
struct TranscriptNames {
  template <class T>
  static std::string GetName(int) {
    return T::F::NAME;
  }
};
using Transcripts = ::testing::Types<Transcript, BabyBearTranscript>;
TYPED_TEST_SUITE(TranscriptTest, Transcripts, TranscriptNames);

template <class T>
using State = std::array<typename T::F, T::WIDTH>;

template <class T>
State<T> permuted(State<T> s) {
  typename T::F raw[T::WIDTH];
  std::copy(s.begin(), s.end(), raw);
  T::Hasher::Perm::permute(raw);
  std::copy(raw, raw + T::WIDTH, s.begin());
  return s;
}

TYPED_TEST(TranscriptTest, KnownAnswersFromThePermutation) {
  using T = TypeParam;
  using F = typename T::F;
  // "" absorbs only its length 0: the first squeeze permutes the zero state.
  State<T> zero;
  zero.fill(F::zero());
  const auto p1 = permuted<T>(zero);
  const auto p2 = permuted<T>(p1);
  T t("");
  for (int i = 0; i < T::RATE; ++i) ASSERT_EQ(t.challenge_base(), p1[i]) << i;
  EXPECT_EQ(t.challenge_base(), p2[0]);  // rate exhausted: permute again

  // "abc" absorbs [3, 0x636261], which overwrite state[0..2); an extension challenge takes
  // the next DEGREE outputs.
  auto s = zero;
  s[0] = F::from_u64(3);
  s[1] = F::from_u64(0x636261);
  T u("abc");
  const auto c = u.challenge_ext();
  for (std::size_t k = 0; k < std::size(c.c); ++k) EXPECT_EQ(c.c[k], permuted<T>(s)[k]) << k;

  // Element RATE + 1 starts a new block after a permutation.
  T w("");
  for (int i = 1; i <= T::RATE; ++i) w.absorb(F::from_u64(uint64_t(i)));  // [0, 1..], then RATE
  auto b = zero;
  for (int i = 0; i < T::RATE; ++i) b[i] = F::from_u64(uint64_t(i));
  b = permuted<T>(b);
  b[0] = F::from_u64(T::RATE);
  EXPECT_EQ(w.challenge_base(), permuted<T>(b)[0]);
}

TYPED_TEST(TranscriptTest, LabelsPackBelowTheModulus) {
  using T = TypeParam;
  using F = typename T::F;
  static_assert((uint64_t(1) << (8 * T::LABEL_BYTES)) <= F::P);
  // Two labels that differ only in the last byte of a full element.
  const std::string a(T::LABEL_BYTES, '\xff'), b = a.substr(0, T::LABEL_BYTES - 1) + '\xfe';
  T ta("");
  T tb("");
  ta.absorb_label(a);
  tb.absorb_label(b);
  EXPECT_NE(ta.challenge_base(), tb.challenge_base());
}

TYPED_TEST(TranscriptTest, SameCallsGiveSameChallenges) {
  using T = TypeParam;
  using F = typename T::F;
  KPROVE_RNG(rng);
  const auto xs = rng.elements<F>(21);
  const F e = rng.element<F>();
  auto run = [&] {
    T t("kprove.test");
    t.absorb(std::span<const F>(xs));
    t.absorb_label("round");
    t.absorb(e);
    std::vector<F> out;
    for (int i = 0; i < 20; ++i) out.push_back(t.challenge_base());
    out.push_back(t.challenge_ext().c[1]);
    return out;
  };
  const auto a = run();
  EXPECT_EQ(a, run());
  std::set<uint64_t> distinct;  // no repeats across permutation boundaries
  for (F x : a) distinct.insert(x.value());
  EXPECT_EQ(distinct.size(), a.size());
}

TYPED_TEST(TranscriptTest, EveryAbsorbedItemChangesTheChallenge) {
  using T = TypeParam;
  using F = typename T::F;
  KPROVE_RNG(rng);
  const F x = rng.element<F>(), y = rng.element<F>();
  auto challenge = [](auto&& build) {
    T t("kprove.test");
    build(t);
    return t.challenge_ext();
  };
  const auto base = challenge([&](T& t) {
    t.absorb(x);
    t.absorb(y);
  });
  EXPECT_NE(base, challenge([&](T& t) {
              t.absorb(y);
              t.absorb(x);
            }));
  EXPECT_NE(base, challenge([&](T& t) {
              t.absorb(x);
              t.absorb(y + F::one());
            }));
  EXPECT_NE(base, challenge([&](T& t) { t.absorb(x); }));
  EXPECT_NE(challenge([](T& t) { t.absorb_label("ab"); }), challenge([](T& t) {
              t.absorb_label("a");
              t.absorb_label("b");
            }));
  T other("kprove.other");
  other.absorb(x);
  other.absorb(y);
  EXPECT_NE(base, other.challenge_ext());
  typename T::Digest d, d2;
  for (int i = 0; i < T::Digest::SIZE; ++i) d.h[i] = d2.h[i] = i % 2 ? y : x;
  d2.h[T::Digest::SIZE - 1] += F::one();
  EXPECT_NE(challenge([&](T& t) { t.absorb(d); }), challenge([&](T& t) { t.absorb(d2); }));
}

TYPED_TEST(TranscriptTest, ChallengeIndicesStayInRange) {
  using T = TypeParam;
  using F = typename T::F;
  T t("kprove.test");
  for (int log_range : {0, 1, 5, F::TWO_ADICITY}) {
    for (std::size_t i : t.challenge_indices(50, log_range))
      EXPECT_LT(i, std::size_t(1) << log_range);
  }
  EXPECT_THROW(t.challenge_indices(1, F::TWO_ADICITY + 1), std::invalid_argument);
  EXPECT_THROW(t.check_pow(F::BITS, 0), std::invalid_argument);
  EXPECT_FALSE(t.check_pow(1, F::P)) << "a nonce outside the field";
  EXPECT_THROW(t.absorb_size(F::P), std::invalid_argument);
}

KPROVE_FIELD_SUITE(GrindTest);

// The parallel grinder finds what a sequential search of check_pow finds, leaves the
// transcript where the verifier's check_pow leaves it, on every backend and for nonces beyond
// the first batch.
TYPED_TEST(GrindTest, FindsTheFirstNonceTheVerifierAccepts) {
  using Exec = typename TestFixture::Exec;
  using T = TranscriptOf<HasherFor<typename TestFixture::F>, typename TestFixture::E>;
  using F = typename T::F;
  for (int bits : {1, 8, 14}) {
    SCOPED_TRACE("bits " + std::to_string(bits));
    T prover("kprove.pow");
    prover.absorb(F::from_u64(42 + bits));
    T verifier = prover;
    const uint64_t nonce = grind(Exec(), prover, bits);
    for (uint64_t n = 0; n < nonce; ++n) {
      T trial = verifier;
      ASSERT_FALSE(trial.check_pow(bits, n)) << n;
    }
    EXPECT_TRUE(verifier.check_pow(bits, nonce));
    EXPECT_EQ(prover.challenge_ext(), verifier.challenge_ext());
  }
  T any("kprove.pow");
  EXPECT_EQ(grind(Exec(), any, 0), 0u);
  EXPECT_THROW(grind(Exec(), any, T::MAX_POW_BITS + 1), std::invalid_argument);
}

// A nonce slot at every position of the block: 0..RATE-1 pending inputs before the nonce.
TYPED_TEST(GrindTest, AgreesWithCheckPowWhateverIsPending) {
  using Exec = typename TestFixture::Exec;
  using T = TranscriptOf<HasherFor<typename TestFixture::F>, typename TestFixture::E>;
  using F = typename T::F;
  for (int pending = 0; pending < T::RATE; ++pending) {
    SCOPED_TRACE("pending " + std::to_string(pending));
    T prover("kprove.pow.slot");
    prover.challenge_base();
    for (int i = 0; i < pending; ++i) prover.absorb(F::from_u64(uint64_t(i) + 7));
    ASSERT_EQ(prover.pow_trial().nonce_slot, pending);
    T verifier = prover;
    const uint64_t nonce = grind(Exec(), prover, 6);
    EXPECT_TRUE(verifier.check_pow(6, nonce));
    EXPECT_EQ(prover.challenge_base(), verifier.challenge_base());
  }
}

}  // namespace
}  // namespace kprove
