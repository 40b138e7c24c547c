// Fiat-Shamir transcript: known answers computed from the bare permutation, determinism,
// sensitivity to every absorbed item, and proof-of-work consistency between prover and verifier.
#include "engine/transcript/transcript.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "engine/transcript/grind.hpp"
#include "support/backends.hpp"
#include "support/random.hpp"

namespace kprove {
namespace {

std::array<Felt, 12> permuted(std::array<Felt, 12> s) {
  Felt raw[12];
  for (int i = 0; i < 12; ++i) raw[i] = s[i];
  Poseidon2Goldilocks12::permute(raw);
  for (int i = 0; i < 12; ++i) s[i] = raw[i];
  return s;
}

TEST(TranscriptTest, KnownAnswersFromThePermutation) {
  // "" absorbs only its length 0: the first squeeze permutes the zero state.
  std::array<Felt, 12> zero{};
  zero.fill(Felt::zero());
  const auto p1 = permuted(zero);
  const auto p2 = permuted(p1);
  Transcript t("");
  for (int i = 0; i < 8; ++i) ASSERT_EQ(t.challenge_base(), p1[i]) << i;
  EXPECT_EQ(t.challenge_base(), p2[0]);  // rate exhausted: permute again

  // "abc" absorbs [3, 0x636261], which overwrite state[0..2).
  auto s = zero;
  s[0] = Felt::from_u64(3);
  s[1] = Felt::from_u64(0x636261);
  Transcript u("abc");
  const Ext c = u.challenge_ext();
  EXPECT_EQ(c, Ext(permuted(s)[0], permuted(s)[1]));

  // A ninth element starts a new block after a permutation.
  Transcript w("");
  for (uint64_t i = 1; i <= 8; ++i) w.absorb(Felt::from_u64(i));  // block: [0, 1..7], then 8
  auto b = zero;
  for (int i = 0; i < 8; ++i) b[i] = Felt::from_u64(i);
  b = permuted(b);
  b[0] = Felt::from_u64(8);
  EXPECT_EQ(w.challenge_base(), permuted(b)[0]);
}

TEST(TranscriptTest, SameCallsGiveSameChallenges) {
  KPROVE_RNG(rng);
  const auto xs = rng.felts(21);
  const Ext e = rng.ext();
  auto run = [&] {
    Transcript t("kprove.test");
    t.absorb(std::span<const Felt>(xs));
    t.absorb_label("round");
    t.absorb(e);
    std::vector<Felt> out;
    for (int i = 0; i < 20; ++i) out.push_back(t.challenge_base());
    out.push_back(t.challenge_ext().c[1]);
    return out;
  };
  const auto a = run();
  EXPECT_EQ(a, run());
  std::set<uint64_t> distinct;  // no repeats across permutation boundaries
  for (Felt x : a) distinct.insert(x.value());
  EXPECT_EQ(distinct.size(), a.size());
}

TEST(TranscriptTest, EveryAbsorbedItemChangesTheChallenge) {
  KPROVE_RNG(rng);
  const Felt x = rng.felt(), y = rng.felt();
  auto challenge = [](auto&& build) {
    Transcript t("kprove.test");
    build(t);
    return t.challenge_ext();
  };
  const Ext base = challenge([&](Transcript& t) {
    t.absorb(x);
    t.absorb(y);
  });
  EXPECT_NE(base, challenge([&](Transcript& t) {
              t.absorb(y);
              t.absorb(x);
            }));
  EXPECT_NE(base, challenge([&](Transcript& t) {
              t.absorb(x);
              t.absorb(y + Felt::one());
            }));
  EXPECT_NE(base, challenge([&](Transcript& t) { t.absorb(x); }));
  EXPECT_NE(challenge([](Transcript& t) { t.absorb_label("ab"); }), challenge([](Transcript& t) {
              t.absorb_label("a");
              t.absorb_label("b");
            }));
  Transcript other("kprove.other");
  other.absorb(x);
  other.absorb(y);
  EXPECT_NE(base, other.challenge_ext());
  const Digest d{{x, y, x, y}}, d2{{x, y, x, x}};
  EXPECT_NE(challenge([&](Transcript& t) { t.absorb(d); }),
            challenge([&](Transcript& t) { t.absorb(d2); }));
}

TEST(TranscriptTest, ChallengeIndicesStayInRange) {
  Transcript t("kprove.test");
  for (int log_range : {0, 1, 5, 32}) {
    for (std::size_t i : t.challenge_indices(50, log_range))
      EXPECT_LT(i, std::size_t(1) << log_range);
  }
  EXPECT_THROW(t.challenge_indices(1, 33), std::invalid_argument);
  EXPECT_THROW(t.check_pow(64, 0), std::invalid_argument);
}

KPROVE_BACKEND_SUITE(GrindTest);

// The parallel grinder finds what a sequential search of check_pow finds, leaves the
// transcript where the verifier's check_pow leaves it, on every backend and for nonces beyond
// the first batch.
TYPED_TEST(GrindTest, FindsTheFirstNonceTheVerifierAccepts) {
  using Exec = typename TestFixture::Exec;
  for (int bits : {1, 8, 14}) {
    SCOPED_TRACE("bits " + std::to_string(bits));
    Transcript prover("kprove.pow");
    prover.absorb(Felt::from_u64(42 + bits));
    Transcript verifier = prover;
    const uint64_t nonce = grind(Exec(), prover, bits);
    for (uint64_t n = 0; n < nonce; ++n) {
      Transcript trial = verifier;
      ASSERT_FALSE(trial.check_pow(bits, n)) << n;
    }
    EXPECT_TRUE(verifier.check_pow(bits, nonce));
    EXPECT_EQ(prover.challenge_ext(), verifier.challenge_ext());
  }
  Transcript any("kprove.pow");
  EXPECT_EQ(grind(Exec(), any, 0), 0u);
  EXPECT_THROW(grind(Exec(), any, 64), std::invalid_argument);
}

// A nonce slot at every position of the block: 0..7 pending inputs before the nonce.
TYPED_TEST(GrindTest, AgreesWithCheckPowWhateverIsPending) {
  using Exec = typename TestFixture::Exec;
  for (int pending = 0; pending < Transcript::RATE; ++pending) {
    SCOPED_TRACE("pending " + std::to_string(pending));
    Transcript prover("kprove.pow.slot");
    prover.challenge_base();
    for (int i = 0; i < pending; ++i) prover.absorb(Felt::from_u64(uint64_t(i) + 7));
    ASSERT_EQ(prover.pow_trial().nonce_slot, pending);
    Transcript verifier = prover;
    const uint64_t nonce = grind(Exec(), prover, 6);
    EXPECT_TRUE(verifier.check_pow(6, nonce));
    EXPECT_EQ(prover.challenge_base(), verifier.challenge_base());
  }
}

}  // namespace
}  // namespace kprove
