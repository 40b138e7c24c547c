// The proof of a program run (statement.hpp): its public values, the public input and output
// bytes, and the shard proofs. prove_program and verify_program are the whole pipeline for a
// run of one shard (a run longer than a shard needs continuations).
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/metrics/metrics.hpp"
#include "engine/prover/shard_prover.hpp"
#include "engine/rv32im/statement.hpp"
#include "engine/rv32im/vk.hpp"
#include "engine/verifier/verify_error.hpp"

namespace kprove::rv32im {

struct ProgramProof {
  PublicValues public_values;
  std::vector<uint8_t> input, output;
  std::vector<std::vector<uint8_t>> shards;  // serialized shard proofs
};

// Little-endian: magic "KPRP", u32 version, the public values, input and output bytes
// (u64 length each), the shard proofs (u64 count, each u64-length-prefixed).
std::vector<uint8_t> serialize(const ProgramProof& proof);
// Throws ProofFormatError naming what is malformed.
ProgramProof deserialize_program_proof(const std::vector<uint8_t>& bytes);

// Bound on log2(rows) of the traces whose height the prover picks.
inline constexpr uint32_t kMaxLogRows = 30;

// Checks `proof` against `vk`; throws VerifyError naming the failed check.
void verify_program(const ProgramProof& proof, const VerifyingKey& vk);

// The verifying key of `machine` (a prover's) under `params`, and its preprocessed root.
template <class Exec>
VerifyingKey make_vk(const Exec& exec, MemoryLedger& ledger, const Machine& machine,
                     const Preprocessed<typename Exec::memory_space>& pre, const PcsParams& params) {
  return VerifyingKey{machine.shape(), params, program_digest(machine.program()), pre.root()};
}

// Runs the program on `input` (at most max_cycles) and proves the run. Throws vm::VmError if
// the program faults, std::invalid_argument if it needs more than one shard.
template <class Exec>
ProgramProof prove_program(const Exec& exec, MemoryLedger& ledger, const Machine& machine,
                           const Preprocessed<typename Exec::memory_space>& pre,
                           const VerifyingKey& vk, std::span<const uint8_t> input,
                           uint64_t max_cycles, Metrics* metrics = nullptr) {
  const uint64_t shard_cycles = (uint64_t(1) << kMaxLogRows) - 1;
  vm::Execution run;
  const auto shards = vm::record_all(machine.guest(), input, max_cycles, shard_cycles, &run);
  if (shards.size() != 1)
    throw std::invalid_argument("the run takes " + std::to_string(run.cycles) +
                                " cycles, more than one shard (" + std::to_string(shard_cycles) +
                                ")");
  ProgramProof out;
  out.input.assign(input.begin(), input.end());
  out.output = run.output;
  PublicValues& pv = out.public_values;
  pv.vk = vk.digest();
  pv.program = vk.program;
  pv.input = bytes_digest(kInputDomain, out.input);
  pv.output = bytes_digest(kOutputDomain, out.output);
  pv.exit_code = run.exit_code;
  pv.cycles = run.cycles;
  pv.input_read = run.input_read;
  pv.input_eof = run.input_eof;
  const ShardStatement statement = shard_statement(pv, vk.shape.entry, out.input, out.output,
                                                   kMaxLogRows, vk.preprocessed_root);
  ShardProverOptions options;
  options.metrics = metrics;
  out.shards.push_back(serialize(prove_shard(exec, ledger, machine.chips(),
                                             machine.witgen(exec, ledger, shards[0]), vk.params,
                                             statement, &pre, options)));
  return out;
}

}  // namespace kprove::rv32im
