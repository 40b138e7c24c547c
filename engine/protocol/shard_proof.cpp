#include "engine/protocol/shard_proof.hpp"

#include <string>

namespace kprove {

namespace {

constexpr uint32_t kMagic = 0x4853504Bu;  // "KPSH" little-endian
constexpr uint32_t kVersion = 2;
// Caps that only keep a corrupted length from driving allocation; the verifier checks the
// exact shapes.
constexpr std::size_t kMaxTraces = 64;
constexpr std::size_t kMaxTowerValues = std::size_t(1) << 20;
constexpr std::size_t kMaxLayers = 64;
constexpr std::size_t kMaxBlob = std::size_t(1) << 32;

std::vector<uint8_t> read_blob(ByteReader& r, const char* what) { return r.blob(what, kMaxBlob); }

SumcheckProof read_sumcheck(ByteReader& r, const char* what) {
  const auto bytes = read_blob(r, what);
  try {
    return SumcheckProof::from_bytes(bytes);
  } catch (const std::invalid_argument& e) {
    r.fail(what, std::string("is malformed: ") + e.what());
  }
}

}  // namespace

std::vector<uint8_t> serialize(const ShardProof& p) {
  ByteWriter w;
  w.u32(kMagic);
  w.u32(kVersion);
  w.u64(p.shard_index);
  w.seq(p.log_rows, [](ByteWriter& w, uint32_t v) { w.u32(v); });
  for (Felt x : p.commitment.h) w.felt(x);
  w.seq(p.tower.top, [](ByteWriter& w, Ext x) { w.ext(x); });
  w.seq(p.tower.layers, [](ByteWriter& w, const SumcheckProof& s) { w.blob(s.to_bytes()); });
  w.blob(p.main.to_bytes());
  w.blob(serialize(p.opening));
  w.u8(p.preprocessed_opening ? 1 : 0);
  if (p.preprocessed_opening) w.blob(serialize(*p.preprocessed_opening));
  return w.take();
}

ShardProof deserialize_shard_proof(const std::vector<uint8_t>& bytes, const PcsParams& params) {
  ByteReader r(bytes);
  r.header(kMagic, kVersion, "kprove shard proof");
  ShardProof p;
  p.shard_index = r.u64("shard index");
  p.log_rows =
      r.seq("trace heights", kMaxTraces, 4, [](ByteReader& r) { return r.u32("trace height"); });
  for (Felt& x : p.commitment.h) x = r.felt("commitment");
  p.tower.top = r.seq("tower top", kMaxTowerValues, 16,
                      [](ByteReader& r) { return r.ext("tower top value"); });
  p.tower.layers = r.seq("tower layers", kMaxLayers, 8,
                         [](ByteReader& r) { return read_sumcheck(r, "tower layer sumcheck"); });
  p.main = read_sumcheck(r, "main sumcheck");
  p.opening = deserialize_basefold_proof(read_blob(r, "Basefold proof"), params);
  const uint8_t has_preprocessed = r.u8("preprocessed opening flag");
  if (has_preprocessed > 1) r.fail("preprocessed opening flag", "is neither 0 nor 1");
  if (has_preprocessed == 1)
    p.preprocessed_opening =
        deserialize_basefold_proof(read_blob(r, "preprocessed Basefold proof"), params);
  r.expect_end("shard proof");
  return p;
}

}  // namespace kprove
