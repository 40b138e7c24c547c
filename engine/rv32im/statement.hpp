// The statement of a program proof: program P (by digest), started at its entry point with
// public input I, runs exactly N cycles and halts with exit code E, having written public
// output O. The public values are absorbed into every shard's transcript before any
// commitment; the verifier turns them into the shard's boundary terms (the LogUp terms of
// the entry state, the halting state, the streams and the public bytes).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "engine/prover/shard_protocol.hpp"
#include "engine/vm/program.hpp"
#include "kernels/hash/sponge.hpp"

namespace kprove::rv32im {

struct PublicValues {
  Digest vk;       // the verifying key (vk.hpp)
  Digest program;  // program_digest of the ELF's image and entry point
  Digest input, output;  // bytes_digest of I and O
  uint32_t exit_code = 0;
  uint64_t cycles = 0;
  uint64_t input_read = 0;  // bytes of I the program read
  bool input_eof = false;   // a read came back short (then input_read = |I|)

  std::vector<Felt> to_felts() const;
  friend bool operator==(const PublicValues&, const PublicValues&) = default;
};

// Poseidon2 sponge digests, each under its own domain label.
inline constexpr const char* kInputDomain = "kprove.input.v1";
inline constexpr const char* kOutputDomain = "kprove.output.v1";
Digest bytes_digest(std::string_view domain, std::span<const uint8_t> bytes);
Digest program_digest(const vm::Program& program);

// The shard statement of a single-shard run: public values, boundary terms over the entry
// pc and the public bytes, the preprocessed root. Throws std::invalid_argument when the
// values are inconsistent (digests of other bytes, input_read beyond I, eof before its end).
ShardStatement shard_statement(const PublicValues& pv, uint32_t entry_pc,
                               std::span<const uint8_t> input, std::span<const uint8_t> output,
                               uint32_t max_log_rows, const Digest& preprocessed_root);

}  // namespace kprove::rv32im
