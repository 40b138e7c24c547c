// Where small sumcheck tables finish when the prover runs on a GPU: below a few hundred entries a
// device round is all launch and synchronisation latency, so the last rounds run on the host.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>

namespace kprove::detail {

#if defined(KOKKOS_ENABLE_SERIAL)
using TailExec = Kokkos::Serial;  // no fork-join cost for tiny rounds
#else
using TailExec = Kokkos::DefaultHostExecutionSpace;
#endif

// Entries per MLE at or below which rounds move to the host: never for host backends.
template <class Exec>
constexpr std::size_t default_host_tail() {
  return Kokkos::SpaceAccessibility<Kokkos::HostSpace, typename Exec::memory_space>::accessible
             ? 0
             : 256;
}

}  // namespace kprove::detail
