// A trace built on the host (small tables whose rows come from the program or the shard's
// boundary, not from per-step records), uploaded once to where the prover runs.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "views/trace.hpp"

namespace kprove::chip {

struct HostTrace {
  std::size_t rows = 0, cols = 0;
  std::vector<Felt> cells;  // row-major

  HostTrace(std::size_t r, std::size_t c) : rows(r), cols(c), cells(r * c, Felt::zero()) {}
  void set(std::size_t r, std::size_t c, uint64_t v) { cells[r * cols + c] = Felt::from_u64(v); }
  void set_word(std::size_t r, std::size_t lo, uint32_t v) {
    set(r, lo, v & 0xFFFFu), set(r, lo + 1, v >> 16);
  }
};

// Fences exec, so `host` may die after return.
template <class Exec>
Trace<typename Exec::memory_space> upload_trace(const Exec& exec, MemoryLedger& ledger,
                                                const std::string& name, const HostTrace& host) {
  using Mem = typename Exec::memory_space;
  auto trace = Trace<Mem>::allocate(ledger, name, host.rows, host.cols);
  using HostView = Kokkos::View<const Felt**, Kokkos::LayoutRight, Kokkos::HostSpace,
                                Kokkos::MemoryTraits<Kokkos::Unmanaged>>;
  Kokkos::deep_copy(exec, trace.view(), HostView(host.cells.data(), host.rows, host.cols));
  exec.fence();
  return trace;
}

}  // namespace kprove::chip
