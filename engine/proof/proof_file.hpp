// The proof file of a job: a versioned container of per-shard proofs, bound to the job's
// statement by a fingerprint so `kprove verify` rejects a proof checked against another job.
// Written atomically (a unique temporary file in the target's folder, fsync'd, then renamed;
// engine/jobs/output_paths.hpp) and only once every shard is proven, so a failed run never
// leaves a file that looks complete, nor a temporary.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kprove {

struct ProofFile {
  static constexpr uint32_t VERSION = 1;
  uint64_t job_fingerprint = 0;
  std::vector<std::vector<uint8_t>> shards;  // serialized shard proofs, in shard order
};

std::vector<uint8_t> encode_proof_file(const ProofFile& f);
// Throws ProofFormatError naming what is wrong (magic, version, lengths, trailing bytes).
ProofFile decode_proof_file(const std::vector<uint8_t>& bytes, std::size_t max_shards);

// Throws std::runtime_error naming the path if it cannot be written (no temporary is left).
void write_proof_file(const std::string& path, const ProofFile& f);
// Throws std::runtime_error naming the path if it cannot be read or is not a regular file,
// ProofFormatError if corrupt.
ProofFile read_proof_file(const std::string& path, std::size_t max_shards);

// The bytes of a regular file; throws std::runtime_error naming `what` and the path otherwise.
std::vector<uint8_t> read_binary_file(const std::string& path, const std::string& what);

// FNV-1a over a canonical description of the statement (the job's workload and parameters).
uint64_t fingerprint(const std::string& canonical_statement);

}  // namespace kprove
