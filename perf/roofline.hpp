// Roofline helpers for memory-bound kernels: the floor is the bytes a kernel must move
// (each input read once, each output written once) over the copy bandwidth measured on the
// same space in the same run, so every figure is a ratio taken under one set of conditions.
#pragma once

#include <benchmark/benchmark.h>

#include <Kokkos_Core.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

namespace kprove::perf {

// Device-to-device copy bandwidth of ExecSpace's memory space in bytes/s, counting bytes read
// plus bytes written, median of several copies of a 512 MiB buffer; measured once per space.
template <class ExecSpace>
double copy_bandwidth() {
  static const double bw = [] {
    using Mem = typename ExecSpace::memory_space;
    const std::size_t n = (std::size_t(512) << 20) / sizeof(uint64_t);
    Kokkos::View<uint64_t*, Mem> a(Kokkos::view_alloc(Kokkos::WithoutInitializing, "bw_a"), n);
    Kokkos::View<uint64_t*, Mem> b(Kokkos::view_alloc(Kokkos::WithoutInitializing, "bw_b"), n);
    Kokkos::deep_copy(ExecSpace(), a, uint64_t(1));
    std::vector<double> secs;
    for (int i = 0; i < 7; ++i) {
      ExecSpace().fence();
      auto t0 = std::chrono::steady_clock::now();
      Kokkos::deep_copy(ExecSpace(), b, a);
      ExecSpace().fence();
      secs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(secs.begin(), secs.end());
    return 2.0 * double(n * sizeof(uint64_t)) / secs[secs.size() / 2];
  }();
  return bw;
}

// Adds per-run counters: "GB" (shown per second) achieved over the minimal traffic and "frac_of_copy_bw", the
// fraction of the measured copy bandwidth (1.0 = at the memory-bandwidth floor).
template <class ExecSpace>
void report_roofline(benchmark::State& state, double min_bytes_per_iter) {
  const double total = min_bytes_per_iter * double(state.iterations());
  state.counters["GB"] = benchmark::Counter(total / 1e9, benchmark::Counter::kIsRate);
  state.counters["frac_of_copy_bw"] =
      benchmark::Counter(total / copy_bandwidth<ExecSpace>(), benchmark::Counter::kIsRate);
  state.counters["copy_GB/s"] = copy_bandwidth<ExecSpace>() / 1e9;
}

}  // namespace kprove::perf
