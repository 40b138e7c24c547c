// Per-column sums of a row-major matrix over a prime field F: the trace checksum the self-check
// job compares against a host recomputation.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "kernels/field/traits.hpp"
#include "views/owned.hpp"

namespace kprove {

namespace detail {
// Sums the low and high 32-bit halves of each column as plain integers (an array reduction
// with Kokkos' default zero-init and += join), which needs no custom reducer and so reads
// the same on every Kokkos version. With fewer than 2^32 rows neither sum can overflow.
template <class Mem, class F>
struct ColumnHalfSums {
  using value_type = uint64_t[];
  std::size_t value_count;  // 2 * cols: {lo, hi} per column
  Mat<F, Mem> m;
  std::size_t cols;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i, value_type sums) const {
    const uint64_t v = m(i / cols, i % cols).value();
    sums[2 * (i % cols)] += v & 0xFFFFFFFFull;
    sums[2 * (i % cols) + 1] += v >> 32;
  }
};
}  // namespace detail

// sums[c] = sum over rows r of m(r, c). Blocks until the result is on the host.
// Throws std::invalid_argument for 2^32 rows or more.
template <class ExecSpace, class Mem, PrimeField F>
std::vector<F> column_sums(const ExecSpace& exec, const Mat<F, Mem>& m) {
  static_assert(Kokkos::SpaceAccessibility<ExecSpace, Mem>::accessible,
                "the matrix must be accessible from the execution space");
  const std::size_t rows = m.extent(0), cols = m.extent(1);
  if (rows >> 32) throw std::invalid_argument("column_sums: at most 2^32 - 1 rows");
  std::vector<F> out(cols, F::zero());
  if (rows == 0 || cols == 0) return out;
  Kokkos::View<uint64_t*, Kokkos::HostSpace> halves("kprove::column_sums", 2 * cols);
  Kokkos::parallel_reduce("kprove::column_sums",
                          Kokkos::RangePolicy<ExecSpace>(exec, 0, rows * cols),
                          detail::ColumnHalfSums<Mem, F>{2 * cols, m, cols}, halves);
  exec.fence();
  const F two32 = F::from_u64(1ull << 32);
  for (std::size_t c = 0; c < cols; ++c)
    out[c] = F::from_u64(halves(2 * c + 1)) * two32 + F::from_u64(halves(2 * c));
  return out;
}

}  // namespace kprove
