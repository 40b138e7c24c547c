// Shard proofs end to end: honest shards verify on every backend with the same bytes as on
// Serial and leave nothing booked; a wrong witness cell, a value outside its lookup table and a
// forged multiplicity are rejected; so is every corrupted byte of a serialized proof.
#include "engine/prover/shard_prover.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "engine/verifier/shard_verifier.hpp"
#include "engine/workload/generator.hpp"
#include "support/backends.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

constexpr uint64_t kShardSteps = 512;

const chip::ChipSet& chip_set() {
  static const chip::ChipSet chips;
  return chips;
}

PcsParams test_params() {
  PcsParams p;
  p.queries = 4;
  p.pow_bits = 2;
  p.final_log_size = 3;
  return p;
}

workload::WorkloadConfig workload_config(uint64_t seed) {
  workload::WorkloadConfig cfg;
  cfg.seed = seed;
  cfg.steps = 2 * kShardSteps - 100;  // shard 1 is short: padding rows
  cfg.shard_steps = kShardSteps;
  return cfg;
}

template <class Exec>
chip::ShardTraces<typename Exec::memory_space> witness(MemoryLedger& ledger, uint64_t seed,
                                                       uint64_t shard) {
  const auto s = workload::generate_shard(Exec(), ledger, workload_config(seed), shard);
  return chip::witgen_shard(Exec(), ledger, chip_set(), s);
}

std::size_t trace_index(const std::string& name) {
  const auto all = chip_set().all();
  for (std::size_t k = 0; k < all.size(); ++k)
    if (all[k]->name() == name) return k;
  throw std::logic_error("no chip " + name);
}

template <class Mem>
Felt cell(const chip::ShardTraces<Mem>& w, const std::string& chip, std::size_t r, uint32_t c) {
  Felt v;
  Kokkos::deep_copy(v, Kokkos::subview(w.traces[trace_index(chip)].view(), r, c));
  return v;
}

template <class Mem>
void set_cell(const chip::ShardTraces<Mem>& w, const std::string& chip, std::size_t r, uint32_t c,
              Felt v) {
  Kokkos::deep_copy(Kokkos::subview(w.traces[trace_index(chip)].view(), r, c), v);
}

// First row of `chip` whose column c is 1.
template <class Mem>
std::size_t row_with(const chip::ShardTraces<Mem>& w, const std::string& chip, uint32_t c) {
  const auto& t = w.traces[trace_index(chip)];
  const auto cells = test::to_host(t.view());
  for (std::size_t r = 0; r < t.rows(); ++r)
    if (cells[r * t.cols() + c] == Felt::one()) return r;
  throw std::logic_error("no such row in " + chip);
}

template <class Exec>
ShardProof prove(MemoryLedger& ledger, chip::ShardTraces<typename Exec::memory_space>&& w,
                 uint64_t shard = 0, Metrics* metrics = nullptr) {
  return prove_shard(Exec(), ledger, chip_set().all(), std::move(w), test_params(),
                     ShardStatement::for_shard(shard, kShardSteps), nullptr,
                     ShardProverOptions{metrics});
}

void verify(const ShardProof& proof, uint64_t shard = 0, const PcsParams& params = test_params()) {
  verify_shard(proof, chip_set().all(), ShardStatement::for_shard(shard, kShardSteps), params);
}

// Runs f and returns the VerifyError message ("" if it accepted).
template <class F>
std::string rejection(F&& f) {
  try {
    f();
  } catch (const VerifyError& e) {
    return e.what();
  }
  return "";
}

// One honest proof on Serial per test run (proving a shard costs about a second there, mostly
// hashing the 2^16-row tables): the reference the other backends must reproduce byte for byte,
// and the proof the corruption test mutates. Shard 1 is the short one, with padding rows.
struct Reference {
  uint64_t seed;
  std::vector<uint8_t> bytes;
};

const Reference& serial_reference() {
  static const Reference ref = [] {
    const uint64_t seed = test::test_seed();
    MemoryLedger ledger;
    auto w = witness<Kokkos::Serial>(ledger, seed, 1);
    return Reference{seed, serialize(prove<Kokkos::Serial>(ledger, std::move(w), 1))};
  }();
  return ref;
}

KPROVE_BACKEND_SUITE(ShardProverTest);

