// A shard of the generated program on one memory space: its records grouped by the chip
// that proves them, so every chip's witgen reads one contiguous View.
#pragma once

#include <Kokkos_Core.hpp>
#include <array>
#include <cstdint>
#include <utility>

#include "engine/workload/config.hpp"
#include "engine/workload/record.hpp"
#include "views/owned.hpp"

namespace kprove::workload {

template <class Mem>
using RecordsView = Kokkos::View<const StepRecord*, Mem>;

template <class Mem>
struct Shard {
  uint64_t index = 0;
  uint64_t first_step = 0;
  std::size_t steps = 0;
  // [alu | mul | mem] records, each group in step order; offset/count per OpClass.
  Owned<Vec<StepRecord, Mem>> records;
  std::array<std::size_t, kNumOpClasses> offset{}, count{};

  RecordsView<Mem> records_of(OpClass c) const {
    const auto i = static_cast<std::size_t>(c);
    return Kokkos::subview(RecordsView<Mem>(records.view()),
                           std::make_pair(offset[i], offset[i] + count[i]));
  }
};

}  // namespace kprove::workload
