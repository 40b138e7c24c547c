// The per-shard prover: one proof that every chip trace satisfies its constraints and that all
// LogUp lookups of the shard (chips into the fixed tables) balance.
//
// The protocol, its statement and its proof are engine/protocol/shard_protocol.hpp.
//
// Memory: the traces are consumed. The LogUp leaves die once the tower is built, each tower
// layer once its sumcheck has read it, the table traces after the main constraints (step 5),
// the chip traces and the committed copies of the multiplicity columns after the opening;
// nothing stays booked.
#pragma once

#include <cstdint>

#include "engine/chip/shard_traces.hpp"
#include "engine/metrics/metrics.hpp"
#include "engine/pcs/params.hpp"
#include "engine/protocol/shard_proof.hpp"
#include "engine/protocol/shard_protocol.hpp"
#include "engine/prover/preprocessed.hpp"
#include "views/memory_ledger.hpp"
#include "views/spaces.hpp"

namespace kprove {

struct ShardProverOptions {
  // When set, the phases "commit_traces", "tower", "main_constraints" and "pcs_opening" are
  // recorded under the shard index (each fences before it ends).
  Metrics* metrics = nullptr;
  // The name commit_shard records its phase under (a run's first pass commits for the
  // challenges only).
  const char* commit_phase = "commit_traces";
};

// A shard's witness with its commitment (step 2's Basefold batch): a run of many shards
// commits every shard before it draws the challenges all of them share.
template <class Mem>
struct CommittedShard;

// Commits the witness (one trace per chip, in chip order), the phase "commit_traces" under
// `shard`. Throws std::invalid_argument if the traces do not match the chips.
template <class Exec>
CommittedShard<typename Exec::memory_space> commit_shard(
    const Exec& exec, MemoryLedger& ledger, const ChipList& chips,
    chip::ShardTraces<typename Exec::memory_space>&& witness, const PcsParams& params,
    uint64_t shard, const ShardProverOptions& options = {});

// Proves a committed shard (consumed) under `statement`; the rest as prove_shard.
template <class Exec>
ShardProof prove_committed(const Exec& exec, MemoryLedger& ledger, const ChipList& chips,
                           CommittedShard<typename Exec::memory_space>&& committed,
                           const PcsParams& params, const ShardStatement& statement,
                           const Preprocessed<typename Exec::memory_space>* preprocessed,
                           const ShardProverOptions& options = {});

// Proves one shard from its witness (one trace per chip, in chip order). `preprocessed` is
// the commitment of the chips' preprocessed columns (statement.preprocessed_root), or null
// when no chip has any. Throws std::invalid_argument if the traces do not match the chips, the
// preprocessed commitment does not match the statement or the parameters are invalid. A
// wrong witness still yields a proof, which the verifier rejects.
template <class Exec>
ShardProof prove_shard(const Exec& exec, MemoryLedger& ledger, const ChipList& chips,
                       chip::ShardTraces<typename Exec::memory_space>&& witness,
                       const PcsParams& params, const ShardStatement& statement,
                       const Preprocessed<typename Exec::memory_space>* preprocessed,
                       const ShardProverOptions& options = {});

}  // namespace kprove

#include "engine/prover/impl/shard_prove.hpp"

// The prover is compiled once per execution space, in the engine library (shard_prover.cpp
// defines KPROVE_SHARD_PROVER_INSTANCES); its callers link it instead of compiling it again.
#if defined(KPROVE_SHARD_PROVER_INSTANCES)
#define KPROVE_SHARD_PROVER_EXTERN_
#else
#define KPROVE_SHARD_PROVER_EXTERN_ extern
#endif
#define KPROVE_SHARD_PROVER_(Exec)                                                           \
  namespace kprove {                                                                        \
  KPROVE_SHARD_PROVER_EXTERN_ template CommittedShard<Exec::memory_space> commit_shard(      \
      const Exec&, MemoryLedger&, const ChipList&, chip::ShardTraces<Exec::memory_space>&&,  \
      const PcsParams&, uint64_t, const ShardProverOptions&);                                \
  KPROVE_SHARD_PROVER_EXTERN_ template ShardProof prove_committed(                           \
      const Exec&, MemoryLedger&, const ChipList&, CommittedShard<Exec::memory_space>&&,     \
      const PcsParams&, const ShardStatement&, const Preprocessed<Exec::memory_space>*,      \
      const ShardProverOptions&);                                                            \
  KPROVE_SHARD_PROVER_EXTERN_ template ShardProof prove_shard(                               \
      const Exec&, MemoryLedger&, const ChipList&, chip::ShardTraces<Exec::memory_space>&&,  \
      const PcsParams&, const ShardStatement&, const Preprocessed<Exec::memory_space>*,      \
      const ShardProverOptions&);                                                            \
  }
KPROVE_FOR_EACH_SPACE(KPROVE_SHARD_PROVER_)
