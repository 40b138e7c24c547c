#include "engine/pcs/proof.hpp"

#include <string>

namespace kprove {

namespace {

constexpr uint32_t kMagic = 0x4642504Bu;  // "KPBF" little-endian
constexpr uint32_t kVersion = 1;
// Rounds and layers never exceed the two-adicity; matrices and widths are generous caps that
// only keep a corrupted length from driving allocation.
constexpr std::size_t kMaxRounds = 32;
constexpr std::size_t kMaxMatrices = std::size_t(1) << 16;
constexpr std::size_t kMaxRowWidth = std::size_t(1) << 24;

void write_digest(ByteWriter& w, const Digest& d) {
  for (Felt x : d.h) w.felt(x);
}

Digest read_digest(ByteReader& r, const char* what) {
  Digest d;
  for (Felt& x : d.h) x = r.felt(what);
  return d;
}

void write_opening(ByteWriter& w, const MerkleOpening& o) {
  w.seq(o.rows, [](ByteWriter& w, const std::vector<Felt>& row) {
    w.seq(row, [](ByteWriter& w, Felt x) { w.felt(x); });
  });
  w.seq(o.siblings, write_digest);
}

MerkleOpening read_opening(ByteReader& r) {
  MerkleOpening o;
  o.rows = r.seq("opening rows", kMaxMatrices, 8, [](ByteReader& r) {
    return r.seq("opening row", kMaxRowWidth, 8,
                 [](ByteReader& r) { return r.felt("opened value"); });
  });
  o.siblings = r.seq("Merkle path", kMaxRounds, 32,
                     [](ByteReader& r) { return read_digest(r, "Merkle sibling"); });
  return o;
}

}  // namespace

std::vector<uint8_t> serialize(const BasefoldProof& p) {
  ByteWriter w;
  w.u32(kMagic);
  w.u32(kVersion);
  w.seq(p.reduction_rounds, [](ByteWriter& w, const std::array<Ext, 3>& h) {
    for (Ext x : h) w.ext(x);
  });
  w.seq(p.reduced_evals, [](ByteWriter& w, Ext x) { w.ext(x); });
  w.seq(p.fold_rounds, [](ByteWriter& w, const std::array<Ext, 2>& l) {
    for (Ext x : l) w.ext(x);
  });
  w.seq(p.layer_roots, write_digest);
  w.seq(p.final_message, [](ByteWriter& w, Ext x) { w.ext(x); });
  w.u64(p.pow_nonce);
  w.seq(p.queries, [](ByteWriter& w, const BasefoldQueryProof& q) {
    write_opening(w, q.initial);
    w.seq(q.layers, write_opening);
  });
  return w.take();
}

BasefoldProof deserialize_basefold_proof(const std::vector<uint8_t>& bytes,
                                         const PcsParams& params) {
  params.validate();
  ByteReader r(bytes);
  r.header(kMagic, kVersion, "Basefold proof");
  BasefoldProof p;
  p.reduction_rounds = r.seq("reduction rounds", kMaxRounds, 48, [](ByteReader& r) {
    std::array<Ext, 3> h;
    for (Ext& x : h) x = r.ext("reduction round polynomial");
    return h;
  });
  p.reduced_evals = r.seq("reduced evaluations", kMaxMatrices, 16,
                          [](ByteReader& r) { return r.ext("reduced evaluation"); });
  p.fold_rounds = r.seq("fold rounds", kMaxRounds, 32, [](ByteReader& r) {
    std::array<Ext, 2> l;
    for (Ext& x : l) x = r.ext("fold round polynomial");
    return l;
  });
  p.layer_roots = r.seq("layer roots", kMaxRounds, 32,
                        [](ByteReader& r) { return read_digest(r, "layer root"); });
  p.final_message = r.seq("final message", std::size_t(1) << params.final_log_size, 16,
                          [](ByteReader& r) { return r.ext("final message entry"); });
  p.pow_nonce = r.u64("proof-of-work nonce");
  p.queries = r.seq("queries", std::size_t(params.queries), 16, [](ByteReader& r) {
    BasefoldQueryProof q;
    q.initial = read_opening(r);
    q.layers = r.seq("layer openings", kMaxRounds, 16, read_opening);
    return q;
  });
  r.expect_end("Basefold proof");
  return p;
}

}  // namespace kprove
