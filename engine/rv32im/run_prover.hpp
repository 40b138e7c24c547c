// Proving a program run of any length (continuations). One LogUp argument spans every shard:
// the register and memory buses carry accesses across shards with global timestamps, the
// state bus chains each shard's last step to the next shard's first, and the last shard's
// memory tables initialise and finalise the state of the whole run. So the challenges must
// come after every shard's commitment (run_challenges), and the prover makes two passes:
//   1. per shard: re-execute from its checkpoint, witgen, commit; keep the root, and the
//      whole commitment while the budget holds it (RunOptions::keep_commitments);
//   2. draw the run's challenges, then per shard: prove a kept commitment as it is, or
//      re-execute, witgen, commit (the same root) and prove under the challenges.
// The last shard is committed at the end of pass 1 and proven right away, so a run of one
// shard is committed once. Both passes stream shards through engine/scheduler's pipeline:
// re-execution and witgen of shard i+1 beside the commit (and proof) of shard i, each shard's
// footprint booked before it starts; device memory stays bounded by the shards in flight,
// not by the run's length.
// Over several ranks (RunOptions::ranks, engine/distributed) every rank proves the shards a
// static plan gives it, through its own pipeline and budget, and three exchanges join them:
// the final memory of pass 1's records to the last shard's rank; every root to every rank
// (each draws the run's challenges itself); the shard proofs to rank 0. Proofs depend only
// on the run, the roots and the challenges, so the bytes are those of one process.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/distributed/shard_assignment.hpp"
#include "engine/distributed/team.hpp"
#include "engine/metrics/metrics.hpp"
#include "engine/prover/shard_prover.hpp"
#include "engine/rv32im/program_proof.hpp"
#include "engine/rv32im/shard_exchange.hpp"
#include "engine/scheduler/kept_commitments.hpp"
#include "engine/scheduler/shard_pipeline.hpp"
#include "engine/scheduler/trace_transfer.hpp"
#include "views/instances.hpp"
#include "views/spaces.hpp"

