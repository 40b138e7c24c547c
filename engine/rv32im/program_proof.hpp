// The proof of a program run (statement.hpp): its public values, the public input and output
// bytes, and one shard proof per span of the run. run_program emulates the run; prove_run
// (run_prover.hpp) proves it, shards streamed; verify_program checks it.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/proof/verify_error.hpp"
#include "engine/rv32im/statement.hpp"
#include "engine/rv32im/vk.hpp"
#include "engine/vm/emulator.hpp"

namespace kprove::rv32im {

struct ProgramProof {
  PcsParams params;           // what the proof was made with (the vk binds them and
  uint32_t max_log_rows = 0;  // this shard height bound)
  PublicValues public_values;
  std::vector<uint8_t> input, output;
  std::vector<ShardSpan> spans;
  std::vector<std::vector<uint8_t>> shards;  // serialized shard proofs, one per span
};

// Little-endian: magic "KPRP", u32 version, the PCS parameters (4 u32), the shard height
// bound (u32), the public values, input and output bytes (u64 length each), the shards (u64
// count; each its span: u32 start pc, u64 first cycle, u64 cycles; then its u64-length-
// prefixed proof).
std::vector<uint8_t> serialize(const ProgramProof& proof);
// Throws ProofFormatError naming what is malformed.
ProgramProof deserialize_program_proof(const std::vector<uint8_t>& bytes);

// Checks `proof` against `vk`; throws VerifyError naming the failed check.
void verify_program(const ProgramProof& proof, const VerifyingKey& vk);

// The verifying key of `machine` (a prover's) under `params`, and its preprocessed roots.
template <class Mem>
VerifyingKey make_vk(const Machine& machine, const MachinePreprocessed<Mem>& pre,
                     const PcsParams& params) {
  return VerifyingKey{machine.shape(), params, program_digest(machine.program()),
                      pre.shard.root(), pre.last.root()};
}

// A run of the program ready to prove: its public values, bytes and spans (no shard proofs
// yet), and the plan that re-executes any shard with records.
struct ProgramRun {
  ProgramProof proof;
  vm::ShardPlan plan;
};

// Runs the program on `input` (at most max_cycles) in shards of 2^max_log_rows - 1 cycles.
// Throws vm::VmError if the program faults, std::invalid_argument if the run is longer than
// vm::kMaxRecordedCycles.
ProgramRun run_program(const Machine& machine, const VerifyingKey& vk,
                       std::span<const uint8_t> input, uint64_t max_cycles);

}  // namespace kprove::rv32im
