// Little-endian byte encoding for proofs with full bounds checking on the way back in:
// every read names what it was reading, so a truncated or corrupted proof file produces
// "proof corrupt: <what> ..." instead of a crash or a silently wrong value.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/pcs/params.hpp"
#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove {

class ProofFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteWriter {
 public:
  void u8(uint8_t v) { bytes_.push_back(v); }
  void u32(uint32_t v) { put(v, 4); }
  void u64(uint64_t v) { put(v, 8); }
  void felt(Felt v) { u64(v.value()); }
  void ext(Ext v) {
    for (Felt c : v.c) felt(c);
  }
  template <class T, class F>
  void seq(const std::vector<T>& v, F&& write_one) {
    u64(v.size());
    for (const T& x : v) write_one(*this, x);
  }
  // A u64 length, then the bytes.
  void blob(const std::vector<uint8_t>& b) {
    u64(b.size());
    bytes_.insert(bytes_.end(), b.begin(), b.end());
  }
  const std::vector<uint8_t>& bytes() const { return bytes_; }
  std::vector<uint8_t> take() { return std::move(bytes_); }

 private:
  void put(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) bytes_.push_back(uint8_t(v >> (8 * i)));
  }
  std::vector<uint8_t> bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(const std::vector<uint8_t>& bytes) : data_(bytes.data()), size_(bytes.size()) {}
  ByteReader(const uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  uint8_t u8(const char* what) { return uint8_t(get(1, what)); }
  uint32_t u32(const char* what) { return uint32_t(get(4, what)); }
  uint64_t u64(const char* what) { return get(8, what); }
  // Field elements must be canonical: a non-canonical encoding is a forgery, not a value.
  Felt felt(const char* what) {
    uint64_t v = get(8, what);
    if (v >= Felt::P) fail(what, "is not a canonical field element");
    return Felt::from_canonical(v);
  }
  Ext ext(const char* what) {
    Ext e;
    for (Felt& c : e.c) c = felt(what);
    return e;
  }
  // A length prefix bounded by `max` (what the verifier's parameters allow) and by the bytes
  // left, so a corrupted length can never trigger a huge allocation.
  std::size_t length(const char* what, std::size_t max, std::size_t min_item_bytes = 1) {
    uint64_t n = get(8, what);
    if (n > max) fail(what, "length " + std::to_string(n) + " exceeds " + std::to_string(max));
    if (min_item_bytes && n > remaining() / min_item_bytes)
      fail(what, "length " + std::to_string(n) + " exceeds the bytes left");
    return std::size_t(n);
  }
  template <class F>
  auto seq(const char* what, std::size_t max, std::size_t min_item_bytes, F&& read_one) {
    std::size_t n = length(what, max, min_item_bytes);
    std::vector<decltype(read_one(*this))> v;
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) v.push_back(read_one(*this));
    return v;
  }
  std::size_t remaining() const { return size_ - pos_; }
  std::size_t position() const { return pos_; }
  // A format's leading magic and version; `what` names the format for the error.
  void header(uint32_t magic, uint32_t version, const char* what) {
    if (u32("magic") != magic) fail("magic", std::string("is not a ") + what);
    if (const uint32_t v = u32("version"); v != version)
      fail("version", std::to_string(v) + " is not supported (expected " +
                          std::to_string(version) + ")");
  }
  // A blob ByteWriter::blob wrote, at most `max` bytes.
  std::vector<uint8_t> blob(const char* what, std::size_t max) {
    std::vector<uint8_t> out(length(what, max, 1));
    for (uint8_t& b : out) b = u8(what);
    return out;
  }
  void expect_end(const char* what) const {
    if (pos_ != size_)
      fail(what, std::to_string(size_ - pos_) + " trailing bytes after the proof");
  }
  [[noreturn]] void fail(const char* what, const std::string& why) const {
    throw ProofFormatError("proof corrupt at byte " + std::to_string(pos_) + ": " + what + " " +
                           why);
  }

 private:
  uint64_t get(int n, const char* what) {
    if (remaining() < std::size_t(n)) fail(what, "is truncated");
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= uint64_t(data_[pos_ + i]) << (8 * i);
    pos_ += n;
    return v;
  }
  const uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

// PCS parameters as four u32 (rate_bits, queries, pow_bits, final_log_size); reading checks
// them (PcsParams::validate).
inline void write_pcs_params(ByteWriter& w, const PcsParams& p) {
  for (int x : {p.rate_bits, p.queries, p.pow_bits, p.final_log_size}) w.u32(uint32_t(x));
}
inline PcsParams read_pcs_params(ByteReader& r) {
  PcsParams p;
  for (int* x : {&p.rate_bits, &p.queries, &p.pow_bits, &p.final_log_size})
    *x = int(r.u32("PCS parameter"));
  try {
    p.validate();
  } catch (const std::invalid_argument& e) {
    r.fail("PCS parameters", e.what());
  }
  return p;
}

}  // namespace kprove
