// The interpreter loop behind emulator.hpp, compiled in three modes:
//   plain     executes only;
//   tracked   also keeps every register's and word's last-access timestamp (what a shard
//             re-executed from a snapshot needs to reproduce the records);
//   recorded  tracked, and emits the shard's records and boundary tables.
#pragma once

#include <array>
#include <span>

#include "engine/vm/emulator.hpp"

namespace kprove::vm::detail {

enum class Mode { plain, tracked, recorded };

class Machine {
 public:
  Machine(const Guest& guest, const MachineState& state, const MemoryImage& memory,
          std::span<const std::uint8_t> input)
      : guest_(guest), s_(state), mem_(memory), input_(input) {
    select_code(s_.pc);
  }

  // Runs until cycle `until` or the exit ecall, whichever comes first; true on exit.
  // Faults throw VmError, and so does reaching max_cycles without an exit.
  template <Mode M>
  bool run(std::uint64_t until, std::uint64_t max_cycles);

  const MachineState& state() const { return s_; }
  // Tracked mode: instructions per chip since the last reset_rows().
  const ChipRows& rows() const { return rows_; }
  // Tracked mode: words moved by read and by write ecalls since the last reset_rows().
  const IoWords& io_words() const { return io_words_; }
  void reset_rows() { rows_ = {}, io_words_ = {}; }
  Memory& memory() { return mem_; }
  Execution& result() { return result_; }

  // Recorded mode: the records of the cycles run from here on go to `rec` (run throws
  // std::invalid_argument rather than record past kMaxRecordedCycles).
  void begin_shard(ShardRecords& rec, std::uint32_t shard, std::uint64_t shard_cycles);
  // Fills the boundary tables and the end state of the open shard.
  void end_shard(bool halted);

 private:
  // Executes one instruction of opcode O at timestamp ts; returns the next pc. Inlined into
  // the dispatch switch, so each case is straight-line code for its opcode.
  template <Mode M, Op O>
  [[gnu::always_inline]] inline std::uint32_t step(const Insn& in, std::uint64_t ts);
  template <Mode M>
  std::uint32_t ecall(std::uint64_t ts);

  [[noreturn]] void fault(VmFault f, const std::string& detail) const;
  void select_code(std::uint32_t pc);
  std::uint32_t checked_target(std::uint32_t target) const;

  // Timestamps below 2^32: a recorded run stops at kMaxRecordedCycles.
  static std::uint32_t stamp(std::uint64_t ts) { return static_cast<std::uint32_t>(ts); }
  std::uint32_t origin(std::uint64_t ts) const {
    return ts == 0 ? 0 : static_cast<std::uint32_t>((ts / 4 - 1) / shard_cycles_ + 1);
  }

  template <Mode M>
  std::uint32_t read_reg(std::uint8_t r, std::uint64_t ts, RegRead* out) {
    if constexpr (M != Mode::plain) {
      if constexpr (M == Mode::recorded) *out = {s_.regs[r], stamp(s_.reg_ts[r])};
      s_.reg_ts[r] = ts;
    }
    return s_.regs[r];
  }
  template <Mode M>
  void write_reg(std::uint8_t r, std::uint32_t v, std::uint64_t ts, RegWrite* out) {
    if constexpr (M != Mode::plain) {
      if constexpr (M == Mode::recorded) *out = {v, s_.regs[r], stamp(s_.reg_ts[r])};
      s_.reg_ts[r] = ts;
    }
    s_.regs[r] = v;
  }
  // The aligned word holding addr, accessed at ts (writable pages only for a store); its
  // previous timestamp goes to *prev. Recorded mode notes the shard's first touch.
  template <Mode M>
  std::uint32_t* word(std::uint32_t addr, bool store, std::uint64_t ts, std::uint64_t* prev);
  // A syscall buffer [buf, buf + n), as whole words at ts in address order.
  template <Mode M, bool kRead>
  void transfer(std::uint32_t buf, std::uint32_t n, std::uint64_t ts);

  template <class R>
  void emit(std::vector<R>& v, R& r, std::uint64_t ts) {
    r.step = {s_.pc, words_[(s_.pc - code_base_) >> 2], stamp(ts)};
    v.push_back(r);
  }

  const Guest& guest_;
  MachineState s_;
  Memory mem_;
  std::span<const std::uint8_t> input_;
  Execution result_;
  bool halted_ = false;
  ChipRows rows_{};
  IoWords io_words_{};

  const Insn* code_ = nullptr;
  const std::uint32_t* words_ = nullptr;
  std::uint32_t code_base_ = 0, code_words_ = 0;

  // Recorded mode: the open shard.
  ShardRecords* rec_ = nullptr;
  std::uint64_t base_ = 0;  // 4 * the shard's first cycle
  std::uint64_t shard_cycles_ = 1;
  MachineState shard_start_;
};

}  // namespace kprove::vm::detail
