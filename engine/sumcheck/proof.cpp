#include "engine/sumcheck/proof.hpp"

#include <stdexcept>
#include <string>

namespace kprove {

namespace {

void put_u32(std::vector<uint8_t>& out, uint32_t x) {
  for (int b = 0; b < 4; ++b) out.push_back(uint8_t(x >> (8 * b)));
}
void put_u64(std::vector<uint8_t>& out, uint64_t x) {
  for (int b = 0; b < 8; ++b) out.push_back(uint8_t(x >> (8 * b)));
}

void put_lists(std::vector<uint8_t>& out, const std::vector<std::vector<Ext>>& lists) {
  put_u32(out, uint32_t(lists.size()));
  for (const auto& list : lists) {
    put_u32(out, uint32_t(list.size()));
    for (Ext e : list) {
      for (Felt c : e.c) put_u64(out, c.value());
    }
  }
}

class Reader {
 public:
  explicit Reader(std::span<const uint8_t> b) : b_(b) {}
  uint64_t get(int bytes) {
    if (pos_ + bytes > b_.size())
      throw std::invalid_argument("SumcheckProof::from_bytes: truncated at byte " +
                                  std::to_string(pos_));
    uint64_t x = 0;
    for (int i = 0; i < bytes; ++i) x |= uint64_t(b_[pos_++]) << (8 * i);
    return x;
  }
  Felt felt() {
    const uint64_t x = get(8);
    if (x >= Felt::P)
      throw std::invalid_argument("SumcheckProof::from_bytes: non-canonical field element");
    return Felt::from_canonical(x);
  }
  std::vector<std::vector<Ext>> lists() {
    const uint64_t count = get(4);
    if (count * 4 > remaining())
      throw std::invalid_argument("SumcheckProof::from_bytes: count exceeds input");
    std::vector<std::vector<Ext>> out(count);
    for (auto& list : out) {
      const uint64_t n = get(4);
      if (n * Ext::DEGREE * 8 > remaining())  // a u64 per coefficient
        throw std::invalid_argument("SumcheckProof::from_bytes: length exceeds input");
      for (uint64_t i = 0; i < n; ++i) {
        Ext e;
        for (Felt& c : e.c) c = felt();
        list.push_back(e);
      }
    }
    return out;
  }
  std::size_t remaining() const { return b_.size() - pos_; }

 private:
  std::span<const uint8_t> b_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<uint8_t> SumcheckProof::to_bytes() const {
  std::vector<uint8_t> out;
  put_lists(out, rounds);
  put_lists(out, final_evals);
  return out;
}

SumcheckProof SumcheckProof::from_bytes(std::span<const uint8_t> bytes) {
  Reader r(bytes);
  SumcheckProof p;
  p.rounds = r.lists();
  p.final_evals = r.lists();
  if (r.remaining() != 0)
    throw std::invalid_argument("SumcheckProof::from_bytes: " + std::to_string(r.remaining()) +
                                " trailing bytes");
  return p;
}

}  // namespace kprove
