// Chips whose rows are the workload's step records (ALU, MUL, MEM). RowFill describes one
// row: kColumns, the OpClass whose records it proves, and
//   KOKKOS_INLINE_FUNCTION static void fill(const StepRecord&, Felt* row)  (row pre-zeroed).
#pragma once

#include <Kokkos_Core.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/chip/chip.hpp"
#include "engine/chip/impl/witgen_kernel.hpp"

namespace kprove::chip {

template <class RowFill>
class RecordChip : public Chip {
 public:
  static constexpr workload::OpClass op_class = RowFill::op_class;

  // Trace of `records` (all of this chip's class), padded_rows(n) x num_columns(); adds the
  // rows' lookups to `counters`. Returns once the trace is complete (fences exec).
  template <class Exec>
  Trace<typename Exec::memory_space> witgen(
      const Exec& exec, MemoryLedger& ledger,
      const workload::RecordsView<typename Exec::memory_space>& records,
      const MultiplicityCounters<typename Exec::memory_space>& counters) const {
    using Mem = typename Exec::memory_space;
    const auto program = upload_interactions(exec, ledger, name(), interactions());
    auto trace =
        Trace<Mem>::allocate(ledger, name(), padded_rows(records.extent(0)), RowFill::kColumns);
    Kokkos::parallel_for(
        "kprove::chip::witgen:" + name(), Kokkos::RangePolicy<Exec>(exec, 0, trace.rows()),
        detail::WitgenKernel<RowFill, Mem>{records, trace.view(), program.view(), counters});
    exec.fence();  // the lookup program is released on return
    return trace;
  }

 protected:
  RecordChip(std::string name, std::vector<std::string> columns, std::vector<Expr> constraints,
             std::vector<Interaction> lookups)
      : Chip(std::move(name), std::move(columns), std::move(constraints), std::move(lookups)) {
    if (num_columns() != RowFill::kColumns)
      throw std::logic_error("chip " + this->name() + " names " + std::to_string(num_columns()) +
                             " columns, its witgen writes " + std::to_string(RowFill::kColumns));
  }
};

}  // namespace kprove::chip
