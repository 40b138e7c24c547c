#include "engine/jobs/footprint.hpp"

#include "engine/workload/program.hpp"
#include "engine/workload/record.hpp"

namespace kprove {

ShardShape shard_shape(const workload::WorkloadConfig& cfg, uint64_t shard) {
  const auto program = workload::ProgramParams::from(cfg);
  ShardShape s;
  s.steps = cfg.shard_size(shard);
  const uint64_t first = cfg.shard_first_step(shard);
  for (uint64_t step = first; step < first + s.steps; ++step)
    ++s.records[std::size_t(workload::op_class(workload::opcode_at(program, step)))];
  return s;
}

uint64_t shard_footprint(const chip::ChipSet& chips, const ShardShape& shape,
                         const PcsParams& params) {
  constexpr uint64_t felt = sizeof(Felt), ext = sizeof(Ext), digest = 4 * sizeof(Felt);
  const uint64_t blowup = uint64_t(1) << params.rate_bits;
  uint64_t bytes = shape.steps * sizeof(workload::StepRecord);
  std::size_t k = 0;
  for (const chip::Chip* c : chips.all()) {
    const bool table = k >= shape.records.size();
    const uint64_t rows = table ? chip::kTableRows : chip::padded_rows(shape.records[k]);
    const uint64_t cols = c->num_columns();
    const uint64_t committed = table ? 1 : cols;
    bytes += rows * cols * felt;                          // trace
    bytes += rows * blowup * committed * felt;            // codeword
    bytes += 2 * rows * blowup * digest;                  // Merkle layers (all levels)
    bytes += 2 * 2 * c->interactions().size() * rows * ext;    // leaves p, q + tower layers
    bytes += rows * cols * ext;                           // main sumcheck Ext tables
    ++k;
  }
  return bytes;
}

}  // namespace kprove
