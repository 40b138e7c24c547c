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
#include "engine/chip/witgen.hpp"
#include "engine/workload/shard.hpp"

namespace kprove::chip {

namespace detail {
template <class RowFill>
struct StaticFill {
  static constexpr std::size_t kColumns = RowFill::kColumns;
  KOKKOS_INLINE_FUNCTION void operator()(const workload::StepRecord& s, Felt* row) const {
    RowFill::fill(s, row);
  }
};
}  // namespace detail

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
    return witgen_rows(exec, ledger, *this, records, counters,
                               detail::StaticFill<RowFill>{});
  }

 protected:
  RecordChip(std::string name, std::vector<std::string> columns, std::vector<Expr> constraints,
             std::vector<Interaction> interactions)
      : Chip(std::move(name), std::move(columns), std::move(constraints),
             std::move(interactions)) {}
};

}  // namespace kprove::chip
