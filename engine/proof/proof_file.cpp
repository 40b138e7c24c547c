#include "engine/proof/proof_file.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "engine/jobs/output_paths.hpp"
#include "engine/proof/bytes.hpp"

namespace kprove {
namespace {
constexpr uint64_t MAGIC = 0x31464f5250564b50ull;  // "PKVPROF1" little-endian
// A shard proof is at least a few hundred bytes; bounding each length by the bytes left
// keeps a corrupted length from allocating more than the file holds.
constexpr std::size_t MIN_SHARD_BYTES = 1;
}  // namespace

std::vector<uint8_t> encode_proof_file(const ProofFile& f) {
  ByteWriter w;
  w.u64(MAGIC);
  w.u32(ProofFile::VERSION);
  w.u64(f.job_fingerprint);
  w.u64(f.shards.size());
  for (const auto& s : f.shards) {
    w.u64(s.size());
    for (uint8_t b : s) w.u8(b);
  }
  return w.take();
}

ProofFile decode_proof_file(const std::vector<uint8_t>& bytes, std::size_t max_shards) {
  ByteReader r(bytes);
  if (r.u64("magic") != MAGIC) r.fail("magic", "does not mark a kprove proof file");
  uint32_t version = r.u32("version");
  if (version != ProofFile::VERSION)
    r.fail("version", std::to_string(version) + " is not supported (expected " +
                          std::to_string(ProofFile::VERSION) + ")");
  ProofFile f;
  f.job_fingerprint = r.u64("job fingerprint");
  const std::size_t n = r.length("shard count", max_shards, 8 + MIN_SHARD_BYTES);
  f.shards.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string what = "shard " + std::to_string(i) + " proof";
    f.shards[i].resize(r.length(what.c_str(), bytes.size()));
    for (auto& b : f.shards[i]) b = r.u8(what.c_str());
  }
  r.expect_end("proof file");
  return f;
}

void write_proof_file(const std::string& path, const ProofFile& f) {
  const std::vector<uint8_t> bytes = encode_proof_file(f);
  StagedFile out(path);
  out.write(bytes.data(), bytes.size());
  out.commit();
}

std::vector<uint8_t> read_binary_file(const std::string& path, const std::string& what) {
  // A FIFO or a device (/dev/zero) would block or never end: only regular files are read.
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
    throw std::runtime_error("cannot read " + what + " '" + path + "': not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + what + " '" + path + "'");
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

ProofFile read_proof_file(const std::string& path, std::size_t max_shards) {
  const std::vector<uint8_t> bytes = read_binary_file(path, "proof file");
  try {
    return decode_proof_file(bytes, max_shards);
  } catch (const ProofFormatError& e) {
    throw ProofFormatError(path + ": " + e.what());
  }
}

uint64_t fingerprint(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace kprove
