// Hands a trace from the space that produced it to the space that consumes it. Within one
// memory space this is a move (no copy); across spaces it copies, counts the bytes in the
// metrics when given (h2d_copy, d2h_copy, d2d_copy) and frees the source as soon as the copy
// is done.
#pragma once

#include <Kokkos_Core.hpp>
#include <type_traits>
#include <utility>

#include "engine/metrics/metrics.hpp"
#include "views/trace.hpp"

namespace kprove {

// Metrics counter for a copy from memory space From to To.
template <class From, class To>
const char* copy_counter() {
  constexpr bool from_host = Kokkos::SpaceAccessibility<Kokkos::HostSpace, From>::accessible;
  constexpr bool to_host = Kokkos::SpaceAccessibility<Kokkos::HostSpace, To>::accessible;
  return from_host ? (to_host ? "h2h_copy" : "h2d_copy") : (to_host ? "d2h_copy" : "d2d_copy");
}

template <class ToMem, class ExecSpace, class FromMem>
Trace<ToMem> transfer_trace(const ExecSpace& exec, Trace<FromMem>&& src, MemoryLedger& ledger,
                            Metrics* metrics) {
  if constexpr (std::is_same_v<FromMem, ToMem>) {
    return std::move(src);
  } else {
    auto dst = Trace<ToMem>::allocate(ledger, src.name(), src.rows(), src.cols());
    Kokkos::deep_copy(exec, dst.view(), src.view());
    exec.fence();  // the source must outlive the copy
    if (metrics) metrics->add_bytes(copy_counter<FromMem, ToMem>(), src.bytes());
    src.release();
    return dst;
  }
}

}  // namespace kprove
