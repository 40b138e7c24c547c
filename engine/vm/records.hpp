// Execution records: what witgen needs to fill one shard's traces, and no more. One
// fixed-size POD per executed instruction, grouped by chip family; each carries its pc, the
// instruction word (witgen decodes it with vm::decode), the step's timestamp and its register
// and memory accesses with the values and timestamps they replace.
//
// Time (offline memory checking): instruction c of the program (0-based) runs at global
// timestamp 4*(c+1); within a step rs1 is accessed at ts+0, rs2 at ts+1, rd at ts+2 and memory
// at ts+3, so every access of a step is later than all earlier ones. A read is a write of the
// value it reads. Timestamps are global (one memory argument spans every shard of a run): an
// access whose previous access lies in an earlier shard carries that access's timestamp, one
// never accessed before prev_ts 0; the shard's boundary tables (`memory`, `registers`) give
// the value each touched word had when the shard began and when it ended.
#pragma once

#include <cstdint>
#include <type_traits>
#include <vector>

#include "engine/vm/decode.hpp"

namespace kprove::vm {

struct RegRead {
  std::uint32_t value;
  std::uint32_t prev_ts;
};
struct RegWrite {
  std::uint32_t value;
  std::uint32_t prev_value;
  std::uint32_t prev_ts;
};
struct MemRead {
  std::uint32_t addr;  // word aligned
  std::uint32_t value;
  std::uint32_t prev_ts;
  std::uint32_t writable;  // 1: the word is in a writable segment (the memory argument's tag)
};
struct MemWrite {
  std::uint32_t addr;  // word aligned
  std::uint32_t value;
  std::uint32_t prev_value;
  std::uint32_t prev_ts;
};
struct Step {
  std::uint32_t pc;
  std::uint32_t insn;  // the instruction word
  std::uint32_t ts;    // timestamp of the step
};

// alu_reg, mul, div
struct RTypeRecord {
  Step step;
  RegRead rs1, rs2;
  RegWrite rd;
};
// alu_imm, jalr
struct ITypeRecord {
  Step step;
  RegRead rs1;
  RegWrite rd;
};
struct BranchRecord {
  Step step;
  RegRead rs1, rs2;
};
// jal, upper (lui, auipc)
struct UTypeRecord {
  Step step;
  RegWrite rd;
};
// The aligned word holding the accessed byte, half or word is read.
struct LoadRecord {
  Step step;
  RegRead rs1;
  RegWrite rd;
  MemRead mem;
};
// The aligned word is read and written back with the stored byte, half or word merged in.
struct StoreRecord {
  Step step;
  RegRead rs1, rs2;
  MemWrite mem;
};
// a7 (the call), a0, a1, a2 are read at ts+0; a0 is written at ts+2 (exit writes it back
// unchanged). read/write move whole words at ts+3: io_words[io_first .. io_first+io_count).
struct EcallRecord {
  Step step;
  RegRead a7, a0, a1, a2;
  RegWrite ret;
  std::uint32_t io_first;
  std::uint32_t io_count;
  std::uint32_t stream_offset;  // input (read) or output (write) bytes before this call
  std::uint32_t eof_in;         // 1: an earlier read came back short (the input is used up)
};

// The value a word (or register) had when the shard first touched it, and when it left it.
// init_shard: 0 = the program's initial state, s+1 = last touched by shard s.
struct BoundaryEntry {
  std::uint32_t addr;  // word address, or register index
  std::uint32_t init_value;
  std::uint32_t init_shard;
  std::uint32_t final_value;
  std::uint32_t final_ts;  // timestamp of the last access
};

// Timestamps are 32-bit: cycle c runs at 4(c + 1) .. 4(c + 1) + 3.
inline constexpr std::uint64_t kMaxRecordedCycles = (std::uint64_t(1) << 30) - 1;

template <class R>
inline constexpr bool kIsRecord = std::is_trivially_copyable_v<R> && std::is_standard_layout_v<R>;
static_assert(kIsRecord<RTypeRecord> && sizeof(RTypeRecord) == 40);
static_assert(kIsRecord<LoadRecord> && kIsRecord<StoreRecord> && kIsRecord<EcallRecord>);

// One shard's records, cycles [first_cycle, first_cycle + cycles).
struct ShardRecords {
  std::uint32_t shard = 0;
  std::uint64_t first_cycle = 0;
  std::uint64_t cycles = 0;
  std::uint32_t start_pc = 0;
  std::uint32_t end_pc = 0;  // pc of the next instruction; for the last shard, the exit ecall's
  bool halted = false;       // the shard ends with exit

  std::vector<RTypeRecord> alu_reg, mul, div;
  std::vector<ITypeRecord> alu_imm, jalr;
  std::vector<BranchRecord> branch;
  std::vector<UTypeRecord> jal, upper;
  std::vector<LoadRecord> load;
  std::vector<StoreRecord> store;
  std::vector<EcallRecord> ecall;
  std::vector<MemWrite> io_words;  // at their ecall's ts+3

  std::vector<BoundaryEntry> memory;     // every word touched, by address
  std::vector<BoundaryEntry> registers;  // every register touched, by index

  // Calls f(ChipKind, records) for each chip family.
  template <class F>
  void for_each_chip(F&& f) const {
    visit(*this, f);
  }
  template <class F>
  void for_each_chip(F&& f) {
    visit(*this, f);
  }
  std::uint64_t record_bytes() const;
  // Empties every table, keeping the buffers.
  void clear();

 private:
  template <class Self, class F>
  static void visit(Self& s, F& f) {
    f(ChipKind::alu_reg, s.alu_reg);
    f(ChipKind::alu_imm, s.alu_imm);
    f(ChipKind::mul, s.mul);
    f(ChipKind::div, s.div);
    f(ChipKind::branch, s.branch);
    f(ChipKind::jal, s.jal);
    f(ChipKind::jalr, s.jalr);
    f(ChipKind::upper, s.upper);
    f(ChipKind::load, s.load);
    f(ChipKind::store, s.store);
    f(ChipKind::ecall, s.ecall);
  }
};

const char* to_string(ChipKind k);

}  // namespace kprove::vm
