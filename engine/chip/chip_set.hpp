// All chips and tables of the reference zkVM, and shard witness generation over them.
//
// Order (also the order of ShardTraces): alu, mul, mem, then the tables u16_range, and_byte.
// for_each_chip / for_each_table call f(concrete chip) so generic code can reach the
// templated witgen; all() gives the host-level Chip descriptions in the same order.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/chip/alu.hpp"
#include "engine/chip/logup.hpp"
#include "engine/chip/mem.hpp"
#include "engine/chip/mul.hpp"
#include "engine/chip/table_chips.hpp"
#include "engine/workload/shard.hpp"

namespace kprove::chip {

class ChipSet {
 public:
  AluChip alu;
  MulChip mul;
  MemChip mem;
  U16RangeTable u16_range;
  AndByteTable and_byte;

  template <class F>
  void for_each_chip(F&& f) const {
    f(alu), f(mul), f(mem);
  }
  template <class F>
  void for_each_table(F&& f) const {
    f(u16_range), f(and_byte);
  }
  std::vector<const Chip*> all() const { return {&alu, &mul, &mem, &u16_range, &and_byte}; }
};

// traces[i] belongs to chips[i]; record chips first, then tables (ChipSet order).
template <class Mem>
struct ShardTraces {
  std::vector<const Chip*> chips;
  std::vector<Trace<Mem>> traces;
};

// Witgen of every chip of `shard`, then of the tables from the multiplicities the chips
// counted. Throws std::logic_error if some lookup missed its table (a witgen bug).
template <class Exec>
ShardTraces<typename Exec::memory_space> witgen_shard(
    const Exec& exec, MemoryLedger& ledger, const ChipSet& chips,
    const workload::Shard<typename Exec::memory_space>& shard) {
  using Mem = typename Exec::memory_space;
  ShardTraces<Mem> out;
  Multiplicities<Mem> mult(exec, ledger);
  chips.for_each_chip([&](const auto& chip) {
    out.chips.push_back(&chip);
    out.traces.push_back(
        chip.witgen(exec, ledger, shard.records_of(chip.op_class), mult.counters()));
  });
  if (const uint32_t misses = mult.misses())
    throw std::logic_error("witgen of shard " + std::to_string(shard.index) + ": " +
                           std::to_string(misses) + " lookups outside their tables");
  chips.for_each_table([&](const auto& table) {
    out.chips.push_back(&table);
    out.traces.push_back(table.witgen(exec, ledger, mult));
  });
  return out;
}

// LogUp leaves of every trace of a shard, in ShardTraces order; together their sum p/q is
// zero for an honest witness.
template <class Exec>
std::vector<LogupLeaves<typename Exec::memory_space>> shard_logup_leaves(
    const Exec& exec, MemoryLedger& ledger, const ShardTraces<typename Exec::memory_space>& st,
    Ext alpha, Ext beta) {
  std::vector<LogupLeaves<typename Exec::memory_space>> out;
  for (std::size_t i = 0; i < st.traces.size(); ++i)
    out.push_back(logup_leaves(exec, ledger, st.traces[i], st.chips[i]->interactions(), alpha, beta));
  return out;
}

}  // namespace kprove::chip
