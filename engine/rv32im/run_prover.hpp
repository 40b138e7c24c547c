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
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <numeric>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/metrics/metrics.hpp"
#include "engine/prover/shard_prover.hpp"
#include "engine/rv32im/program_proof.hpp"
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

  // Pass 1: every shard but the last, for its root; kept whole while the budget allows.
  std::vector<std::size_t> first(n - 1);
  std::iota(first.begin(), first.end(), std::size_t(0));
  KeptCommitments<CommittedShard<PMem>> kept(admission, PMem::name(), n - 1);
  if (options.keep_commitments) {
    std::size_t peak = 0;
    for (std::size_t s : first) peak = std::max(peak, footprint(s).peak());
    const std::size_t in_flight =
        pipeline.overlap ? std::max<std::size_t>(1, pipeline.max_inflight_shards) : 1;
    kept.reserve_for_pipeline(in_flight * peak);
  }
  std::vector<ShardCommitment> commitments =
      run_shard_pipeline<Witness, ShardCommitment>(
          first, admission, pipeline, footprint,
          [&](std::size_t s) { return witness(s, true); },
          [&](std::size_t s, Witness&& w) {
            auto c = commit_shard(pexec, ledger, machine.shard_chips(), std::move(w), vk.params,
                                  s, precommit);
            ShardCommitment out{c.log_rows, c.root()};
            const ShardBytes b = footprint(s);
            kept.offer(s, b.witness + b.prove, std::move(c));
            return out;
          });

  // The last shard, whose memory tables need every shard's records: committed once, its
  // footprint known once every shard is recorded.
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
  ShardBytes last_bytes;
  try {
    record(n - 1, true);
    last_bytes = machine.footprint(plan.starts[n - 1], vk.params, &final);
  } catch (const std::exception& e) {
    throw ShardError(n - 1, "witgen", e.what());
  }
  kept.make_room(last_bytes.peak());
  out.shards[n - 1] = std::move(run_shard_pipeline<Witness, std::vector<uint8_t>>(
      {n - 1}, admission, pipeline, [&](std::size_t) { return last_bytes; },
      [&](std::size_t s) { return traces(s); },
      [&](std::size_t s, Witness&& w) {
        auto c = commit_shard(pexec, ledger, machine.chips(), std::move(w), vk.params, s, prover);
        commitments.push_back({c.log_rows, c.root()});
        challenges = run_challenges(out.public_values, out.spans, commitments);
        return prove(s, std::move(c));
      })[0]);

  // Pass 2: the kept shards proven as they are, the others again, under the run's challenges.
  if (metrics)
    metrics->set_label("kept_commitments",
                       std::to_string(kept.kept()) + " of " + std::to_string(n - 1));
  std::vector<std::size_t> again;
  for (std::size_t s : first) {
    std::optional<CommittedShard<PMem>> c = kept.take(s);
    if (!c) {
      again.push_back(s);
      continue;
    }
    try {
      out.shards[s] = prove(s, std::move(*c));
    } catch (const std::exception& e) {
      throw ShardError(s, "prove", e.what());
    }
    kept.release(s);
  }
  std::vector<std::vector<uint8_t>> proofs = run_shard_pipeline<Witness, std::vector<uint8_t>>(
      again, admission, pipeline, footprint, [&](std::size_t s) { return witness(s, false); },
      [&](std::size_t s, Witness&& w) {
        auto c = commit_shard(pexec, ledger, machine.shard_chips(), std::move(w), vk.params, s,
                              prover);
        if (c.root() != commitments[s].root)
          throw std::logic_error("the commitment differs from the first pass's (witgen is "
                                 "not deterministic)");
        return prove(s, std::move(c));
      });
  for (std::size_t i = 0; i < again.size(); ++i) out.shards[again[i]] = std::move(proofs[i]);
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
