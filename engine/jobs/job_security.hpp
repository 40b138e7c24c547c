// The PCS parameters a job proves with, and their soundness: pcs.security (a target in bits
// and a regime) picks the fewest queries that reach it for the job's shard shape; both
// regimes' figures are reported for every job (engine/pcs/security.hpp).
#pragma once

#include "config/job_config.hpp"
#include "engine/pcs/params.hpp"
#include "engine/pcs/security.hpp"
#include "engine/protocol/shard_protocol.hpp"
#include "kernels/field/challenge_field.hpp"

namespace kprove {

// What a shard of these chips commits and proves, every chip at most 2^max_log_rows rows, in
// a run of `shards` shard proofs.
ProtocolShape protocol_shape(const ChipList& chips, uint32_t max_log_rows, uint64_t shards = 1);
// What the job's program proofs commit and prove at most: its tallest shard, as many shards
// as its longest run (max_cycles) takes.
ProtocolShape protocol_shape(const JobConfig& job);

// log2(shard_cycles) of a program job: the bound on its traces' heights.
uint32_t job_max_log_rows(const JobConfig& job);
// The shard proofs of the job's longest run (max_cycles, at most vm::kMaxRecordedCycles).
uint64_t job_max_shards(const JobConfig& job);

// The job's PCS parameters, queries resolved from pcs.security when it is given. Throws
// ConfigError (naming pcs.security) when the target is out of reach.
PcsParams job_pcs_params(const JobConfig& job);

SecurityEstimate job_security(const JobConfig& job);

// The regime named in the job's pcs.security, provable when there is none.
SecurityRegime job_regime(const JobConfig& job);

}  // namespace kprove
