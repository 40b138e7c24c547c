// The fixed lookup tables shared by all chips of a shard, and their device-side row index.
//  - u16_range: rows (v) for v in [0, 2^16): range checks of 16-bit limbs.
//  - and_byte:  rows (a, b, a & b) for a, b in [0, 256), row index 256a + b. One table serves
//    AND, OR and XOR: a | b = a + b - (a & b) and a ^ b = a + b - 2(a & b), so the ALU looks
//    up only the AND byte and derives the other results with degree-2 constraints.
// Both have 2^16 rows; the multiplicity counters of all tables share one flat array.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>

#include "engine/chip/lookup.hpp"

namespace kprove::chip {

inline constexpr std::size_t kNumTables = 2;
inline constexpr std::size_t kTableRows = std::size_t(1) << 16;

KOKKOS_INLINE_FUNCTION constexpr std::size_t table_index(TableId t) {
  return static_cast<std::size_t>(t) - 1;
}
KOKKOS_INLINE_FUNCTION constexpr std::size_t table_arity(TableId t) {
  return t == TableId::u16_range ? 1 : 3;
}

// Row of `table` holding the tuple v[0..arity) (canonical field values), or -1 if the tuple is
// not in the table.
KOKKOS_INLINE_FUNCTION int64_t table_row(TableId table, const uint64_t* v) {
  if (table == TableId::u16_range) return v[0] < kTableRows ? int64_t(v[0]) : -1;
  if (v[0] < 256 && v[1] < 256 && v[2] == (v[0] & v[1])) return int64_t(v[0] << 8 | v[1]);
  return -1;
}

}  // namespace kprove::chip
