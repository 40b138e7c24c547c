// The byte layout of a program proof, read afresh from the format's definition
// (rv32im/program_proof.cpp, shard_proof.cpp, pcs/proof.cpp, sumcheck/proof.cpp) so the tamper
// sweep can reach every section by name; proof_sections covers every byte exactly once, or
// throws.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace kprove::test {

struct Section {
  std::string name;
  std::size_t begin, end;
};

class LayoutWalker {
 public:
  explicit LayoutWalker(const std::vector<std::uint8_t>& b) : b_(b) {}

  std::vector<Section> file() {
    fixed("file: header (magic, version)", 4 + 4);
    fixed("file: PCS parameters", 4 * 4);
    fixed("file: shard height bound", 4);
    fixed("file: public value digests", 4 * 4 * 8);
    fixed("file: exit code", 4);
    fixed("file: cycles", 8);
    fixed("file: input bytes read", 8);
    fixed("file: input eof flag", 1);
    fixed("file: shard count", 8);
    blob("file: input");
    blob("file: output");
    const std::uint64_t shards = u64("file: shard proof count");
    for (std::uint64_t s = 0; s < shards; ++s) {
      const std::string at = "shard " + std::to_string(s) + ": ";
      fixed(at + "span (start pc, first cycle, cycles)", 4 + 8 + 8);
      const std::uint64_t len = u64(at + "length");
      const std::size_t end = pos_ + len;
      shard(at);
      if (pos_ != end) throw std::logic_error(at + "layout does not match its length");
    }
    if (pos_ != b_.size()) throw std::logic_error("bytes after the last shard");
    return out_;
  }

 private:
  void shard(const std::string& at) {
    fixed(at + "header (magic, version, index)", 4 + 4 + 8);
    seq(at + "trace heights", 4);
    fixed(at + "commitment", 32);
    seq(at + "tower top", 16);
    const std::uint64_t layers = u64(at + "tower layer count");
    for (std::uint64_t l = 0; l < layers; ++l) blob(at + "tower layer sumcheck");
    blob(at + "main sumcheck");
    basefold_blob(at + "Basefold");
    const std::uint8_t preprocessed = b_.at(pos_);
    fixed(at + "preprocessed opening flag", 1);
    if (preprocessed == 1) basefold_blob(at + "preprocessed Basefold");
  }

  void basefold_blob(const std::string& at) {
    const std::uint64_t len = u64(at + " length");
    const std::size_t end = pos_ + len;
    basefold(at + ": ");
    if (pos_ != end) throw std::logic_error(at + " layout does not match its length");
  }

  void basefold(const std::string& at) {
    fixed(at + "header", 8);
    seq(at + "reduction rounds", 48);
    seq(at + "reduced evaluations", 16);
    seq(at + "fold rounds", 32);
    seq(at + "layer roots", 32);
    seq(at + "final message", 16);
    fixed(at + "proof-of-work nonce", 8);
    const std::uint64_t queries = u64(at + "query count");
    for (std::uint64_t q = 0; q < queries; ++q) {
      opening(at + "initial opening ");
      const std::uint64_t layers = u64(at + "layer opening count");
      for (std::uint64_t l = 0; l < layers; ++l) opening(at + "layer opening ");
    }
  }

  void opening(const std::string& at) {
    const std::uint64_t rows = u64(at + "row count");
    for (std::uint64_t r = 0; r < rows; ++r) seq(at + "opened values", 8);
    seq(at + "Merkle path", 32);
  }

  // A u64 length, then its items.
  void blob(const std::string& name) { seq(name, 1); }
  void seq(const std::string& name, std::size_t item) {
    const std::uint64_t n = u64(name + " length");
    fixed(name, n * item);
  }
  std::uint64_t u64(const std::string& name) {
    if (pos_ + 8 > b_.size()) throw std::logic_error(name + " past the end");
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= std::uint64_t(b_[pos_ + i]) << (8 * i);
    add(name, 8);
    return v;
  }
  void fixed(const std::string& name, std::size_t n) {
    if (pos_ + n > b_.size()) throw std::logic_error(name + " past the end");
    if (n) add(name, n);
  }
  void add(const std::string& name, std::size_t n) {
    if (!out_.empty() && out_.back().name == name && out_.back().end == pos_)
      out_.back().end += n;
    else
      out_.push_back({name, pos_, pos_ + n});
    pos_ += n;
  }

  const std::vector<std::uint8_t>& b_;
  std::size_t pos_ = 0;
  std::vector<Section> out_;
};

inline std::vector<Section> proof_sections(const std::vector<std::uint8_t>& file) {
  return LayoutWalker(file).file();
}

}  // namespace kprove::test
