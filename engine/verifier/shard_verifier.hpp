// The shard verifier: replays the transcript of the shard protocol
// (engine/protocol/shard_protocol.hpp) and checks the tower (LogUp sum over all interactions
// and the boundary zero), the batched main-constraint sumcheck (final check on the opened
// columns, structured columns evaluated here) and the Basefold openings (witness,
// preprocessed).
#pragma once

#include <cstdint>
#include <optional>

#include "engine/pcs/params.hpp"
#include "engine/proof/verify_error.hpp"
#include "engine/protocol/shard_proof.hpp"
#include "engine/protocol/shard_protocol.hpp"

namespace kprove {

// Returns the shard's LogUp sum with its boundary terms: zero (checked here) unless the
// statement has run challenges, when every bus but the run buses must balance here and the
// run's verifier adds up its shards' sums on those; given `logup_sum`, that is also set as soon
// as the tower is checked, so a run's verifier learns it from a proof that fails a later
// check. Throws VerifyError naming the failed check (and the chip where the check belongs to
// one); std::invalid_argument for invalid parameters or statement.
Ext verify_shard(const ShardProof& proof, const ChipList& chips,
                 const ShardStatement& statement, const PcsParams& params,
                 std::optional<Ext>* logup_sum = nullptr);

}  // namespace kprove
