#include "engine/prover/footprint.hpp"

#include <stdexcept>
#include <string>

namespace kprove {

uint64_t shard_footprint(const ChipList& chips, const std::vector<uint32_t>& log_rows,
                         const PcsParams& params, uint64_t extra) {
  if (log_rows.size() != chips.size())
    throw std::invalid_argument("shard_footprint: " + std::to_string(log_rows.size()) +
                                " heights for " + std::to_string(chips.size()) + " chips");
  constexpr uint64_t felt = sizeof(Felt), ext = sizeof(Ext), digest = 4 * sizeof(Felt);
  const uint64_t blowup = uint64_t(1) << params.rate_bits;
  uint64_t bytes = extra;
  for (std::size_t k = 0; k < chips.size(); ++k) {
    const chip::Chip& c = *chips[k];
    const uint64_t rows = uint64_t(1) << log_rows[k], cols = c.num_columns();
    bytes += rows * cols * felt;                               // trace
    bytes += rows * c.witness_columns() * felt;                // committed copy (fixed columns)
    bytes += rows * blowup * c.witness_columns() * felt;       // codeword
    bytes += 2 * rows * blowup * digest;                       // Merkle layers (all levels)
    bytes += 2 * 2 * c.interactions().size() * rows * ext;     // leaves p, q + tower layers
    bytes += rows * cols * ext;                                // main sumcheck Ext tables
  }
  return bytes;
}

}  // namespace kprove
