// The fixed tables as traces: the table's columns, then a multiplicity column `mult`. Their
// single lookup is the table side of LogUp (tuple = the fixed columns, multiplicity = -mult).
// The fixed columns are the same for every shard (a preprocessed commitment in a full
// system); only `mult` is witness. No polynomial constraints.
//
// Witgen runs after all chip traces of the shard: it reads the counters their witgen filled.
#pragma once

#include <Kokkos_Core.hpp>
#include <string>
#include <vector>

#include "engine/chip/chip.hpp"
#include "engine/chip/impl/witgen_kernel.hpp"
#include "engine/chip/multiplicities.hpp"
#include "engine/chip/tables.hpp"
#include "views/trace.hpp"

namespace kprove::chip {

namespace detail {
template <class TableFill, class Mem>
struct TableWitgenKernel {
  Kokkos::View<const uint32_t*, Mem> mult;
  TraceView<Mem> trace;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    Felt row[TableFill::kColumns];
    TableFill::fixed(r, row);
    row[TableFill::kColumns - 1] = small(mult(r));
    for (std::size_t c = 0; c < TableFill::kColumns; ++c) trace(r, c) = row[c];
  }
};

struct U16Fill {
  static constexpr TableId id = TableId::u16_range;
  static constexpr std::size_t kColumns = 2;
  KOKKOS_INLINE_FUNCTION static void fixed(std::size_t r, Felt* row) { row[0] = small(r); }
};

struct AndByteFill {
  static constexpr TableId id = TableId::and_byte;
  static constexpr std::size_t kColumns = 4;
  KOKKOS_INLINE_FUNCTION static void fixed(std::size_t r, Felt* row) {
    row[0] = small(r >> 8), row[1] = small(r & 0xFFu), row[2] = small((r >> 8) & r & 0xFFu);
  }
};

// The table-side lookup: tuple = columns [0, arity), multiplicity = -(column arity).
std::vector<Lookup> table_lookups(TableId id);
}  // namespace detail

template <class TableFill>
class TableChip : public Chip {
 public:
  static constexpr TableId id = TableFill::id;

  // kTableRows x num_columns(); the last column holds the shard's multiplicities.
  template <class Exec>
  Trace<typename Exec::memory_space> witgen(
      const Exec& exec, MemoryLedger& ledger,
      const Multiplicities<typename Exec::memory_space>& mult) const {
    using Mem = typename Exec::memory_space;
    auto trace = Trace<Mem>::allocate(ledger, name(), kTableRows, TableFill::kColumns);
    Kokkos::parallel_for("kprove::chip::witgen:" + name(),
                         Kokkos::RangePolicy<Exec>(exec, 0, kTableRows),
                         detail::TableWitgenKernel<TableFill, Mem>{mult.of(id), trace.view()});
    exec.fence();
    return trace;
  }

 protected:
  TableChip(std::string name, std::vector<std::string> columns)
      : Chip(std::move(name), std::move(columns), {}, detail::table_lookups(id)) {}
};

class U16RangeTable : public TableChip<detail::U16Fill> {
 public:
  U16RangeTable() : TableChip("u16_range", {"value", "mult"}) {}
};

class AndByteTable : public TableChip<detail::AndByteFill> {
 public:
  AndByteTable() : TableChip("and_byte", {"a", "b", "a_and_b", "mult"}) {}
};

}  // namespace kprove::chip
