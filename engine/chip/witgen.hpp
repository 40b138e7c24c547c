// Witness generation of a chip whose rows come from records (the public way to give a chip its
// trace): each thread builds one row in registers (a zero row past the real records), counts
// the row's lookups into the table multiplicities and writes the row once. Fill is
// device-copyable with
//   static constexpr std::size_t kColumns;
//   KOKKOS_INLINE_FUNCTION void operator()(const Record&, Felt* row) const;  (row pre-zeroed)
#pragma once

#include <Kokkos_Core.hpp>
#include <stdexcept>
#include <string>

#include "engine/chip/chip.hpp"
#include "engine/chip/multiplicities.hpp"
#include "views/trace.hpp"

namespace kprove::chip {

namespace detail {

struct LocalRow {
  const Felt* cells;
  KOKKOS_INLINE_FUNCTION Felt operator()(uint32_t c) const { return cells[c]; }
};

template <class Fill, class Record, class Mem>
struct WitgenKernel {
  Kokkos::View<const Record*, Mem> records;
  TraceView<Mem> trace;
  Kokkos::View<const DeviceInteraction*, Mem> interactions;
  MultiplicityCounters<Mem> counters;
  Fill fill;

  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    Felt row[Fill::kColumns];
    for (std::size_t c = 0; c < Fill::kColumns; ++c) row[c] = Felt::zero();
    if (r < records.extent(0)) {
      fill(records(r), row);
      for (std::size_t l = 0; l < interactions.extent(0); ++l)
        counters.record(interactions(l), LocalRow{row});
    }
    for (std::size_t c = 0; c < Fill::kColumns; ++c) trace(r, c) = row[c];
  }
};

// Felt from a small integer (limbs, bits, selectors).
KOKKOS_INLINE_FUNCTION Felt small(uint64_t v) { return Felt::from_canonical(v); }

}  // namespace detail

// The trace of `chip` over `records`, padded_rows(n) x kColumns, its lookups counted into
// `counters`. Returns once the trace is complete (fences exec).
template <class Exec, class Fill, class Record>
Trace<typename Exec::memory_space> witgen_rows(
    const Exec& exec, MemoryLedger& ledger, const Chip& chip,
    const Kokkos::View<const Record*, typename Exec::memory_space>& records,
    const MultiplicityCounters<typename Exec::memory_space>& counters, const Fill& fill) {
  using Mem = typename Exec::memory_space;
  if (chip.num_columns() != Fill::kColumns)
    throw std::logic_error("chip " + chip.name() + " names " + std::to_string(chip.num_columns()) +
                           " columns, its witgen writes " + std::to_string(Fill::kColumns));
  const auto program = upload_interactions(exec, ledger, chip.name(), chip.interactions());
  auto trace = Trace<Mem>::allocate(ledger, chip.name(), padded_rows(records.extent(0)),
                                    Fill::kColumns);
  Kokkos::parallel_for(
      "kprove::chip::witgen:" + chip.name(), Kokkos::RangePolicy<Exec>(exec, 0, trace.rows()),
      detail::WitgenKernel<Fill, Record, Mem>{records, trace.view(), program.view(), counters, fill});
  exec.fence();  // the interaction program is released on return
  return trace;
}

}  // namespace kprove::chip