TYPED_TEST(ShardProverTest, HonestShardVerifiesWithTheSerialBytesAndReleasesEverything) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  const Reference& ref = serial_reference();
  SCOPED_TRACE("KPROVE_TEST_SEED=" + std::to_string(ref.seed));
  MemoryLedger ledger;
  auto w = witness<Exec>(ledger, ref.seed, 1);
  Metrics metrics;
  const ShardProof proof = prove<Exec>(ledger, std::move(w), 1, &metrics);
  EXPECT_EQ(ledger.stats(Mem::name()).current, 0u);
  EXPECT_EQ(ledger.stats(Kokkos::HostSpace::name()).current, 0u);
  std::set<std::string> phases;
  for (const auto& p : metrics.phases()) phases.insert(p.phase);
  EXPECT_EQ(phases,
            (std::set<std::string>{"commit_traces", "tower", "main_constraints", "pcs_opening"}));
  EXPECT_NO_THROW(verify(proof, 1));
  const auto bytes = serialize(proof);
  EXPECT_TRUE(bytes == ref.bytes) << "proof differs from the Serial proof";
  const ShardProof back = deserialize_shard_proof(bytes, test_params());
  EXPECT_TRUE(serialize(back) == bytes);
  EXPECT_NO_THROW(verify(back, 1));
  EXPECT_NE(rejection([&] { verify(proof, 0); }).find("shard index"), std::string::npos);
  PcsParams other = test_params();
  other.queries += 1;
  EXPECT_THROW(verify(proof, 1, other), VerifyError);
  ShardProof taller = proof;
  taller.log_rows[0] = 12;  // above the statement's bound for 512-step shards
  EXPECT_NE(rejection([&] { verify(taller, 1); }).find("shape"), std::string::npos);
}

TYPED_TEST(ShardProverTest, WrongWitnessCellIsRejectedByTheConstraints) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  auto w = witness<Exec>(ledger, rng.u64(), 0);
  // The carry of an ADD row takes part in no lookup: only the constraints can catch it.
  const std::size_t r = row_with(w, "alu", chip::alu::IS_ADD);
  set_cell(w, "alu", r, chip::alu::CARRY0, Felt::one() - cell(w, "alu", r, chip::alu::CARRY0));
  const ShardProof proof = prove<Exec>(ledger, std::move(w));
  EXPECT_NE(rejection([&] { verify(proof); }).find("main constraints"), std::string::npos);
}

TYPED_TEST(ShardProverTest, ValueOutsideItsTableIsRejectedByLogUp) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  auto w = witness<Exec>(ledger, rng.u64(), 0);
  // A loaded value limb is only range-checked: the constraints still hold with 2^16 + 5. The
  // table's count of the old value drops with it, so exactly one lookup misses.
  const std::size_t r = row_with(w, "mem", chip::mem::IS_REAL);
  const Felt old = cell(w, "mem", r, chip::mem::V_LO);
  set_cell(w, "mem", r, chip::mem::V_LO, Felt::from_u64((1u << 16) + 5));
  const std::size_t at = std::size_t(old.value());
  set_cell(w, "u16_range", at, 1, cell(w, "u16_range", at, 1) - Felt::one());
  const ShardProof proof = prove<Exec>(ledger, std::move(w));
  EXPECT_NE(rejection([&] { verify(proof); }).find("LogUp"), std::string::npos);
}

TYPED_TEST(ShardProverTest, ForgedMultiplicityIsRejectedByLogUp) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  auto w = witness<Exec>(ledger, rng.u64(), 0);
  const std::size_t at = rng.u64() & 0xFF;
  set_cell(w, "and_byte", at, 3, cell(w, "and_byte", at, 3) + Felt::one());
  const ShardProof proof = prove<Exec>(ledger, std::move(w));
  EXPECT_NE(rejection([&] { verify(proof); }).find("LogUp"), std::string::npos);
}

TYPED_TEST(ShardProverTest, WitnessOfAnotherLayoutIsRefused) {
  using Exec = typename TestFixture::Exec;
  MemoryLedger ledger;
  auto w = witness<Exec>(ledger, 7, 0);
  std::swap(w.traces[0], w.traces[1]);
  std::swap(w.chips[0], w.chips[1]);
  EXPECT_THROW(prove<Exec>(ledger, std::move(w)), std::invalid_argument);
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
  out.push_back(at);  // preprocessed opening flag (no preprocessed chips here)
  out.push_back(at + 1);
  return out;
}

TEST(ShardProofBytes, EveryCorruptedByteIsRejected) {
  KPROVE_RNG(rng);
  const Reference& ref = serial_reference();
  SCOPED_TRACE("reference KPROVE_TEST_SEED=" + std::to_string(ref.seed));
  const auto& bytes = ref.bytes;
  const ShardProof proof = deserialize_shard_proof(bytes, test_params());
  const auto starts = section_starts(proof);
  ASSERT_EQ(starts.back(), bytes.size());
  std::vector<std::size_t> positions;
  for (std::size_t s = 0; s + 1 < starts.size(); ++s) {
    const std::size_t len = starts[s + 1] - starts[s];
    for (std::size_t i = 0; i < std::min<std::size_t>(len, 12); ++i)
      positions.push_back(starts[s] + i);
    for (int i = 0; i < 24; ++i) positions.push_back(starts[s] + rng.u64() % len);
  }
  positions.push_back(bytes.size() - 1);
  int format = 0, verify_errors = 0;
  for (std::size_t pos : positions) {
    auto bad = bytes;
    bad[pos] ^= uint8_t(1 + rng.u64() % 255);
    try {
      verify(deserialize_shard_proof(bad, test_params()), 1);
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
  EXPECT_THROW(deserialize_shard_proof(truncated, test_params()), ProofFormatError);
  auto longer = bytes;
  longer.push_back(0);
  EXPECT_THROW(deserialize_shard_proof(longer, test_params()), ProofFormatError);
}

}  // namespace
}  // namespace kprove
