// Shard proofs end to end, on the witness of a real shard (support/rv32_every_chip.hpp: a
// guest with rows on every RV32IM chip, one shard that is also its run's last): an honest
// shard verifies on every backend with the same bytes as on Serial and leaves nothing booked;
// a cell only the constraints read, a value outside its lookup table and a forged multiplicity
// are rejected; so is every corrupted byte of a serialized proof. The shard stands alone here
// (no run challenges): its own alpha and beta, its sum with the boundary must be zero.
#include "engine/prover/shard_prover.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>

#include "engine/verifier/shard_verifier.hpp"
#include "support/backends.hpp"
#include "support/random.hpp"
#include "support/rv32_every_chip.hpp"

namespace kprove {
namespace {

using test::rv32::Cheat;

const Cheat& honest() { return test::rv32::every_chip_honest(); }
const test::rv32::ProvingKey& key() { return test::rv32::every_chip_key(); }
PcsParams params() { return key().vk.params; }

ShardStatement statement(uint64_t shard = 0) {
  ShardStatement s;
  s.shard_index = shard;
  s.max_log_rows = key().vk.shape.max_log_rows;
  s.public_values = honest().statement.public_values.to_felts();
  s.boundary = test::rv32::boundary(honest().statement, key().vk);
  s.preprocessed_root = key().vk.preprocessed_root;
  return s;
}

template <class Exec>
chip::ShardTraces<typename Exec::memory_space> upload(MemoryLedger& ledger, const Cheat& c) {
  chip::ShardTraces<typename Exec::memory_space> w;
  w.chips = c.chips();
  for (std::size_t k = 0; k < c.traces.size(); ++k)
    w.traces.push_back(chip::upload_trace(Exec(), ledger, c.chips()[k]->name(), c.traces[k]));
  return w;
}

// Proves `c`'s witness on Exec with the key's preprocessed commitment (made on Serial: host
// memory, so Exec must be a host space to use it; otherwise committed again on Exec).
template <class Exec>
ShardProof prove(MemoryLedger& ledger, const Cheat& c, const ShardStatement& s,
                 Metrics* metrics = nullptr) {
  using Mem = typename Exec::memory_space;
  auto w = upload<Exec>(ledger, c);
  if constexpr (std::is_same_v<Mem, Kokkos::HostSpace>) {
    return prove_shard(Exec(), ledger, c.chips(), std::move(w), params(), s, &key().pre.last,
                       ShardProverOptions{metrics});
  } else {
    const auto pre = key().machine->preprocess(Exec(), ledger, params());
    return prove_shard(Exec(), ledger, c.chips(), std::move(w), params(), s, &pre.last,
                       ShardProverOptions{metrics});
  }
}

void verify(const ShardProof& proof, const ShardStatement& s = statement(),
            const PcsParams& p = params()) {
  verify_shard(proof, honest().chips(), s, p);
}

template <class F>
std::string rejection(F&& f) {
  try {
    f();
  } catch (const VerifyError& e) {
    return e.what();
  }
  return "";
}

const std::vector<uint8_t>& serial_bytes() {
  static const std::vector<uint8_t> bytes = [] {
    MemoryLedger ledger;
    return serialize(prove<Kokkos::Serial>(ledger, honest(), statement()));
  }();
  return bytes;
}

// A column of `chip` that no interaction reads, and a real row: a change there can only be
// caught by the constraints (every column is constrained: tests/rv32im/mutation_test.cpp).
std::optional<std::pair<std::string, std::size_t>> constraint_only_cell(const Cheat& c,
                                                                        const std::string& chip) {
  const chip::Chip& ch = *c.chips()[c.chip(chip)];
  std::set<std::size_t> in_interactions;
  for (const chip::Interaction& l : ch.interactions()) {
    for (const chip::Affine& a : l.tuple)
      for (const auto& [col, coeff] : a.terms()) in_interactions.insert(col);
    for (const auto& [col, coeff] : l.multiplicity.terms()) in_interactions.insert(col);
  }
  for (std::size_t col = ch.fixed_columns(); col < ch.num_columns(); ++col)
    if (!in_interactions.count(col) && !test::rv32::is_alu_scratch(ch, ch.columns()[col])) {
      const chip::HostTrace& t = c.trace(chip);
      for (std::size_t r = 0; r < t.rows; ++r)
        if (!Cheat::is_padding(t, r)) return std::pair(ch.columns()[col], r);
    }
  return std::nullopt;
}

KPROVE_BACKEND_SUITE(ShardProverTest);

TYPED_TEST(ShardProverTest, HonestShardVerifiesWithTheSerialBytesAndReleasesEverything) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  MemoryLedger ledger;
  Metrics metrics;
  const ShardProof proof = prove<Exec>(ledger, honest(), statement(), &metrics);
  EXPECT_EQ(ledger.stats(Mem::name()).current, 0u);
  std::set<std::string> phases;
  for (const auto& p : metrics.phases()) phases.insert(p.phase);
  EXPECT_EQ(phases,
            (std::set<std::string>{"commit_traces", "tower", "main_constraints", "pcs_opening"}));
  EXPECT_NO_THROW(verify(proof));
  const auto bytes = serialize(proof);
  EXPECT_TRUE(bytes == serial_bytes()) << "proof differs from the Serial proof";
  const ShardProof back = deserialize_shard_proof(bytes, params());
  EXPECT_TRUE(serialize(back) == bytes);
  EXPECT_NE(rejection([&] { verify(proof, statement(1)); }).find("shard index"), std::string::npos);
  PcsParams other = params();
  other.queries += 1;
  EXPECT_THROW(verify(proof, statement(), other), VerifyError);
  ShardProof taller = proof;
  taller.log_rows[0] = statement().max_log_rows + 1;
  EXPECT_NE(rejection([&] { verify(taller); }).find("shape"), std::string::npos);
  ShardStatement run = statement();
  run.run_challenges = LogupChallenges{Ext::one(), Ext::one()};
  EXPECT_NE(rejection([&] { verify(proof, run); }), "") << "a proof is bound to its challenges";
}

TYPED_TEST(ShardProverTest, ACellOnlyTheConstraintsReadIsRejectedByThem) {
  using Exec = typename TestFixture::Exec;
  std::size_t tried = 0;
  for (const chip::Chip* chip : honest().chips()) {
    if (chip->interactions().empty() || chip->fixed_log_rows()) continue;
    Cheat c = honest();
    const auto cell = constraint_only_cell(c, chip->name());
    if (!cell) continue;
    const auto& [col, r] = *cell;
    c.at(chip->name(), r, col) += Felt::one();
    MemoryLedger ledger;
    const ShardProof proof = prove<Exec>(ledger, c, statement());
    EXPECT_NE(rejection([&] { verify(proof); }).find("main constraints"), std::string::npos)
        << chip->name() << " column " << col;
    ++tried;
  }
  EXPECT_GE(tried, 4u);
}

TYPED_TEST(ShardProverTest, AValueOutsideItsTableIsRejectedByLogUp) {
  using Exec = typename TestFixture::Exec;
  // A timestamp gap's low limb is only range-checked, its high limb is (gap - lo) / 2^16:
  // lo + 2^16 keeps every constraint and puts both limbs outside the u16 table.
  Cheat c = honest();
  const std::size_t r = 0;  // a real row: the guest makes alu_reg rows
  c.set("alu_reg", r, "rs1_dt_lo", c.at("alu_reg", r, "rs1_dt_lo") + Felt::from_u64(1u << 16));
  c.rebalance_lookups();
  MemoryLedger ledger;
  const ShardProof proof = prove<Exec>(ledger, c, statement());
  EXPECT_NE(rejection([&] { verify(proof); }).find("LogUp"), std::string::npos);
}

TYPED_TEST(ShardProverTest, AForgedMultiplicityIsRejectedByLogUp) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  Cheat c = honest();
  chip::HostTrace& t = c.trace("and_byte");
  t.cells[(rng.u64() % t.rows) * t.cols + t.cols - 1] += Felt::one();
  MemoryLedger ledger;
  const ShardProof proof = prove<Exec>(ledger, c, statement());
  EXPECT_NE(rejection([&] { verify(proof); }).find("LogUp"), std::string::npos);
}

