// Succinct MLEs of the fixed table columns (engine/chip/table_chips.hpp), so the verifier
// evaluates them at any point without the 2^16-row tables, and the prover never commits them.
//
// Point in kernels/mle order: row r = sum_j 2^(16-j) x_j (x_1 the most significant bit).
//   u16_range value: r                    = sum_{j=1..16} 2^(16-j) x_j
//   and_byte a:      r >> 8               = sum_{j=1..8}  2^(8-j) x_j
//            b:      r & 255              = sum_{j=9..16} 2^(16-j) x_j
//            a & b:  sum_i 2^i a_i b_i    = sum_{i=0..7}  2^i x_{8-i} x_{16-i}
// Each is multilinear (a & b multiplies distinct variables), so it IS the column's MLE.
#pragma once

#include <cstddef>
#include <span>

#include "engine/chip/tables.hpp"
#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove {

// Fixed columns of `table` (its tuple arity; the multiplicity column follows them).
std::size_t table_fixed_columns(chip::TableId table);

// Column `column` (< table_fixed_columns) of `table` at `point` (log2(kTableRows) coordinates).
// Throws std::invalid_argument for a wrong column or point size.
Ext table_fixed_column(chip::TableId table, std::size_t column, std::span<const Ext> point);

}  // namespace kprove
