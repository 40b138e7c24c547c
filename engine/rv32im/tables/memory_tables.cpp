#include "engine/rv32im/tables/memory_tables.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "engine/chip/structured.hpp"

namespace kprove::rv32im {

namespace {

using chip::Bus;
using chip::col;
using chip::cst;
using chip::Word;

// The final columns (lo, hi, ts) after the address (and init) columns: receive them, having
// sent the initial tuple.
struct Finals {
  Word value;
  uint32_t ts;
};
Finals finals(chip::ChipBuilder& b) {
  const Word v = b.witness_word("final");
  return {v, b.witness("final_ts")};
}

chip::ChipBuilder register_chip() {
  chip::ChipBuilder b("registers");
  const uint32_t index = b.structured("index");
  const Finals f = finals(b);
  b.send(Bus::reg, {col(index), cst(0), cst(0), cst(0)}, cst(1));
  b.receive(Bus::reg, {col(index), col(f.value.lo), col(f.value.hi), col(f.ts)}, cst(1));
  return b;
}

chip::ChipBuilder image_chip() {
  chip::ChipBuilder b("image");
  const uint32_t addr = b.preprocessed("addr");
  const Word init{b.preprocessed("init_lo"), b.preprocessed("init_hi")};
  const uint32_t writable = b.preprocessed("writable"), real = b.preprocessed("is_real");
  const Finals f = finals(b);
  b.send(Bus::mem, {col(addr), col(init.lo), col(init.hi), cst(0), col(writable)}, col(real));
  b.receive(Bus::mem, {col(addr), col(f.value.lo), col(f.value.hi), col(f.ts), col(writable)},
            col(real));
  return b;
}

chip::ChipBuilder zero_chip(const std::string& name) {
  chip::ChipBuilder b(name);
  const uint32_t addr = b.structured("addr");
  const Finals f = finals(b);
  b.send(Bus::mem, {col(addr), cst(0), cst(0), cst(0), cst(1)}, cst(1));
  b.receive(Bus::mem, {col(addr), col(f.value.lo), col(f.value.hi), col(f.ts), cst(1)}, cst(1));
  return b;
}

const vm::BoundaryEntry* find(const Boundary& b, uint32_t addr) {
  const auto it = std::lower_bound(b.begin(), b.end(), addr,
                                   [](const vm::BoundaryEntry& e, uint32_t a) { return e.addr < a; });
  return it != b.end() && it->addr == addr ? &*it : nullptr;
}

// Columns `first`.. of row r: the touched word's final value and timestamp, or its initial
// value at timestamp 0.
void set_final(chip::HostTrace& t, std::size_t r, std::size_t first, const Boundary& b,
               uint32_t addr, uint32_t init) {
  const vm::BoundaryEntry* e = find(b, addr);
  t.set_word(r, first, e ? e->final_value : init);
  t.set(r, first + 2, e ? e->final_ts : 0);
}

}  // namespace

RegisterTable::RegisterTable() : Chip(register_chip()) {}

Ext RegisterTable::structured_column(std::size_t c, std::span<const Ext> point) const {
  if (c != 0 || point.size() != kLogRows) return Chip::structured_column(c, point);
  return chip::index_mle(point);
}

chip::HostTrace RegisterTable::trace(const Boundary& registers) const {
  chip::HostTrace t(std::size_t(1) << kLogRows, num_columns());
  for (std::size_t r = 0; r < t.rows; ++r) {
    t.set(r, 0, r);
    set_final(t, r, 1, registers, uint32_t(r), 0);
  }
  return t;
}

ImageTable::ImageTable(uint32_t log_rows) : Chip(image_chip()), log_rows_(log_rows) {}

chip::HostTrace ImageTable::trace(const std::vector<ImageWord>& image,
                                  const Boundary& memory) const {
  if (image.size() > (std::size_t(1) << log_rows_))
    throw std::invalid_argument("image table: " + std::to_string(image.size()) + " words, 2^" +
                                std::to_string(log_rows_) + " rows");
  chip::HostTrace t(std::size_t(1) << log_rows_, num_columns());
  for (std::size_t r = 0; r < image.size(); ++r) {
    const ImageWord& w = image[r];
    t.set(r, 0, w.addr);
    t.set_word(r, 1, w.value);
    t.set(r, 3, w.writable);
    t.set(r, 4, 1);
    set_final(t, r, 5, memory, w.addr, w.value);
  }
  return t;
}

ZeroTable::ZeroTable(std::string name, ZeroRegion region, Direction direction)
    : Chip(zero_chip(name)), region_(region), direction_(direction) {}

Ext ZeroTable::structured_column(std::size_t c, std::span<const Ext> point) const {
  if (c != 0) return Chip::structured_column(c, point);
  const Ext four_r = Felt::from_u64(4) * chip::index_mle(point);
  return direction_ == Direction::up ? Ext(Felt::from_u64(region_.begin)) + four_r
                                     : Ext(Felt::from_u64(region_.end - 4)) - four_r;
}

uint32_t ZeroTable::max_log_rows(uint32_t shard_bound) const {
  uint32_t k = 1;
  while ((uint64_t(4) << (k + 1)) <= region_.end - region_.begin) ++k;
  return std::min(k, std::max(shard_bound, kMinLogRows));
}

chip::HostTrace ZeroTable::trace(const Boundary& memory, uint32_t log_rows) const {
  chip::HostTrace t(std::size_t(1) << log_rows, num_columns());
  if ((uint64_t(4) << log_rows) > region_.end - region_.begin)
    throw std::invalid_argument("zero table " + name() + ": 2^" + std::to_string(log_rows) +
                                " words do not fit its region");
  for (std::size_t r = 0; r < t.rows; ++r) {
    const uint32_t addr = uint32_t(address(r));
    t.set(r, 0, addr);
    set_final(t, r, 1, memory, addr, 0);
  }
  return t;
}

}  // namespace kprove::rv32im
