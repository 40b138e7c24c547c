// The shard verifier: replays the transcript of engine/prover/shard_prover.hpp (protocol
// described there) and checks the tower (LogUp sum zero over all lookups), the batched
// main-constraint sumcheck (final check on the opened columns, fixed table columns evaluated
// here) and the Basefold opening.
#pragma once

#include <cstdint>

#include "engine/chip/chip_set.hpp"
#include "engine/pcs/params.hpp"
#include "engine/prover/shard_proof.hpp"
#include "engine/verifier/verify_error.hpp"

namespace kprove {

// What the verifier knows about the shard besides the proof.
struct ShardStatement {
  uint64_t shard_index = 0;
  // Bound on log2(rows) of every chip trace: the log of the padded shard size.
  uint32_t max_log_rows = 0;

  // The statement for shard `shard_index` of a workload cut into shards of shard_steps steps.
  static ShardStatement for_shard(uint64_t shard_index, uint64_t shard_steps);
};

// Throws VerifyError naming the failed check (and the chip where the check belongs to one);
// std::invalid_argument for invalid parameters or statement.
void verify_shard(const ShardProof& proof, const chip::ChipSet& chips,
                  const ShardStatement& statement, const PcsParams& params);

}  // namespace kprove
