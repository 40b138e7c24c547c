// Per-shard multiplicity counters of the lookup tables (the fixed tables and the program),
// filled on the device by every chip's witgen (atomics), read by the tables' witgen once all
// chip traces of the shard exist. Interactions on other buses are not counted.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>

#include "engine/chip/interaction_program.hpp"
#include "engine/chip/tables.hpp"
#include "views/owned.hpp"

namespace kprove::chip {

// Device-copyable handle used inside kernels.
template <class Mem>
struct MultiplicityCounters {
  Kokkos::View<uint32_t*, Mem> counts;   // table_index(t) * kTableRows + row
  Kokkos::View<uint32_t*, Mem> program;  // per program row
  ProgramRows program_rows;
  Kokkos::View<uint32_t*, Mem> misses;   // [0]: lookups whose tuple is in no table row

  // Adds one row's lookup to its table row; a tuple outside the table (or a multiplicity
  // that is no small integer) counts as a miss, which leaves the LogUp sum non-zero.
  template <class Row>
  KOKKOS_INLINE_FUNCTION void record(const DeviceInteraction& l, const Row& row) const {
    const bool fixed = l.bus == Bus::u16_range || l.bus == Bus::and_byte;
    if (!fixed && l.bus != Bus::program) return;
    const Felt m = l.multiplicity.eval(row);
    if (m.is_zero()) return;
    uint64_t v[kMaxTupleArity];
    for (uint32_t i = 0; i < l.arity; ++i) v[i] = l.tuple[i].eval(row).value();
    const int64_t r = fixed ? table_row(l.bus, v) : program_rows.row_of(v[0]);
    if (r < 0 || m.value() > 0xFFFFFFFFu) {
      Kokkos::atomic_increment(&misses(0));
      return;
    }
    uint32_t* cell = fixed ? &counts(table_index(l.bus) * kTableRows + std::size_t(r))
                           : &program(std::size_t(r));
    Kokkos::atomic_add(cell, uint32_t(m.value()));
  }
};

template <class Mem>
class Multiplicities {
 public:
  // `program`: the rows of the program table, if the shard has one.
  template <class Exec>
  Multiplicities(const Exec& exec, MemoryLedger& ledger, const ProgramRows& program = {})
      : counts_(alloc_vec<uint32_t, Mem>(ledger, "table:multiplicities", kNumTables * kTableRows)),
        program_(alloc_vec<uint32_t, Mem>(ledger, "table:program multiplicities", program.rows())),
        misses_(alloc_vec<uint32_t, Mem>(ledger, "table:misses", 1)),
        program_rows_(program) {
    zero_fill(exec, counts_);
    zero_fill(exec, program_);
    zero_fill(exec, misses_);
  }

  MultiplicityCounters<Mem> counters() const {
    return {counts_.view(), program_.view(), program_rows_, misses_.view()};
  }
  Kokkos::View<const uint32_t*, Mem> program() const { return program_.view(); }
  Kokkos::View<const uint32_t*, Mem> of(Bus t) const {
    const std::size_t first = table_index(t) * kTableRows;
    return Kokkos::subview(Kokkos::View<const uint32_t*, Mem>(counts_.view()),
                           std::make_pair(first, first + kTableRows));
  }
  // Lookups so far that matched no table row (0 for a correct witness). Fences.
  uint32_t misses() const {
    uint32_t h = 0;
    Kokkos::deep_copy(h, Kokkos::subview(misses_.view(), 0));
    return h;
  }

 private:
  Owned<Vec<uint32_t, Mem>> counts_, program_, misses_;
  ProgramRows program_rows_;
};

}  // namespace kprove::chip
