// Proof file container: round trip, atomic write, and named errors for every corruption.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/proof/bytes.hpp"
#include "engine/proof/proof_file.hpp"
#include "support/random.hpp"

namespace kprove {
namespace {

ProofFile sample(test::Rng& rng) {
  ProofFile f;
  f.job_fingerprint = rng.u64();
  for (int s = 0; s < 3; ++s) {
    std::vector<uint8_t> b(10 + s * 7);
    for (auto& x : b) x = uint8_t(rng.u64());
    f.shards.push_back(b);
  }
  return f;
}

TEST(ProofFile, RoundTripsThroughDisk) {
  KPROVE_RNG(rng);
  ProofFile f = sample(rng);
  const auto path = std::filesystem::temp_directory_path() / "kprove_test" / "p.proof";
  write_proof_file(path.string(), f);
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".partial"));
  ProofFile g = read_proof_file(path.string(), 16);
  EXPECT_EQ(g.job_fingerprint, f.job_fingerprint);
  EXPECT_EQ(g.shards, f.shards);
  std::filesystem::remove_all(path.parent_path());
}

TEST(ProofFile, EveryTruncationAndHeaderCorruptionIsANamedError) {
  KPROVE_RNG(rng);
  const auto bytes = encode_proof_file(sample(rng));
  for (std::size_t len = 0; len < bytes.size(); ++len) {
    std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + std::ptrdiff_t(len));
    EXPECT_THROW(decode_proof_file(cut, 16), ProofFormatError) << "length " << len;
  }
  auto bad_magic = bytes;
  bad_magic[0] ^= 1;
  EXPECT_THROW(decode_proof_file(bad_magic, 16), ProofFormatError);
  auto bad_version = bytes;
  bad_version[8] ^= 4;
  EXPECT_THROW(decode_proof_file(bad_version, 16), ProofFormatError);
  auto trailing = bytes;
  trailing.push_back(0);
  EXPECT_THROW(decode_proof_file(trailing, 16), ProofFormatError);
  EXPECT_THROW(decode_proof_file(bytes, 2), ProofFormatError);  // more shards than allowed
  EXPECT_THROW(read_proof_file("/nonexistent/kprove.proof", 16), std::runtime_error);
}

TEST(ProofFile, FingerprintSeparatesStatements) {
  EXPECT_NE(fingerprint("steps=1024;seed=1"), fingerprint("steps=1024;seed=2"));
  EXPECT_EQ(fingerprint("a"), fingerprint("a"));
}

}  // namespace
}  // namespace kprove
