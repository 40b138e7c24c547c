#include "engine/prover/fixed_columns.hpp"

#include <stdexcept>
#include <string>

namespace kprove {

namespace {

constexpr std::size_t kTableVars = 16;
static_assert(chip::kTableRows == std::size_t(1) << kTableVars);

// sum_{j < n} 2^(n-1-j) x[j]: the integer whose bits, most significant first, are x.
Ext bits_value(std::span<const Ext> x) {
  Ext v = Ext::zero();
  for (Ext b : x) v = v * Felt::from_u64(2) + b;
  return v;
}

Ext and_of_bytes(std::span<const Ext> a, std::span<const Ext> b) {
  Ext v = Ext::zero();
  for (std::size_t j = 0; j < a.size(); ++j) v = v * Felt::from_u64(2) + a[j] * b[j];
  return v;
}

}  // namespace

std::size_t table_fixed_columns(chip::TableId table) { return chip::table_arity(table); }

Ext table_fixed_column(chip::TableId table, std::size_t column, std::span<const Ext> point) {
  if (point.size() != kTableVars)
    throw std::invalid_argument("table_fixed_column: point has " + std::to_string(point.size()) +
                                " coordinates, tables have " + std::to_string(kTableVars));
  if (column >= table_fixed_columns(table))
    throw std::invalid_argument("table_fixed_column: table " +
                                std::to_string(static_cast<uint32_t>(table)) +
                                " has no fixed column " + std::to_string(column));
  if (table == chip::TableId::u16_range) return bits_value(point);
  const auto hi = point.first(8), lo = point.subspan(8);
  if (column == 0) return bits_value(hi);
  if (column == 1) return bits_value(lo);
  return and_of_bytes(hi, lo);
}

}  // namespace kprove
