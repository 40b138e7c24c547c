// The initial and final values of registers and memory words: each row sends a word's
// initial tuple (value, timestamp 0) and receives its final one (value, timestamp of its
// last access in the shard), so with every access receiving the previous tuple and sending
// the next, the reg and mem buses balance iff every read returns the last value written
// (offline memory checking; prev_ts < ts orders each word's accesses).
//   registers  64 rows, index = row (x0..x31, the sink x32, the rest never accessed), all 0
//   image      the program's image words (memory_layout.hpp), preprocessed
//   heap/stack a zero region's words from its low end upwards / its high end downwards,
//              2^k rows each (k per shard); the verifier checks the two do not overlap
// A row that is never accessed receives exactly what it sends; the final columns of such a
// row are its initial value at timestamp 0.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/chip/builder.hpp"
#include "engine/chip/host_trace.hpp"
#include "engine/rv32im/memory_layout.hpp"
#include "engine/vm/records.hpp"

namespace kprove::rv32im {

// The final value and timestamp of every touched word, by address (from the shard's records).
using Boundary = std::vector<vm::BoundaryEntry>;

class RegisterTable : public chip::Chip {
 public:
  static constexpr uint32_t kLogRows = 6;
  RegisterTable();
  Ext structured_column(std::size_t c, std::span<const Ext> point) const override;
  std::optional<uint32_t> fixed_log_rows() const override { return kLogRows; }
  chip::HostTrace trace(const Boundary& registers) const;
};

class ImageTable : public chip::Chip {
 public:
  explicit ImageTable(uint32_t log_rows);
  std::optional<uint32_t> fixed_log_rows() const override { return log_rows_; }
  chip::HostTrace trace(const std::vector<ImageWord>& image, const Boundary& memory) const;

 private:
  uint32_t log_rows_;
};

class ZeroTable : public chip::Chip {
 public:
  enum class Direction { up, down };
  ZeroTable(std::string name, ZeroRegion region, Direction direction);

  // Byte address of row r.
  uint64_t address(uint64_t r) const {
    return direction_ == Direction::up ? region_.begin + 4 * r : region_.end - 4 * (r + 1);
  }
  Ext structured_column(std::size_t c, std::span<const Ext> point) const override;
  // The words a run touches in the region, not a shard's cycles, set the height: at most the
  // region, and at most the shard bound but never below 2^16 rows (the lookup tables' height,
  // so the PCS sees no taller matrix; Machine::check_zero_heights keeps the two tables of a
  // region apart).
  static constexpr uint32_t kMinLogRows = 16;
  uint32_t max_log_rows(uint32_t shard_bound) const override;
  chip::HostTrace trace(const Boundary& memory, uint32_t log_rows) const;

  const ZeroRegion& region() const { return region_; }
  Direction direction() const { return direction_; }

 private:
  ZeroRegion region_;
  Direction direction_;
};

}  // namespace kprove::rv32im
