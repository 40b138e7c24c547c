// The RV32IM machine of one program: every chip of its shard proofs in proof order, the
// witness of a shard from the emulator's records, and the chips' preprocessed commitments.
//
// Chips of every shard: the instruction chips (InstructionChips, one per vm::ChipKind), the
// read and write transfer chips of the ecalls, then the tables u16_range, and_byte, program.
// The last shard of a run adds the memory tables, which initialise and finalise the state of
// the whole run: registers, image, and a heap (upwards) and a stack (downwards) table per zero
// region of the program.
#pragma once

#include <Kokkos_Core.hpp>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "engine/chip/shard_traces.hpp"
#include "engine/chip/table_chips.hpp"
#include "engine/protocol/shard_protocol.hpp"
#include "engine/prover/preprocessed.hpp"
#include "engine/rv32im/chips/alu_imm.hpp"
#include "engine/rv32im/chips/alu_reg.hpp"
#include "engine/rv32im/chips/branch.hpp"
#include "engine/rv32im/chips/div.hpp"
#include "engine/rv32im/chips/ecall.hpp"
#include "engine/rv32im/chips/jal.hpp"
#include "engine/rv32im/chips/jalr.hpp"
#include "engine/rv32im/chips/load.hpp"
#include "engine/rv32im/chips/mul.hpp"
#include "engine/rv32im/chips/store.hpp"
#include "engine/rv32im/chips/transfer.hpp"
#include "engine/rv32im/chips/upper.hpp"
#include "engine/rv32im/final_memory.hpp"
#include "engine/rv32im/memory_layout.hpp"
#include "engine/rv32im/tables/memory_tables.hpp"
#include "engine/rv32im/tables/program_table.hpp"
#include "engine/scheduler/shard_bytes.hpp"
#include "engine/vm/emulator.hpp"
#include "views/spaces.hpp"

namespace kprove::rv32im {

// In vm::ChipKind order.
using InstructionChips = std::tuple<AluRegChip, AluImmChip, MulChip, DivChip, BranchChip, JalChip,
                                    JalrChip, UpperChip, LoadChip, StoreChip, EcallChip>;

inline constexpr uint32_t kDefaultMaxLogRows = 20;
inline constexpr uint32_t kMaxMaxLogRows = 28;

// The cycles of a full shard: every chip's rows fit 2^max_log_rows.
constexpr uint64_t shard_cycles(uint32_t max_log_rows) { return (uint64_t(1) << max_log_rows) - 1; }

// What fixes the chips of a program's proofs besides the chip definitions (the verifying key
// keeps it): heights of the preprocessed tables and the zero regions.
struct MachineShape {
  // Bound on log2(rows) of every trace whose height the prover picks: a shard runs fewer than
  // 2^max_log_rows cycles.
  uint32_t max_log_rows = kDefaultMaxLogRows;
  uint32_t entry = 0;
  uint32_t program_log_rows = 1, image_log_rows = 1;
  std::vector<ZeroRegion> zero;
  friend bool operator==(const MachineShape&, const MachineShape&) = default;
};

// The preprocessed commitments: of a shard's chips (program table) and of the last shard's
// (program table and image).
template <class Mem>
struct MachinePreprocessed {
  Preprocessed<Mem> shard, last;
  const Preprocessed<Mem>& of(bool last_shard) const { return last_shard ? last : shard; }
};

class Machine {
 public:
  // A verifier's machine: the chips only.
  explicit Machine(MachineShape shape);
  // A prover's machine: the chips and the program's tables. Throws std::invalid_argument for
  // max_log_rows outside 4 .. kMaxMaxLogRows.
  explicit Machine(std::shared_ptr<const vm::Guest> guest,
                   uint32_t max_log_rows = kDefaultMaxLogRows);
  Machine(const Machine&) = delete;
  Machine& operator=(const Machine&) = delete;

  const MachineShape& shape() const { return shape_; }
  // The program of a prover's machine; throws std::logic_error on a verifier's.
  const vm::Guest& guest() const { return *content().guest; }
  const std::shared_ptr<const vm::Guest>& shared_guest() const { return content().guest; }
  const vm::Program& program() const { return guest().program(); }
  // The chips of the last shard of a run (every chip), and of the others (a prefix of them).
  const ChipList& chips() const { return list_; }
  const ChipList& shard_chips() const { return shard_list_; }
  const ChipList& chips(bool last_shard) const { return last_shard ? list_ : shard_list_; }

