// The RV32IM emulator. A guest talks to the host through three Linux RV32 system calls
// (ecall with a7 = 93 exit(a0), 63 read(0, buf, n) from the public input, 64 write(1, buf, n)
// to the public output), so every guest also runs unmodified under qemu-riscv32. Anything
// else stops the run with a VmError naming the fault, the pc, the instruction word and the
// cycle.
//
// Three ways to run a program:
//   execute       fastest: result only (cycles, exit code, output);
//   plan_shards   one pass that also snapshots the machine at every shard boundary, after
//                 which record_shard re-executes any shard, on any thread, with records;
//   record_all    one pass with records for every shard (the reference for record_shard).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/vm/decode.hpp"
#include "engine/vm/memory.hpp"
#include "engine/vm/program.hpp"
#include "engine/vm/records.hpp"

namespace kprove::vm {

enum class VmFault {
  illegal_instruction,
  unsupported_ecall,
  bad_file_descriptor,
  misaligned_load,
  misaligned_store,
  misaligned_jump,
  load_fault,    // unmapped address
  store_fault,   // unmapped, read-only or executable
  fetch_fault,   // pc outside the executable segments
  output_limit,  // more than kMaxOutputBytes written
  max_cycles,    // no exit within max_cycles
};
const char* to_string(VmFault f);

inline constexpr std::uint64_t kMaxOutputBytes = std::uint64_t(1) << 30;

class VmError : public std::runtime_error {
 public:
  VmError(VmFault fault, std::uint32_t pc, std::uint32_t insn, std::uint64_t cycle,
          const std::string& detail);
  VmFault fault;
  std::uint32_t pc, insn;
  std::uint64_t cycle;
};

// A program ready to run: decoded code and the initial memory image, shared by every run.
class Guest {
 public:
  explicit Guest(Program program);

  const Program& program() const { return program_; }
  const MemoryImage& image() const { return image_; }

  struct Code {
    std::uint32_t base = 0;
    std::vector<Insn> insns;
    std::vector<std::uint32_t> words;
  };
  // The executable segments, decoded once (no self-modifying code: stores into them fault).
  const std::vector<Code>& code() const { return code_; }
  // The segment holding the instruction at pc, or nullptr.
  const Code* code_at(std::uint32_t pc) const;

 private:
  Program program_;
  MemoryImage image_;
  std::vector<Code> code_;
};

// The machine between two instructions.
struct MachineState {
  std::uint32_t pc = 0;
  std::uint64_t cycle = 0;  // instructions executed so far
  std::array<std::uint32_t, kNumRegs> regs{};
  std::array<std::uint64_t, kNumRegs> reg_ts{};  // global timestamp of the last access
  std::uint64_t input_pos = 0;
  bool input_eof = false;  // a read came back short
  std::uint64_t output_len = 0;
};

struct Execution {
  std::uint64_t cycles = 0;  // instructions executed, the exit ecall included
  std::uint32_t exit_code = 0;
  std::uint32_t exit_pc = 0;  // the exit ecall's pc
  std::uint64_t input_read = 0;
  bool input_eof = false;  // some read came back short
  std::vector<std::uint8_t> output;
};

Execution execute(const Guest& guest, std::span<const std::uint8_t> input,
                  std::uint64_t max_cycles);

using ChipRows = std::array<std::uint64_t, kNumChipKinds>;
using IoWords = std::array<std::uint64_t, 2>;  // words moved by read, by write ecalls

struct Checkpoint {
  MachineState state;
  MemoryImage memory;
  // Of the shard that starts here (exact reservations and trace heights): records per chip,
  // and the io words of its read and write ecalls.
  ChipRows rows{};
  IoWords io_words{};
};

// The result of the fast pass with the start of every shard; shard s covers cycles
// [s * shard_cycles, min((s+1) * shard_cycles, cycles)).
struct ShardPlan {
  std::shared_ptr<const Guest> guest;
  std::shared_ptr<const std::vector<std::uint8_t>> input;
  std::uint64_t shard_cycles = 0;
  std::uint64_t max_cycles = 0;
  Execution execution;
  std::vector<Checkpoint> starts;

  std::size_t num_shards() const { return starts.size(); }
};

ShardPlan plan_shards(std::shared_ptr<const Guest> guest,
                      std::shared_ptr<const std::vector<std::uint8_t>> input,
                      std::uint64_t max_cycles, std::uint64_t shard_cycles);

// Re-executes shard s of the plan with records into `out`, whose buffers are reused (a
// pipeline recycles them: fresh pages cost more than the emulation). Safe to call from many
// threads at once.
void record_shard(const ShardPlan& plan, std::size_t s, ShardRecords& out);
ShardRecords record_shard(const ShardPlan& plan, std::size_t s);

// The worker count record_shards takes for threads = 0: every online CPU.
unsigned default_record_threads();

// Every shard, re-executed on `threads` host threads (0: default_record_threads()).
std::vector<ShardRecords> record_shards(const ShardPlan& plan, unsigned threads);
// The same, streamed: consume(records) runs on the worker thread that made them, once per
// shard in no particular order, and each worker reuses one buffer. The first exception
// (from a shard or from consume) stops the workers and is rethrown.
void record_shards(const ShardPlan& plan, unsigned threads,
                   const std::function<void(const ShardRecords&)>& consume);

// One pass with records, no checkpoints.
std::vector<ShardRecords> record_all(const Guest& guest, std::span<const std::uint8_t> input,
                                     std::uint64_t max_cycles, std::uint64_t shard_cycles,
                                     Execution* execution = nullptr);

}  // namespace kprove::vm
