// The witness of a shard: one trace per chip, in the order of the shard's chip list.
#pragma once

#include <vector>

#include "engine/chip/chip.hpp"
#include "views/trace.hpp"

namespace kprove::chip {

// traces[i] belongs to chips[i].
template <class Mem>
struct ShardTraces {
  std::vector<const Chip*> chips;
  std::vector<Trace<Mem>> traces;
};

}  // namespace kprove::chip
