// Which rank proves which shard: a static plan every rank computes alike from the run (so
// nothing is exchanged to agree on it), balanced for uneven shards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kprove {

// owner[s] for every shard: the longest-processing-time-first plan over `cost` (each shard
// in turn, costliest first, to the rank with the least cost so far; ties to the lower rank
// and the lower shard). The last shard is proven after every other shard's commit, so it
// goes to the rank that ends pass 1 first: it is placed before the others.
std::vector<int> assign_shards(const std::vector<uint64_t>& cost, int ranks);

// The shards `rank` owns, in shard order.
std::vector<std::size_t> shards_of(const std::vector<int>& owner, int rank);

}  // namespace kprove
