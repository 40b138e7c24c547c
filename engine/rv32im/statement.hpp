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

#include "engine/protocol/shard_protocol.hpp"
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
  uint64_t shards = 1;      // shard proofs of the run

  std::vector<Felt> to_felts() const;
  friend bool operator==(const PublicValues&, const PublicValues&) = default;
};

// Poseidon2 sponge digests, each under its own domain label.
inline constexpr const char* kInputDomain = "kprove.input.v1";
inline constexpr const char* kOutputDomain = "kprove.output.v1";
Digest bytes_digest(std::string_view domain, std::span<const uint8_t> bytes);
Digest program_digest(const vm::Program& program);

// Shard s of a run: it starts at start_pc with cycle first_cycle and runs `cycles` cycles;
// the next shard starts where it ends, the last one ends with the exit ecall.
struct ShardSpan {
  uint32_t start_pc = 0;
  uint64_t first_cycle = 0;
  uint64_t cycles = 0;
  friend bool operator==(const ShardSpan&, const ShardSpan&) = default;
};

// Throws std::invalid_argument unless the spans chain from the entry point (cycle 0) through
// every cycle of the run, pv.shards of them, each of 1 .. 2^max_log_rows - 1 cycles, and the
// public values agree with the bytes (digests of I and O, input_read within I, eof at its
// end only), N < 2^30.
void check_run(const PublicValues& pv, const std::vector<ShardSpan>& spans, uint32_t entry_pc,
               std::span<const uint8_t> input, std::span<const uint8_t> output,
               uint32_t max_log_rows);

// The statement of shard s (check_run first): the public values and the span, boundary terms
// (its start state, and the next shard's start or, for the last shard, the halting state,
// the streams and the public bytes), the preprocessed root of its chips, the run's
// challenges. The run buses, whose sums add up over the shards, are those that cross shards:
// reg and mem (a value written in one shard, read in another), stream and io (the cursors
// and bytes of reads and writes in any shard, opened and closed in the last). Every other bus
// balances within its shard: the state bus chains the shard's steps from its span's start to
// the next span's, so the spans are bound.
ShardStatement shard_statement(const PublicValues& pv, const std::vector<ShardSpan>& spans,
                               std::size_t s, std::span<const uint8_t> input,
                               std::span<const uint8_t> output, uint32_t max_log_rows,
                               const Digest& preprocessed_root, const LogupChallenges& run);

// What a run's challenges are drawn from, per shard: its trace heights and commitment.
struct ShardCommitment {
  std::vector<uint32_t> log_rows;
  Digest root;
};

// The run's LogUp challenges: a transcript ("kprove.run.v1") of the public values, every
// shard's span, heights and root. Every shard is committed before any challenge exists, so
// one LogUp argument over all shards is as sound as over one shard.
LogupChallenges run_challenges(const PublicValues& pv, const std::vector<ShardSpan>& spans,
                               const std::vector<ShardCommitment>& shards);

}  // namespace kprove::rv32im