  // log2(rows) of each zero table for the run's touched words; throws std::invalid_argument
  // when the words do not fit the two tables of a region.
  std::vector<uint32_t> zero_log_rows(const Boundary& memory) const;
  // Throws VerifyError unless the zero tables' heights in `log_rows` (the last shard's, proof
  // order) keep each region's two tables apart.
  void check_zero_heights(const std::vector<uint32_t>& log_rows) const;

  // log2(rows) of every trace of the shard that starts at `start` (its chips(false) prefix:
  // instruction, transfer and lookup tables), as witgen makes them. Throws std::invalid_argument
  // naming the chip when one exceeds 2^max_log_rows.
  std::vector<uint32_t> shard_log_rows(const vm::Checkpoint& start) const;

  // Bytes the shard that starts at `start` books in the prove space, phase by phase
  // (engine/prover/footprint.hpp), the last shard's with its memory tables over `final`.
  ShardBytes footprint(const vm::Checkpoint& start, const PcsParams& params,
                       const FinalMemory* final = nullptr) const;
  // The most any shard of this machine books (for a budget, before a run): the worst mix of
  // its shard_cycles(max_log_rows) cycles fills the instruction chips that cost most per row
  // first, each to half the height of the one before (the mix that pads most), both transfer
  // chips at the bound (an ecall moves its buffer in one cycle); the last shard's memory
  // tables at their bounds.
  ShardBytes worst_footprint(const PcsParams& params, bool last) const;

  // The transfer rows of the shard's read and write ecalls.
  std::vector<TransferRecord> transfers(const vm::ShardRecords& shard, bool read) const;

  // Every trace of the shard, in chips(last) order: with `final` (the run's, this shard's
  // records added) the last shard's, with the memory tables. Throws std::logic_error if a
  // lookup missed its table (a witgen bug).
  template <class Exec>
  chip::ShardTraces<typename Exec::memory_space> witgen(const Exec& exec, MemoryLedger& ledger,
                                                        const vm::ShardRecords& shard,
                                                        const FinalMemory* final) const;

  // The preprocessed commitments (program table, image) under `params`.
  template <class Exec>
  MachinePreprocessed<typename Exec::memory_space> preprocess(const Exec& exec,
                                                              MemoryLedger& ledger,
                                                              const PcsParams& params) const;

 private:
  // With the memory tables when zero_rows (their heights) is set.
  ShardBytes footprint_with(const vm::Checkpoint& start, const PcsParams& params,
                            const std::optional<std::vector<uint32_t>>& zero_rows) const;
  template <class Exec>
  std::vector<Trace<typename Exec::memory_space>> memory_traces(const Exec& exec,
                                                                MemoryLedger& ledger,
                                                                const FinalMemory& final) const;

  struct Content {
    std::shared_ptr<const vm::Guest> guest;
    MemoryLayout layout;
    ProgramContent program;
  };
  Machine(MachineShape shape, std::optional<Content> content);
  explicit Machine(std::pair<MachineShape, Content> made);
  // Throws std::logic_error on a verifier's machine.
  const Content& content() const;

