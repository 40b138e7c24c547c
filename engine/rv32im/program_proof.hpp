// The proof of a program run (statement.hpp): its public values, the public input and output
// bytes, and the shard proofs. prove_program and verify_program are the whole pipeline for a
// run of one shard (a run longer than a shard needs continuations).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/metrics/metrics.hpp"
#include "engine/prover/shard_prover.hpp"
#include "engine/rv32im/statement.hpp"
#include "engine/rv32im/vk.hpp"
#include "engine/verifier/verify_error.hpp"
#include "views/spaces.hpp"

namespace kprove::rv32im {

struct ProgramProof {
  PcsParams params;           // what the proof was made with (the vk binds them and
  uint32_t max_log_rows = 0;  // this shard height bound)
  PublicValues public_values;
  std::vector<uint8_t> input, output;
  std::vector<std::vector<uint8_t>> shards;  // serialized shard proofs
};

// Little-endian: magic "KPRP", u32 version, the PCS parameters (4 u32), the shard height
// bound (u32), the public values,
// input and output bytes
// (u64 length each), the shard proofs (u64 count, each u64-length-prefixed).
std::vector<uint8_t> serialize(const ProgramProof& proof);
// Throws ProofFormatError naming what is malformed.
ProgramProof deserialize_program_proof(const std::vector<uint8_t>& bytes);

// Checks `proof` against `vk`; throws VerifyError naming the failed check.
void verify_program(const ProgramProof& proof, const VerifyingKey& vk);

// The verifying key of `machine` (a prover's) under `params`, and its preprocessed root.
template <class Mem>
VerifyingKey make_vk(const Machine& machine, const Preprocessed<Mem>& pre, const PcsParams& params) {
  return VerifyingKey{machine.shape(), params, program_digest(machine.program()), pre.root()};
}

// A run of the program ready to prove: its public values and bytes, and its records.
struct ProgramRun {
  ProgramProof proof;  // no shard proofs yet
  std::vector<vm::ShardRecords> shards;
};

// Runs the program on `input` (at most max_cycles). Throws vm::VmError if the program faults,
// std::invalid_argument if the run needs more than one shard.
ProgramRun run_program(const Machine& machine, const VerifyingKey& vk,
                       std::span<const uint8_t> input, uint64_t max_cycles);

// Proves `run` (its public values as they stand: a prover that changes them gets a proof the
// verifier rejects).
template <class Exec>
ProgramProof prove_run(const Exec& exec, MemoryLedger& ledger, const Machine& machine,
                       const Preprocessed<typename Exec::memory_space>& pre,
                       const VerifyingKey& vk, ProgramRun run, Metrics* metrics = nullptr) {
  ProgramProof out = std::move(run.proof);
  out.params = vk.params;
  out.max_log_rows = vk.shape.max_log_rows;
  const ShardStatement statement = shard_statement(out.public_values, vk.shape.entry, out.input,
                                                   out.output, vk.shape.max_log_rows,
                                                   vk.preprocessed_root);
  ShardProverOptions options;
  options.metrics = metrics;
  auto witness = [&] {
    std::optional<PhaseScope> phase;
    if (metrics) phase.emplace(*metrics, "witness", 0, space_kind_of<Exec>());
    auto w = machine.witgen(exec, ledger, run.shards.at(0));
    exec.fence();
    return w;
  }();
  out.shards.push_back(serialize(
      prove_shard(exec, ledger, machine.chips(), std::move(witness), vk.params, statement, &pre,
                  options)));
  return out;
}

template <class Exec>
ProgramProof prove_program(const Exec& exec, MemoryLedger& ledger, const Machine& machine,
                           const Preprocessed<typename Exec::memory_space>& pre,
                           const VerifyingKey& vk, std::span<const uint8_t> input,
                           uint64_t max_cycles, Metrics* metrics = nullptr) {
  return prove_run(exec, ledger, machine, pre, vk, run_program(machine, vk, input, max_cycles),
                   metrics);
}

}  // namespace kprove::rv32im
