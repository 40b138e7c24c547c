#include "engine/prover/footprint.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace kprove {

ShardBytes shard_footprint(const ChipList& chips, const std::vector<uint32_t>& log_rows,
                           const PcsParams& params, uint64_t extra) {
  if (log_rows.size() != chips.size())
    throw std::invalid_argument("shard_footprint: " + std::to_string(log_rows.size()) +
                                " heights for " + std::to_string(chips.size()) + " chips");
  constexpr uint64_t felt = sizeof(Felt), ext = sizeof(Ext), digest = 4 * sizeof(Felt);
  const uint64_t blowup = uint64_t(1) << params.rate_bits;
  uint64_t traces = 0, committed = 0, tower = 0, main = 0, opening = 0, max_rows = 0;
  for (std::size_t k = 0; k < chips.size(); ++k) {
    const chip::Chip& c = *chips[k];
    const uint64_t rows = uint64_t(1) << log_rows[k], cols = c.num_columns();
    max_rows = std::max(max_rows, rows);
    traces += rows * cols * felt;
    committed += rows * c.witness_columns() * felt;           // copy (chips with fixed columns)
    committed += rows * blowup * c.witness_columns() * felt;  // codeword
    committed += 2 * rows * blowup * digest;                  // Merkle layers (all levels)
    tower += 2 * 2 * c.interactions().size() * rows * ext;   // leaves p, q + tower layers
    main += rows * cols * ext;                                // main sumcheck Ext tables
    opening += 3 * rows * ext;  // combined table, reduction and eq tables
  }
  // The folded MLE, folded codewords (halving: twice the first) and their Merkle trees.
  opening += 2 * max_rows * ext + 2 * max_rows * blowup * (ext + 2 * digest);
  ShardBytes out;
  out.witness = traces;
  out.witgen = traces + extra;
  out.prove = committed + std::max({tower, main, opening});
  return out;
}

}  // namespace kprove
