// Deterministic pseudo-random traces for plumbing tests and the self-check job. Each cell is a
// counter-based hash of (seed, row, col): no RNG state, so every backend, every thread count
// and the host reference produce bit-identical traces.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>

#include "kernels/field/goldilocks.hpp"
#include "views/owned.hpp"

namespace kprove {

// SplitMix64's finalizer: a bijection on 64-bit words with full avalanche.
KOKKOS_INLINE_FUNCTION constexpr uint64_t mix64(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// The cell at (row, col) of the trace drawn with `seed`; rows are global step indices.
KOKKOS_INLINE_FUNCTION constexpr Felt random_cell(uint64_t seed, uint64_t row, uint64_t col) {
  uint64_t h = mix64(seed + 0x9E3779B97F4A7C15ull);
  h = mix64(h ^ row);
  h = mix64(h ^ (col * 0xD6E8FEB86659FD93ull));
  return Felt::from_u64(h);
}

namespace detail {
template <class Mem>
struct RandomTraceFill {
  Mat<Felt, Mem> trace;
  uint64_t seed, first_row, cols;
  // Flat index over row-major cells: contiguous on CPUs, coalesced on GPUs.
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    const uint64_t r = i / cols, c = i % cols;
    trace(r, c) = random_cell(seed, first_row + r, c);
  }
};
}  // namespace detail

// trace(r, c) = random_cell(seed, first_row + r, c). Asynchronous on `exec`.
template <class ExecSpace, class Mem>
void fill_random_trace(const ExecSpace& exec, const Mat<Felt, Mem>& trace, uint64_t seed,
                       uint64_t first_row) {
  static_assert(Kokkos::SpaceAccessibility<ExecSpace, Mem>::accessible,
                "the trace must be accessible from the execution space");
  const std::size_t n = trace.extent(0) * trace.extent(1);
  Kokkos::parallel_for("kprove::fill_random_trace", Kokkos::RangePolicy<ExecSpace>(exec, 0, n),
                       detail::RandomTraceFill<Mem>{trace, seed, first_row, trace.extent(1)});
}

}  // namespace kprove