  MachineShape shape_;
  std::optional<Content> content_;
  InstructionChips instructions_;
  ReadTransferChip read_transfer_;
  WriteTransferChip write_transfer_;
  chip::U16RangeTable u16_range_;
  chip::AndByteTable and_byte_;
  ProgramTable program_;
  RegisterTable registers_;
  ImageTable image_;
  std::vector<std::unique_ptr<ZeroTable>> zero_;  // per region: up, down
  ChipList list_, shard_list_;
};

namespace detail {

template <class Exec, class Record>
Owned<Vec<Record, typename Exec::memory_space>> upload_records(const Exec& exec,
                                                                MemoryLedger& ledger,
                                                                const std::string& name,
                                                                const std::vector<Record>& r) {
  return upload_vec<typename Exec::memory_space>(exec, ledger, "records:" + name, r);
}

template <class Exec, class Chip>
Trace<typename Exec::memory_space> record_trace(
    const Exec& exec, MemoryLedger& ledger, const Chip& chip,
    const std::vector<typename Chip::Record>& records,
    const chip::MultiplicityCounters<typename Exec::memory_space>& counters) {
  using Mem = typename Exec::memory_space;
  const auto view = upload_records(exec, ledger, chip.name(), records);
  return chip.witgen(exec, ledger, Kokkos::View<const typename Chip::Record*, Mem>(view.view()),
                     counters);
}

// The shard's records of instruction chip type Chip.
template <class Chip>
const std::vector<typename Chip::Record>& records_for(const vm::ShardRecords& shard) {
  const std::vector<typename Chip::Record>* out = nullptr;
  shard.for_each_chip([&](vm::ChipKind kind, const auto& records) {
    if constexpr (std::is_same_v<std::decay_t<decltype(records)>,
                                 std::vector<typename Chip::Record>>)
      if (kind == Chip::spec::kKind) out = &records;
  });
  return *out;
}

}  // namespace detail

template <class Exec>
chip::ShardTraces<typename Exec::memory_space> Machine::witgen(
    const Exec& exec, MemoryLedger& ledger, const vm::ShardRecords& shard,
    const FinalMemory* final) const {
  using Mem = typename Exec::memory_space;
  chip::ShardTraces<Mem> out;
  out.chips = chips(final != nullptr);
  chip::Multiplicities<Mem> mult(exec, ledger, content().program.rows);
  std::apply(
      [&](const auto&... chip) {
        (out.traces.push_back(detail::record_trace(
             exec, ledger, chip, detail::records_for<std::decay_t<decltype(chip)>>(shard),
             mult.counters())),
         ...);
      },
      instructions_);
  out.traces.push_back(
      detail::record_trace(exec, ledger, read_transfer_, transfers(shard, true), mult.counters()));
  out.traces.push_back(
      detail::record_trace(exec, ledger, write_transfer_, transfers(shard, false), mult.counters()));
  if (const uint32_t misses = mult.misses())
    throw std::logic_error("witgen of shard " + std::to_string(shard.shard) + ": " +
                           std::to_string(misses) + " lookups outside their tables");
  out.traces.push_back(u16_range_.witgen(exec, ledger, mult));
  out.traces.push_back(and_byte_.witgen(exec, ledger, mult));
  out.traces.push_back(program_.witgen(exec, ledger, content().program, mult.program()));
  if (final)
    for (auto& t : memory_traces(exec, ledger, *final)) out.traces.push_back(std::move(t));
  return out;
}

template <class Exec>
std::vector<Trace<typename Exec::memory_space>> Machine::memory_traces(
    const Exec& exec, MemoryLedger& ledger, const FinalMemory& final) const {
  std::vector<Trace<typename Exec::memory_space>> out;
  out.push_back(chip::upload_trace(exec, ledger, registers_.name(), registers_.trace(final.registers)));
  out.push_back(chip::upload_trace(exec, ledger, image_.name(),
                                   image_.trace(content().layout.image, final.memory)));
  const std::vector<uint32_t> heights = zero_log_rows(final.memory);
  for (std::size_t z = 0; z < zero_.size(); ++z)
    out.push_back(chip::upload_trace(exec, ledger, zero_[z]->name(),
                                     zero_[z]->trace(final.memory, heights[z])));
  return out;
}

template <class Exec>
MachinePreprocessed<typename Exec::memory_space> Machine::preprocess(
    const Exec& exec, MemoryLedger& ledger, const PcsParams& params) const {
  using Mem = typename Exec::memory_space;
  std::vector<Trace<Mem>> traces(list_.size());
  const Content& c = content();
  const chip::Multiplicities<Mem> none(exec, ledger, c.program.rows);
  for (std::size_t k = 0; k < list_.size(); ++k) {
    if (list_[k] == &program_) traces[k] = program_.witgen(exec, ledger, c.program, none.program());
    if (list_[k] == &image_)
      traces[k] = chip::upload_trace(exec, ledger, image_.name(), image_.trace(c.layout.image, {}));
  }
  return {commit_preprocessed(exec, ledger, shard_list_, traces, params),
          commit_preprocessed(exec, ledger, list_, traces, params)};
}

}  // namespace kprove::rv32im

// Witgen and the preprocessed commitment are compiled once per execution space, in machine.cpp
// (which defines KPROVE_MACHINE_INSTANCES); their callers link them.
#if defined(KPROVE_MACHINE_INSTANCES)
#define KPROVE_MACHINE_EXTERN_
#else
#define KPROVE_MACHINE_EXTERN_ extern
#endif
#define KPROVE_MACHINE_(Exec)                                                                \
  namespace kprove::rv32im {                                                                \
  KPROVE_MACHINE_EXTERN_ template chip::ShardTraces<Exec::memory_space> Machine::witgen(     \
      const Exec&, MemoryLedger&, const vm::ShardRecords&, const FinalMemory*) const;        \
  KPROVE_MACHINE_EXTERN_ template MachinePreprocessed<Exec::memory_space>                    \
  Machine::preprocess(const Exec&, MemoryLedger&, const PcsParams&) const;                   \
  }
KPROVE_FOR_EACH_SPACE(KPROVE_MACHINE_)
