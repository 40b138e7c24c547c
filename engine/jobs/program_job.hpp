// Program jobs: prove a guest program's run on its input, write the program proof; build
// a program's verifying key; verify a program proof against one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/job_config.hpp"
#include "engine/distributed/communicator.hpp"
#include "engine/metrics/metrics.hpp"
#include "engine/rv32im/program_proof.hpp"
#include "views/memory_ledger.hpp"

namespace kprove {

struct ProgramJobResult {
  rv32im::ProgramProof proof;  // whole on rank 0; without shard proofs on the other ranks
  std::vector<uint8_t> bytes;  // serialize(proof), on rank 0 only
  rv32im::VerifyingKey vk;
};

// Proves the job's guest (program, input, max_cycles) with its PCS parameters in shards of
// shard_cycles, witgen on spaces.witgen and the rest on spaces.prove, shards pipelined under
// the ledger's budget (pipeline.*). Throws ConfigError when the job names no program,
// vm::ElfError, vm::VmError when the guest faults, std::invalid_argument for spaces.commit
// other than spaces.prove or a run beyond 2^30 - 1 cycles, ShardError naming a failed shard.
// With `ranks` (every rank calls it with the same job) the shards are spread over them and a
// failure anywhere throws RankFailure on every rank.
ProgramJobResult run_program_job(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger,
                                 Communicator* ranks = nullptr);

// The verifying key of the ELF at `path` under `params` (commits the preprocessed columns on
// the host). Needs Kokkos initialised.
rv32im::VerifyingKey program_vk(const std::string& path, const PcsParams& params,
                                uint32_t max_log_rows);

// A digest as hex, 16 digits per element.
std::string hex_digest(const Digest& d);
// What the proof claims, in a line or two (program digest, input, cycles, exit code, output).
std::string describe_statement(const rv32im::ProgramProof& p);

// Reads a program proof or verifying key file; throws std::runtime_error naming the path if it
// cannot be read, ProofFormatError if it is malformed.
rv32im::ProgramProof read_program_proof(const std::string& path);
rv32im::VerifyingKey read_vk(const std::string& path);

}  // namespace kprove
