// libFuzzer target: the shard proof decoder and the verifier on shard 0 of the honest
// program proof of honest_proof.hpp (a run of two shards): the input makes shard 0's bytes,
// which replace them in the honest program proof, then checked whole by verify_program (one
// LogUp argument spans the shards, so a shard is only verified with its run). By its first
// byte, an input is
//   * "KPSH...": a raw shard proof;
//   * 'S' then records of 6 bytes (u8 what, u16 a, u16 b, u8 n): shape edits of the decoded
//     honest proof (resize one of its vectors, e.g. the rows of query a's initial opening, or
//     set a trace height), re-serialized, so the verifier's shape checks meet every
//     decodable but wrong-shaped proof, deep past the decoder;
//   * anything else: byte edits of the honest shard proof, records of 13 bytes
//       u32 offset (taken modulo size + 1), u8 op, u64 value
//     op % 6: 0 set a byte, 1 set a u64 (little-endian, clipped at the end), 2 set a u32,
//     3 insert (value % 64) + 1 copies of byte value >> 8, 4 erase (value % 4096) + 1 bytes,
//     5 truncate; so short inputs reach length fields, counts, canonical field elements and
//     sub-proof blobs anywhere in a structurally valid proof.
// Outcomes other than accepting the honest bytes or a ProofFormatError / VerifyError on
// anything else are findings.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "engine/pcs/params.hpp"
#include "engine/proof/bytes.hpp"
#include "engine/proof/verify_error.hpp"
#include "engine/protocol/shard_proof.hpp"
#include "tests/fuzz/honest_proof.hpp"

using namespace kprove;

namespace {

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
        b.erase(
            b.begin() + std::ptrdiff_t(off),
            b.begin() + std::ptrdiff_t(std::min(b.size(), off + std::size_t(value % 4096) + 1)));
        break;
      default: b.resize(off); break;
    }
  }
  return b;
}

// Resizes v to n (new entries value-initialised: zero field elements, empty lists).
template <class V>
void resize(V& v, std::size_t n) {
  v.resize(n);
}
template <class V>
auto* pick(V& v, std::uint16_t i) {
  return v.empty() ? nullptr : &v[i % v.size()];
}

fuzz::Bytes reshape(const std::uint8_t* data, std::size_t size, const PcsParams& params) {
  ShardProof p = deserialize_shard_proof(fuzz::honest().shard, params);
  constexpr std::size_t kRecord = 6;
  for (std::size_t at = 1; at + kRecord <= size; at += kRecord) {
    const std::uint8_t what = data[at];
    const std::uint16_t a = std::uint16_t(data[at + 1] | data[at + 2] << 8);
    const std::uint16_t b = std::uint16_t(data[at + 3] | data[at + 4] << 8);
    const std::size_t n = data[at + 5];
    BasefoldProof& o = p.opening;
    switch (what % 24) {
      case 0: resize(p.log_rows, n % 70); break;
      case 1:
        if (auto* v = pick(p.log_rows, a)) *v = std::uint32_t(n) | std::uint32_t(b) << 8;
        break;
      case 2: resize(p.tower.top, std::size_t(a) % 2048); break;
      case 3: resize(p.tower.layers, n % 70); break;
      case 4:
        if (auto* l = pick(p.tower.layers, a)) resize(l->rounds, n);
        break;
      case 5:
        if (auto* l = pick(p.tower.layers, a))
          if (auto* r = pick(l->rounds, b)) resize(*r, n);
        break;
      case 6:
        if (auto* l = pick(p.tower.layers, a)) resize(l->final_evals, n);
        break;
      case 7:
        if (auto* l = pick(p.tower.layers, a))
          if (auto* f = pick(l->final_evals, b)) resize(*f, n);
        break;
      case 8: resize(p.main.rounds, n); break;
      case 9:
        if (auto* r = pick(p.main.rounds, a)) resize(*r, n);
        break;
      case 10: resize(p.main.final_evals, n); break;
      case 11:
        if (auto* f = pick(p.main.final_evals, a)) resize(*f, std::size_t(b) % 1024);
        break;
      case 12: resize(o.reduction_rounds, n % 33); break;
      case 13: resize(o.reduced_evals, n); break;
      case 14: resize(o.fold_rounds, n % 33); break;
      case 15: resize(o.layer_roots, n % 33); break;
      case 16: resize(o.final_message, std::size_t(a) % 300); break;
      case 17: resize(o.queries, std::size_t(n) % 1025); break;
      case 18:
        if (auto* q = pick(o.queries, a)) resize(q->initial.rows, n);
        break;
      case 19:
        if (auto* q = pick(o.queries, a))
          if (auto* r = pick(q->initial.rows, b)) resize(*r, n);
        break;
      case 20:
        if (auto* q = pick(o.queries, a)) resize(q->initial.siblings, n % 33);
        break;
      case 21:
        if (auto* q = pick(o.queries, a)) resize(q->layers, n % 33);
        break;
      case 22:
        if (auto* q = pick(o.queries, a))
          if (auto* l = pick(q->layers, b)) {
            if (n & 1)
              resize(l->siblings, (n >> 1) % 33);
            else
              resize(l->rows, (n >> 1) % 8);
          }
        break;
      default:
        if (auto* q = pick(o.queries, a))
          if (auto* l = pick(q->layers, b))
            if (auto* r = pick(l->rows, 0)) resize(*r, n % 16);
        break;
    }
  }
  return serialize(p);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::write_seed("honest.shard", fuzz::honest().shard);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Honest& h = fuzz::honest();
  static const PcsParams params = h.vk.params;
  fuzz::Bytes bytes;
  if (size >= 4 && std::memcmp(data, "KPSH", 4) == 0)
    bytes.assign(data, data + size);
  else if (size >= 1 && data[0] == 'S')
    bytes = reshape(data, size, params);
  else
    bytes = apply_edits(h.shard, data, size);
  rv32im::ProgramProof proof = h.proof;
  proof.shards[0] = bytes;
  bool accepted = false;
  try {
    rv32im::verify_program(proof, h.vk);
    accepted = true;
  } catch (const ProofFormatError&) {
  } catch (const VerifyError&) {
  }
  const bool is_honest = bytes == h.shard;
  if (accepted && !is_honest)
    fuzz::finding("verify_program accepted a shard proof that is not the honest one");
  if (!accepted && is_honest) fuzz::finding("verify_program rejected the honest shard proof");
  return 0;
}
