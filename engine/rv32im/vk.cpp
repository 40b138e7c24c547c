#include "engine/rv32im/vk.hpp"

#include <functional>

#include "engine/proof/bytes.hpp"
#include "engine/transcript/transcript.hpp"

namespace kprove::rv32im {

namespace {

constexpr uint32_t kMagic = 0x4B56504Bu;  // "KPVK" little-endian
constexpr uint32_t kVersion = 2;
constexpr std::size_t kMaxZeroRegions = 16;

void absorb_expr(Transcript& t, const Expr& e) {
  const Expr::Node& n = e.node();
  t.absorb_size(static_cast<std::size_t>(n.op));
  switch (n.op) {
    case Expr::Op::col: t.absorb_size(n.column); break;
    case Expr::Op::constant: t.absorb(n.value); break;
    case Expr::Op::neg: absorb_expr(t, n.lhs); break;
    default: absorb_expr(t, n.lhs), absorb_expr(t, n.rhs);
  }
}

void absorb_affine(Transcript& t, const chip::Affine& a) {
  t.absorb(a.constant());
  t.absorb_size(a.terms().size());
  for (const auto& [c, k] : a.terms()) t.absorb_size(c), t.absorb(k);
}

Digest squeeze(Transcript& t) {
  Digest d;
  for (Felt& x : d.h) x = t.challenge_base();
  return d;
}

}  // namespace

Digest constraint_system_digest(const ChipList& chips) {
  Transcript t("kprove.constraints.v1");
  t.absorb_size(chips.size());
  for (const chip::Chip* c : chips) {
    t.absorb_label(c->name());
    t.absorb_size(c->num_columns());
    for (const std::string& col : c->columns()) t.absorb_label(col);
    t.absorb_size(c->structured_columns());
    t.absorb_size(c->preprocessed_columns());
    t.absorb_size(c->fixed_log_rows().value_or(0));
    t.absorb_size(c->constraints().size());
    for (const Expr& e : c->constraints()) absorb_expr(t, e);
    t.absorb_size(c->interactions().size());
    for (const chip::Interaction& i : c->interactions()) {
      t.absorb_size(static_cast<uint32_t>(i.bus));
      for (const chip::Affine& a : i.tuple) absorb_affine(t, a);
      absorb_affine(t, i.multiplicity);
    }
  }
  return squeeze(t);
}

Digest VerifyingKey::digest() const {
  const Machine machine(shape);
  Transcript t("kprove.vk.v2");
  t.absorb(constraint_system_digest(machine.chips()));
  t.absorb_size(machine.shard_chips().size());
  const std::vector<uint8_t> bytes = serialize(*this);
  t.absorb_label(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  return squeeze(t);
}

std::vector<uint8_t> serialize(const VerifyingKey& vk) {
  ByteWriter w;
  w.u32(kMagic);
  w.u32(kVersion);
  w.u32(vk.shape.max_log_rows);
  w.u32(vk.shape.entry);
  w.u32(vk.shape.program_log_rows);
  w.u32(vk.shape.image_log_rows);
  w.seq(vk.shape.zero, [](ByteWriter& w, const ZeroRegion& z) { w.u32(z.begin), w.u64(z.end); });
  write_pcs_params(w, vk.params);
  for (const Digest* d : {&vk.program, &vk.program_root, &vk.preprocessed_root})
    for (Felt x : d->h) w.felt(x);
  return w.take();
}

VerifyingKey deserialize_vk(const std::vector<uint8_t>& bytes) {
  ByteReader r(bytes);
  r.header(kMagic, kVersion, "kprove verifying key");
  VerifyingKey vk;
  vk.shape.max_log_rows = r.u32("shard height bound");
  if (vk.shape.max_log_rows < 4 || vk.shape.max_log_rows > kMaxMaxLogRows)
    r.fail("shard height bound", "2^" + std::to_string(vk.shape.max_log_rows) + " is out of range");
  vk.shape.entry = r.u32("entry point");
  vk.shape.program_log_rows = r.u32("program table height");
  vk.shape.image_log_rows = r.u32("image table height");
  for (uint32_t h : {vk.shape.program_log_rows, vk.shape.image_log_rows})
    if (h < 1 || h > 30) r.fail("table height", "2^" + std::to_string(h) + " is out of range");
  vk.shape.zero = r.seq("zero regions", kMaxZeroRegions, 12, [](ByteReader& r) {
    ZeroRegion z;
    z.begin = r.u32("zero region start");
    z.end = r.u64("zero region end");
    if (z.end > (uint64_t(1) << 32) || z.end <= z.begin || (z.begin & 3) || (z.end & 3))
      r.fail("zero region", "is not a word-aligned range of the address space");
    return z;
  });
  vk.params = read_pcs_params(r);
  for (Digest* d : {&vk.program, &vk.program_root, &vk.preprocessed_root})
    for (Felt& x : d->h) x = r.felt("digest");
  r.expect_end("verifying key");
  return vk;
}

}  // namespace kprove::rv32im
