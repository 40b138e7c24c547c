// A shard's bytes in the admission space, phase by phase, so the scheduler books each phase
// when it starts instead of the whole shard at witgen: a shard waiting to be proven holds its
// traces only, and the next shard's witgen fits beside a proof in a budget below two shards.
#pragma once

#include <algorithm>
#include <cstddef>

namespace kprove {

struct ShardBytes {
  std::size_t witgen = 0;   // held while witgen runs: the traces and what it reads to make them
  std::size_t witness = 0;  // held from witgen's end to the proof's: the traces
  std::size_t prove = 0;    // booked on top of `witness` while the shard is committed and proven

  std::size_t peak() const { return std::max(witgen, witness + prove); }
};

}  // namespace kprove
