#include "engine/chip/table_chips.hpp"

#include <stdexcept>
#include <string>

#include "engine/chip/structured.hpp"

namespace kprove::chip::detail {

namespace {

Ext and_of_bytes(std::span<const Ext> a, std::span<const Ext> b) {
  Ext v = Ext::zero();
  for (std::size_t j = 0; j < a.size(); ++j) v = v * Felt::from_u64(2) + a[j] * b[j];
  return v;
}

}  // namespace

std::vector<Interaction> table_interactions(Bus id) {
  const uint32_t arity = bus_arity(id);
  Interaction l{id, {}, -Affine::col(arity)};
  for (uint32_t c = 0; c < arity; ++c) l.tuple.push_back(Affine::col(c));
  return {l};
}

Ext table_column(Bus id, std::size_t c, std::span<const Ext> point) {
  if (point.size() != kTableLogRows)
    throw std::invalid_argument("table " + std::string(to_string(id)) + ": point has " +
                                std::to_string(point.size()) + " coordinates, the table " +
                                std::to_string(kTableLogRows));
  if (id == Bus::u16_range) return index_mle(point);
  const auto hi = point.first(8), lo = point.subspan(8);
  if (c == 0) return index_mle(hi);
  if (c == 1) return index_mle(lo);
  return and_of_bytes(hi, lo);
}

}  // namespace kprove::chip::detail
