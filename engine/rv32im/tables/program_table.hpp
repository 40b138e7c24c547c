// The program table: one row per instruction word of the program's executable segments
// (pc, packed fields, imm limbs; step.hpp's fetch tuple), preprocessed, so the verifying key
// commits to the program; a witness column counts the fetches of each instruction. Words
// that do not decode get op = invalid, which no chip fetches: they are unreachable.
#pragma once

#include <Kokkos_Core.hpp>
#include <optional>

#include "engine/chip/builder.hpp"
#include "engine/chip/host_trace.hpp"
#include "engine/chip/tables.hpp"
#include "engine/vm/emulator.hpp"

namespace kprove::rv32im {

// The program's rows: where each pc's row is, and the preprocessed columns (mult zero).
struct ProgramContent {
  chip::ProgramRows rows;
  chip::HostTrace fixed;
};
// Throws std::invalid_argument when the program has more executable segments than
// ProgramRows holds.
ProgramContent program_content(const vm::Guest& guest);

class ProgramTable : public chip::Chip {
 public:
  explicit ProgramTable(uint32_t log_rows);

  std::optional<uint32_t> fixed_log_rows() const override { return log_rows_; }

  // The table of `program` with `fetches` (per row, from the shard's multiplicity counters).
  template <class Exec>
  Trace<typename Exec::memory_space> witgen(
      const Exec& exec, MemoryLedger& ledger, const ProgramContent& program,
      const Kokkos::View<const uint32_t*, typename Exec::memory_space>& fetches) const {
    auto trace = chip::upload_trace(exec, ledger, name(), program.fixed);
    const auto t = trace.view();
    const uint32_t mult = kMult;  // a copy: device code cannot read the static member
    Kokkos::parallel_for(
        "kprove::rv32im::program_table", Kokkos::RangePolicy<Exec>(exec, 0, fetches.extent(0)),
        KOKKOS_LAMBDA(std::size_t r) { t(r, mult) = Felt::from_canonical(fetches(r)); });
    exec.fence();
    return trace;
  }

 private:
  static constexpr uint32_t kMult = 4;
  uint32_t log_rows_;
};

}  // namespace kprove::rv32im
