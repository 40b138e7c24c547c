// The fixed tables as traces: the table's columns, then a multiplicity column `mult`. Their
// single interaction is the table side of the lookup (tuple = the table's columns,
// multiplicity = -mult). The table's columns are structured: the verifier evaluates their
// MLEs succinctly (below), so only `mult` is committed. No polynomial constraints.
//
// Point in kernels/mle order: row r = sum_j 2^(16-j) x_j (x_1 the most significant bit).
//   u16_range value: r                    = sum_{j=1..16} 2^(16-j) x_j
//   and_byte a:      r >> 8               = sum_{j=1..8}  2^(8-j) x_j
//            b:      r & 255              = sum_{j=9..16} 2^(16-j) x_j
//            a & b:  sum_i 2^i a_i b_i    = sum_{i=0..7}  2^i x_{8-i} x_{16-i}
// Each is multilinear (a & b multiplies distinct variables), so it IS the column's MLE.
//
// Witgen runs after all chip traces of the shard: it reads the counters their witgen filled.
#pragma once

#include <Kokkos_Core.hpp>
#include <string>
#include <vector>

#include "engine/chip/chip.hpp"
#include "engine/chip/witgen.hpp"
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
  static constexpr Bus id = Bus::u16_range;
  static constexpr std::size_t kColumns = 2;
  KOKKOS_INLINE_FUNCTION static void fixed(std::size_t r, Felt* row) { row[0] = small(r); }
};

struct AndByteFill {
  static constexpr Bus id = Bus::and_byte;
  static constexpr std::size_t kColumns = 4;
  KOKKOS_INLINE_FUNCTION static void fixed(std::size_t r, Felt* row) {
    row[0] = small(r >> 8), row[1] = small(r & 0xFFu), row[2] = small((r >> 8) & r & 0xFFu);
  }
};

// The table-side lookup: tuple = columns [0, arity), multiplicity = -(column arity).
std::vector<Interaction> table_interactions(Bus id);
// Column c of table `id` at `point`; throws std::invalid_argument for a wrong point size.
Ext table_column(Bus id, std::size_t c, std::span<const Ext> point);
}  // namespace detail

template <class TableFill>
class TableChip : public Chip {
 public:
  static constexpr Bus id = TableFill::id;

  // kTableRows x num_columns(); the last column holds the shard's multiplicities.
  template <class Exec>
  Trace<typename Exec::memory_space> witgen(
      const Exec& exec, MemoryLedger& ledger,
      const Multiplicities<typename Exec::memory_space>& mult) const {
    using Mem = typename Exec::memory_space;
    auto trace = Trace<Mem>::allocate(ledger, name(), kTableRows, TableFill::kColumns);
    static_assert(TableFill::kColumns == bus_arity(id) + 1);
    Kokkos::parallel_for("kprove::chip::witgen:" + name(),
                         Kokkos::RangePolicy<Exec>(exec, 0, kTableRows),
                         detail::TableWitgenKernel<TableFill, Mem>{mult.of(id), trace.view()});
    exec.fence();
    return trace;
  }

  Ext structured_column(std::size_t c, std::span<const Ext> point) const override {
    if (c >= structured_columns()) return Chip::structured_column(c, point);
    return detail::table_column(id, c, point);
  }
  std::optional<uint32_t> fixed_log_rows() const override { return kTableLogRows; }

 protected:
  TableChip(std::string name, std::vector<std::string> columns)
      : Chip(std::move(name), std::move(columns), {}, detail::table_interactions(id),
             bus_arity(id)) {}
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