TYPED_TEST(ShardProverTest, AWitnessOfAnotherLayoutIsRefused) {
  using Exec = typename TestFixture::Exec;
  MemoryLedger ledger;
  auto w = upload<Exec>(ledger, honest());
  std::swap(w.traces[0], w.traces[1]);
  std::swap(w.chips[0], w.chips[1]);
  EXPECT_THROW(prove_shard(Exec(), ledger, honest().chips(), std::move(w), params(), statement(),
                           static_cast<const Preprocessed<typename TestFixture::Mem>*>(nullptr)),
               std::invalid_argument);
}

// Byte offsets where the sections of a serialized shard proof start (shard_proof.hpp).
std::vector<std::size_t> section_starts(const ShardProof& p) {
  std::size_t at = 4 + 4 + 8 + 8 + 4 * p.log_rows.size();
  std::vector<std::size_t> out{0, at};
  at += 32;
  out.push_back(at);  // tower top
  at += 8 + 16 * p.tower.top.size();
  out.push_back(at);  // tower layers
  at += 8;
  for (const auto& l : p.tower.layers) at += 8 + l.to_bytes().size();
  out.push_back(at);  // main sumcheck
  at += 8 + p.main.to_bytes().size();
  out.push_back(at);  // Basefold proof
  at += 8 + serialize(p.opening).size();
  out.push_back(at);  // preprocessed opening: flag, then the proof
  at += 1;
  out.push_back(at);
  at += 8 + serialize(*p.preprocessed_opening).size();
  out.push_back(at);
  return out;
}

TEST(ShardProofBytes, EveryCorruptedByteIsRejected) {
  KPROVE_RNG(rng);
  const auto& bytes = serial_bytes();
  const ShardProof proof = deserialize_shard_proof(bytes, params());
  const auto starts = section_starts(proof);
  ASSERT_EQ(starts.back(), bytes.size());
  std::vector<std::size_t> positions;
  for (std::size_t s = 0; s + 1 < starts.size(); ++s) {
    const std::size_t len = starts[s + 1] - starts[s];
    for (std::size_t i = 0; i < std::min<std::size_t>(len, 12); ++i)
      positions.push_back(starts[s] + i);
    for (int i = 0; i < 12; ++i) positions.push_back(starts[s] + rng.u64() % len);
  }
  positions.push_back(bytes.size() - 1);
  int format = 0, verify_errors = 0;
  for (std::size_t pos : positions) {
    auto bad = bytes;
    bad[pos] ^= uint8_t(1 + rng.u64() % 255);
    try {
      verify(deserialize_shard_proof(bad, params()));
      ADD_FAILURE() << "corrupted byte " << pos << " was accepted";
    } catch (const ProofFormatError&) {
      ++format;
    } catch (const VerifyError&) {
      ++verify_errors;
    }
  }
  EXPECT_GT(format, 0);
  EXPECT_GT(verify_errors, 0);
  auto truncated = bytes;
  truncated.resize(bytes.size() / 2);
  EXPECT_THROW(deserialize_shard_proof(truncated, params()), ProofFormatError);
  auto longer = bytes;
  longer.push_back(0);
  EXPECT_THROW(deserialize_shard_proof(longer, params()), ProofFormatError);
}

}  // namespace
}  // namespace kprove
