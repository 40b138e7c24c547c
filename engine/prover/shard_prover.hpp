// The per-shard prover: one proof that every chip trace satisfies its constraints and that all
// LogUp lookups of the shard (chips into the fixed tables) balance.
//
// Protocol (one Fiat-Shamir transcript, domain "kprove.shard.v2"; verifier in
// engine/verifier/shard_verifier.hpp, shared pieces in shard_protocol.hpp):
//  1. Witness: one trace per chip of the ChipList, rows a power of two. Committed: every
//     witness column. Structured columns are never committed (the verifier evaluates their
//     MLEs itself, Chip::structured_column); preprocessed columns are committed once, in the
//     verifying key (Preprocessed below), and opened per shard.
//  2. Statement: public values first, shard index, PCS parameters, per trace its name,
//     log2(rows) and column kinds, the preprocessed root; then one Basefold batch commitment
//     of all witness matrices, its root absorbed.
//  3. LogUp challenges alpha, beta (drawn here, or the run's, absorbed: a run of many shards
//     draws them once from every shard's commitment, engine/rv32im/statement.hpp); leaves per
//     interaction l of trace k: p = multiplicity, q = alpha - (bus + sum_i beta^(i+1) tuple_i)
//     (chip::logup_leaves).
//  4. Tower (tower.hpp): one fractional-sum tree per interaction, all trees batched under
//     shared challenges; the top layer is sent and the verifier checks that sum_t P_t / Q_t
//     plus the statement's boundary terms is zero (every Q_t != 0), or with run challenges
//     hands the sum to the run's check. Output per trace k: its
//     point z'_k (log2(rows_k) coordinates, shared by its interactions) and the claims
//     p_l(z'_k), q_l(z'_k).
//  5. Main constraints: per trace a fresh gamma_k, and ONE batched sumcheck (traces of
//     different heights suffix-aligned, engine/sumcheck/claim.hpp) of, per trace,
//       sum_x eq(z'_k, x) [ sum_j gamma^j C_j(T(x)) + sum_l mu_l (p_l(T(x)) - claim_p)
//                                                   + nu_l (q_l(T(x)) - claim_q) ] = 0,
//     p_l, q_l affine in the columns (shard_protocol.hpp gives the exact terms). Constraints and
//     leaf claims are checked together; the result is a point z_k per trace and every column's
//     value there (fixed table columns included; the verifier recomputes those).
//  6. PCS openings: Basefold opening of witness matrix k at z_k (reversed: Basefold binds the
//     least significant row bit first) with step 5's values of the witness columns; then, if
//     any chip has preprocessed columns, the opening of the preprocessed commitment at the
//     same points with step 5's values of those columns.
//
// Memory: the traces are consumed. The LogUp leaves die once the tower is built, each tower
// layer once its sumcheck has read it, the table traces after step 5, the chip traces and the
// committed copies of the multiplicity columns after the opening; nothing stays booked.
#pragma once

#include <cstdint>

#include "engine/chip/shard_traces.hpp"
#include "engine/metrics/metrics.hpp"
#include "engine/pcs/params.hpp"
#include "engine/prover/preprocessed.hpp"
#include "engine/prover/shard_proof.hpp"
#include "engine/prover/shard_protocol.hpp"
#include "views/memory_ledger.hpp"

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
