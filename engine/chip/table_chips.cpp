#include "engine/chip/table_chips.hpp"

namespace kprove::chip::detail {

std::vector<Lookup> table_lookups(TableId id) {
  const std::size_t arity = table_arity(id);
  Lookup l{id, {}, -Affine::col(uint32_t(arity))};
  for (uint32_t c = 0; c < arity; ++c) l.tuple.push_back(Affine::col(c));
  return {l};
}

}  // namespace kprove::chip::detail