namespace kprove::rv32im {

struct RunOptions {
  // Records the phases per shard: emulate (re-execution with records), witness, precommit
  // (pass 1), then the prover's commit_traces, tower, main_constraints, pcs_opening.
  Metrics* metrics = nullptr;
  // Witgen of later shards beside the commits and proofs (where the spaces allow it).
  bool overlap = true;
  std::size_t max_inflight_shards = 2;
  // Every shard's footprint is booked here (its budget bounds the shards in flight). Null:
  // nothing is booked.
  MemoryLedger* admission = nullptr;
  // Called with a shard's index once its proof is made (from the thread that proved it).
  std::function<void(std::size_t)> proven;
  // The ranks the shards are spread over (engine/distributed); null: this process alone.
  // Every rank calls prove_run with the same run; rank 0 gets the whole proof, the others
  // the proof without shard proofs.
  Communicator* ranks = nullptr;
  // Called once, before any proof, with the shards this rank proves (in shard order).
  std::function<void(const std::vector<std::size_t>&)> assigned;
  // Pass 1 keeps a shard's commitment (traces, codewords, Merkle layers) for pass 2 while the
  // admission budget holds it beside what the pipeline may book; pass 2 proves the kept
  // shards without re-executing, tracing and committing them again. Under an unlimited
  // budget nothing is kept: device memory must stay bounded by the shards in flight.
  bool keep_commitments = true;
};

// Proves the shards of `proof` (its public values and spans as they stand: a prover that
// changes them gets a proof the verifier rejects) from their witnesses, one per span in order,
// the last with the memory tables. Every witness is held at once: for tests and small runs.
template <class Exec>
void prove_witnesses(const Exec& exec, MemoryLedger& ledger, const Machine& machine,
                     const MachinePreprocessed<typename Exec::memory_space>& pre,
                     const VerifyingKey& vk, ProgramProof& proof,
                     std::vector<chip::ShardTraces<typename Exec::memory_space>>&& witnesses) {
  const std::size_t n = witnesses.size();
  if (n != proof.spans.size())
    throw std::invalid_argument("prove_witnesses: " + std::to_string(n) + " witnesses for " +
                                std::to_string(proof.spans.size()) + " spans");
  std::vector<CommittedShard<typename Exec::memory_space>> committed;
  std::vector<ShardCommitment> commitments;
  for (std::size_t s = 0; s < n; ++s) {
    committed.push_back(commit_shard(exec, ledger, machine.chips(s + 1 == n),
                                     std::move(witnesses[s]), vk.params, s));
    commitments.push_back({committed.back().log_rows, committed.back().root()});
  }
  const LogupChallenges run = run_challenges(proof.public_values, proof.spans, commitments);
  proof.params = vk.params;
  proof.max_log_rows = vk.shape.max_log_rows;
  proof.shards.clear();
  for (std::size_t s = 0; s < n; ++s) {
    const bool last = s + 1 == n;
    const ShardStatement statement =
        shard_statement(proof.public_values, proof.spans, s, proof.input, proof.output,
                        vk.shape.max_log_rows, vk.root(last), run);
    proof.shards.push_back(serialize(prove_committed(exec, ledger, machine.chips(last),
                                                     std::move(committed[s]), vk.params,
                                                     statement, &pre.of(last))));
  }
}

// Proves `run` with witgen on wexec and everything else on pexec (traces move to pexec's
// memory space when they differ).
template <class WExec, class PExec>
ProgramProof prove_run(const WExec& wexec, const PExec& pexec, MemoryLedger& ledger,
                       const Machine& machine,
                       const MachinePreprocessed<typename PExec::memory_space>& pre,
                       const VerifyingKey& vk, ProgramRun run, const RunOptions& options = {}) {
  using PMem = typename PExec::memory_space;
  using Witness = chip::ShardTraces<PMem>;
  const vm::ShardPlan& plan = run.plan;
  ProgramProof out = std::move(run.proof);
  out.params = vk.params;
  out.max_log_rows = vk.shape.max_log_rows;
  const std::size_t n = plan.num_shards();
  if (n != out.spans.size())
    throw std::invalid_argument("prove_run: the plan has " + std::to_string(n) +
                                " shards, the run " + std::to_string(out.spans.size()) + " spans");
  out.shards.assign(n, {});
  Metrics* metrics = options.metrics;
  const auto open = [&](std::optional<PhaseScope>& scope, const char* name, std::size_t s,
                        SpaceKind space) {
    if (metrics) scope.emplace(*metrics, name, long(s), space, 1);
  };

  FinalMemory final;
  vm::ShardRecords records;  // reused: one shard at a time is re-executed and traced
  const auto record = [&](std::size_t s, bool first_pass) {
    std::optional<PhaseScope> scope;
    open(scope, "emulate", s, SpaceKind::serial);
    vm::record_shard(plan, s, records);
    if (first_pass) final.add(records);
  };
  const auto traces = [&](std::size_t s) {
    std::optional<PhaseScope> scope;
    open(scope, "witness", s, space_kind_of<WExec>());
    auto w = machine.witgen(wexec, ledger, records, s + 1 == n ? &final : nullptr);
    Witness moved{w.chips, {}};
    for (auto& t : w.traces)
      moved.traces.push_back(transfer_trace<PMem>(wexec, std::move(t), ledger, metrics));
    wexec.fence();
    return moved;
  };
  const auto witness = [&](std::size_t s, bool first_pass) {
    record(s, first_pass);
    return traces(s);
  };

  MemoryLedger unbooked;
  MemoryLedger& admission = options.admission ? *options.admission : unbooked;
  const PipelineOptions pipeline{options.overlap && can_overlap<WExec, PExec>(),
                                 options.max_inflight_shards, PMem::name(),
                                 bound_to_initial_thread<WExec>()};
  const auto footprint = [&](std::size_t s) { return machine.footprint(plan.starts[s], vk.params); };
  ShardProverOptions precommit{metrics, "precommit"}, prover{metrics};

  // Shards by rank; each rank streams its own through its pipeline under its own budget.
  SingleProcess alone;
  Team team(options.ranks ? *options.ranks : alone);
  const int rank = team.rank();
  std::vector<uint64_t> cost(n);  // footprint(s).peak(): the plan's weights
  for (std::size_t s = 0; s < n; ++s) cost[s] = footprint(s).peak();
  const std::vector<int> owner = assign_shards(cost, team.size());
  const int last_rank = owner[n - 1];
  const std::vector<std::size_t> mine = shards_of(owner, rank);
  std::vector<std::size_t> first;  // this rank's shards of pass 1
  for (std::size_t s : mine)
    if (s + 1 < n) first.push_back(s);
  if (options.assigned) options.assigned(mine);

  std::optional<LogupChallenges> challenges;
  const auto prove = [&](std::size_t s, CommittedShard<PMem>&& c) {
    const bool last = s + 1 == n;
    std::vector<uint8_t> bytes = serialize(prove_committed(
        pexec, ledger, machine.chips(last), std::move(c), vk.params,
        shard_statement(out.public_values, out.spans, s, out.input, out.output,
                        vk.shape.max_log_rows, vk.root(last), *challenges),
        &pre.of(last), prover));
    if (options.proven) options.proven(s);
    return bytes;
  };
  const auto prove_held = [&](std::size_t s, CommittedShard<PMem>&& c) {
    try {
      out.shards[s] = prove(s, std::move(c));
    } catch (const std::exception& e) {
      throw ShardError(s, "prove", e.what());
    }
  };

  // Pass 1: this rank's shards but the last, for their roots; kept whole while the budget
  // allows. Their records' final memory goes to the last shard's rank.
  std::vector<ShardCommitment> commitments(n);
  KeptCommitments<CommittedShard<PMem>> kept(admission, PMem::name(), n - 1);
  const std::vector<RankBytes> finals = team.gather([&] {
    if (options.keep_commitments) {
      std::size_t peak = 0;
      for (std::size_t s : first) peak = std::max<std::size_t>(peak, cost[s]);
      const std::size_t in_flight =
          pipeline.overlap ? std::max<std::size_t>(1, pipeline.max_inflight_shards) : 1;
      kept.reserve_for_pipeline(in_flight * peak);
    }
    std::vector<ShardCommitment> roots = run_shard_pipeline<Witness, ShardCommitment>(
        first, admission, pipeline, footprint, [&](std::size_t s) { return witness(s, true); },
        [&](std::size_t s, Witness&& w) {
          auto c = commit_shard(pexec, ledger, machine.shard_chips(), std::move(w), vk.params,
                                s, precommit);
          ShardCommitment root{c.log_rows, c.root()};
          const ShardBytes b = footprint(s);
          kept.offer(s, b.witness + b.prove, std::move(c));
          return root;
        });
    for (std::size_t i = 0; i < first.size(); ++i) commitments[first[i]] = std::move(roots[i]);
    return rank == last_rank ? RankBytes{} : serialize(final);
  }, last_rank);

  // The last shard, whose memory tables need every shard's records: committed once, its
  // footprint known once every shard is recorded; then every rank has every root.
  std::optional<CommittedShard<PMem>> last;
  Booking last_proving;
  const std::vector<RankBytes> roots = team.all_gather([&] {
    IndexedBytes sent;
    if (rank == last_rank) {
      ShardBytes bytes;
      try {
        for (int r = 0; r < team.size(); ++r)
          if (r != rank) final.merge(deserialize_final_memory(finals[r]));
        record(n - 1, true);
        bytes = machine.footprint(plan.starts[n - 1], vk.params, &final);
      } catch (const std::exception& e) {
        throw ShardError(n - 1, "witgen", e.what());
      }
      kept.make_room(bytes.peak());
      last.emplace(std::move(run_shard_pipeline<Witness, CommittedShard<PMem>>(
          {n - 1}, admission, pipeline, [&](std::size_t) { return bytes; },
          [&](std::size_t s) { return traces(s); },
          [&](std::size_t s, Witness&& w) {
            return commit_shard(pexec, ledger, machine.chips(), std::move(w), vk.params, s,
                                prover);
          })[0]));
      // Nothing else runs on this rank now: its proof's room is booked again at once.
      last_proving = admission.book(PMem::name(), bytes.prove, "shard " + std::to_string(n - 1) +
                                                                   " prove");
      commitments[n - 1] = {last->log_rows, last->root()};
      sent.emplace_back(n - 1, serialize(commitments[n - 1]));
    }
    for (std::size_t s : first) sent.emplace_back(s, serialize(commitments[s]));
    return pack(sent);
  });
  for (int r = 0; r < team.size(); ++r)
    if (r != rank)
      for (auto& [s, bytes] : unpack(roots[r], n))
        commitments[s] = deserialize_shard_commitment(bytes);
  challenges = run_challenges(out.public_values, out.spans, commitments);

  // Pass 2: the last shard proven, then the kept shards as they are and the others again,
  // under the run's challenges; the proofs go to rank 0.
  if (metrics)
    metrics->set_label("kept_commitments",
                       std::to_string(kept.kept()) + " of " + std::to_string(first.size()));
  const std::vector<RankBytes> proofs = team.gather([&] {
    if (last) {
      prove_held(n - 1, std::move(*last));
      last.reset();
      last_proving.release();
    }
    std::vector<std::size_t> again;
    for (std::size_t s : first) {
      std::optional<CommittedShard<PMem>> c = kept.take(s);
      if (c)
        prove_held(s, std::move(*c));
      else
        again.push_back(s);
      kept.release(s);
    }
    std::vector<std::vector<uint8_t>> made = run_shard_pipeline<Witness, std::vector<uint8_t>>(
        again, admission, pipeline, footprint, [&](std::size_t s) { return witness(s, false); },
        [&](std::size_t s, Witness&& w) {
          auto c = commit_shard(pexec, ledger, machine.shard_chips(), std::move(w), vk.params, s,
                                prover);
          if (c.root() != commitments[s].root)
            throw std::logic_error("the commitment differs from the first pass's (witgen is "
                                   "not deterministic)");
          return prove(s, std::move(c));
        });
    for (std::size_t i = 0; i < again.size(); ++i) out.shards[again[i]] = std::move(made[i]);
    IndexedBytes sent;
    if (rank != 0)
      for (std::size_t s : mine) sent.emplace_back(s, std::move(out.shards[s]));
    return pack(sent);
  }, 0);
  if (rank != 0) {
    out.shards.clear();
    return out;
  }
  for (int r = 1; r < team.size(); ++r)
    for (auto& [s, bytes] : unpack(proofs[r], n)) out.shards[s] = std::move(bytes);
  return out;
}

// Runs and proves the program on one space.
template <class Exec>
ProgramProof prove_program(const Exec& exec, MemoryLedger& ledger, const Machine& machine,
                           const MachinePreprocessed<typename Exec::memory_space>& pre,
                           const VerifyingKey& vk, std::span<const uint8_t> input,
                           uint64_t max_cycles, const RunOptions& options = {}) {
  return prove_run(exec, exec, ledger, machine, pre, vk,
                   run_program(machine, vk, input, max_cycles), options);
}

}  // namespace kprove::rv32im
