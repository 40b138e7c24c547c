// The lookup tables shared by all chips of a shard, and their device-side row index.
//  - u16_range: rows (v) for v in [0, 2^16): range checks of 16-bit limbs.
//  - and_byte:  rows (a, b, a & b) for a, b in [0, 256), row index 256a + b. One table serves
//    AND, OR and XOR: a | b = a + b - (a & b) and a ^ b = a + b - 2(a & b), so the ALU looks
//    up only the AND byte and derives the other results with degree-2 constraints.
// Both have 2^16 rows; the multiplicity counters of all tables share one flat array.
//  - program: one row per instruction word of the program's executable segments, in address
//    order (ProgramRows maps a pc to its row).
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>

#include "engine/chip/interaction.hpp"

namespace kprove::chip {

inline constexpr std::size_t kNumTables = 2;
inline constexpr uint32_t kTableLogRows = 16;
inline constexpr std::size_t kTableRows = std::size_t(1) << kTableLogRows;

KOKKOS_INLINE_FUNCTION constexpr std::size_t table_index(Bus t) {
  return static_cast<std::size_t>(t) - 1;
}

// The program table's row of each instruction: segment s holds rows [first[s], first[s] +
// words[s]) for pcs base[s] + 4i.
struct ProgramRows {
  static constexpr uint32_t kMaxSegments = 8;
  uint32_t segments = 0;
  uint32_t base[kMaxSegments] = {}, words[kMaxSegments] = {}, first[kMaxSegments] = {};

  uint32_t rows() const { return segments == 0 ? 0 : first[segments - 1] + words[segments - 1]; }
  // Row of the instruction at pc, or -1 outside the program.
  KOKKOS_INLINE_FUNCTION int64_t row_of(uint64_t pc) const {
    for (uint32_t s = 0; s < segments; ++s)
      if (pc >= base[s] && pc < base[s] + 4 * uint64_t(words[s]) && (pc & 3) == 0)
        return int64_t(first[s] + (pc - base[s]) / 4);
    return -1;
  }
};

// Row of fixed table `table` holding the tuple v[0..arity) (canonical field values), or -1 if
// the tuple is not in the table.
KOKKOS_INLINE_FUNCTION int64_t table_row(Bus table, const uint64_t* v) {
  if (table == Bus::u16_range) return v[0] < kTableRows ? int64_t(v[0]) : -1;
  if (v[0] < 256 && v[1] < 256 && v[2] == (v[0] & v[1])) return int64_t(v[0] << 8 | v[1]);
  return -1;
}

}  // namespace kprove::chip
