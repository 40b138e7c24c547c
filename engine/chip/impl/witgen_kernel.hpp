// The row loop shared by every chip's witgen: each thread builds one row in registers (a
// zero row past the real records), counts the row's lookups into the table multiplicities
// and writes the row once. RowFill supplies kColumns and fill(record, row).
#pragma once

#include <Kokkos_Core.hpp>

#include "engine/chip/multiplicities.hpp"
#include "engine/workload/shard.hpp"
#include "views/trace.hpp"

namespace kprove::chip::detail {

struct LocalRow {
  const Felt* cells;
  KOKKOS_INLINE_FUNCTION Felt operator()(uint32_t c) const { return cells[c]; }
};

template <class RowFill, class Mem>
struct WitgenKernel {
  workload::RecordsView<Mem> records;
  TraceView<Mem> trace;
  Kokkos::View<const DeviceInteraction*, Mem> lookups;
  MultiplicityCounters<Mem> counters;

  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    Felt row[RowFill::kColumns];
    for (std::size_t c = 0; c < RowFill::kColumns; ++c) row[c] = Felt::zero();
    if (r < records.extent(0)) {
      RowFill::fill(records(r), row);
      for (std::size_t l = 0; l < lookups.extent(0); ++l)
        counters.record(lookups(l), LocalRow{row});
    }
    for (std::size_t c = 0; c < RowFill::kColumns; ++c) trace(r, c) = row[c];
  }
};

// Felt from a small integer (limbs, bits, selectors).
KOKKOS_INLINE_FUNCTION Felt small(uint64_t v) { return Felt::from_canonical(v); }

}  // namespace kprove::chip::detail
