// libFuzzer target: the shard proof decoder (deserialize_shard_proof) and the shard verifier
// (verify_shard) on shard 0 of the fixed small job of honest_proof.hpp. An input is either
//   * a raw shard proof (it starts with the magic "KPSH"), or
//   * an edit script applied to the honest shard proof: records of 13 bytes
//       u32 offset (taken modulo size + 1), u8 op, u64 value
//     op % 6: 0 set a byte, 1 set a u64 (little-endian, clipped at the end), 2 set a u32,
//     3 insert (value % 64) + 1 copies of byte value >> 8, 4 erase (value % 4096) + 1 bytes,
//     5 truncate; so short inputs reach deep into a structurally valid proof (length fields,
//     counts, canonical field elements, sub-proof blobs).
// Outcomes other than accepting the honest bytes or a ProofFormatError / VerifyError on
// anything else are findings.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "engine/chip/chip_set.hpp"
#include "engine/pcs/params.hpp"
#include "engine/proof/bytes.hpp"
#include "engine/prover/shard_proof.hpp"
#include "engine/verifier/shard_verifier.hpp"
#include "tests/fuzz/honest_proof.hpp"

using namespace kprove;

namespace {

PcsParams params_of(const JobConfig& job) {
  PcsParams p;
  p.rate_bits = int(job.pcs.rate_bits);
  p.queries = int(job.pcs.queries);
  p.pow_bits = int(job.pcs.pow_bits);
  return p;
}

fuzz::Bytes apply_edits(fuzz::Bytes b, const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kRecord = 13;
  for (std::size_t at = 0; at + kRecord <= size; at += kRecord) {
    std::uint32_t off32;
    std::uint64_t value;
    std::memcpy(&off32, data + at, 4);
    std::memcpy(&value, data + at + 5, 8);
    const std::uint8_t op = data[at + 4] % 6;
    const std::size_t off = std::size_t(off32) % (b.size() + 1);
    auto put = [&](int n) {
      for (int i = 0; i < n && off + std::size_t(i) < b.size(); ++i)
        b[off + std::size_t(i)] = std::uint8_t(value >> (8 * i));
    };
    switch (op) {
      case 0: put(1); break;
      case 1: put(8); break;
      case 2: put(4); break;
      case 3:
        b.insert(b.begin() + std::ptrdiff_t(off), std::size_t(value % 64) + 1,
                 std::uint8_t(value >> 8));
        break;
      case 4:
        b.erase(b.begin() + std::ptrdiff_t(off),
                b.begin() + std::ptrdiff_t(std::min(b.size(), off + std::size_t(value % 4096) + 1)));
        break;
      default: b.resize(off); break;
    }
  }
  return b;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::write_seed("honest.shard", fuzz::honest().shard);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Honest& h = fuzz::honest();
  static const chip::ChipSet chips;
  static const PcsParams params = params_of(h.job);
  static const ShardStatement statement = ShardStatement::for_shard(0, h.job.workload.shard_steps);
  const bool raw = size >= 4 && std::memcmp(data, "KPSH", 4) == 0;
  const fuzz::Bytes bytes = raw ? fuzz::Bytes(data, data + size) : apply_edits(h.shard, data, size);
  bool accepted = false;
  try {
    const ShardProof proof = deserialize_shard_proof(bytes, params);
    verify_shard(proof, chips, statement, params);
    accepted = true;
  } catch (const ProofFormatError&) {
  } catch (const VerifyError&) {
  }
  const bool is_honest = bytes == h.shard;
  if (accepted && !is_honest) fuzz::finding("verify_shard accepted a shard proof that is not the honest one");
  if (!accepted && is_honest) fuzz::finding("verify_shard rejected the honest shard proof");
  return 0;
}
