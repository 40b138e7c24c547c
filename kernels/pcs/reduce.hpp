// Sums of a few extension-field values over an index range. Field addition is exact, so the
// order of summation never changes the result and every backend returns the same values.
// Each of at most kPartials threads sums a strided slice (consecutive threads read
// consecutive indices); the host adds the partial sums. This avoids custom Kokkos reducers,
// whose join signature differs between Kokkos 3 and 4.
#pragma once

#include <Kokkos_Core.hpp>
#include <array>
#include <cstddef>

#include "kernels/field/goldilocks_ext2.hpp"
#include "views/owned.hpp"

namespace kprove::pcs {

namespace detail {
inline constexpr std::size_t kPartials = std::size_t(1) << 14;

// body(i, acc) adds term i into acc[0..N).
template <int N, class Body, class Mem>
struct StridedPartialSums {
  Body body;
  Mat<Ext, Mem> partial;
  std::size_t n, stride;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t t) const {
    Ext acc[N];
    for (int k = 0; k < N; ++k) acc[k] = Ext::zero();
    for (std::size_t i = t; i < n; i += stride) body(i, acc);
    for (int k = 0; k < N; ++k) partial(t, k) = acc[k];
  }
};
}  // namespace detail

template <int N, class Exec, class Body>
std::array<Ext, N> sum_ext(const Exec& exec, MemoryLedger& ledger, std::size_t n,
                           const Body& body) {
  using Mem = typename Exec::memory_space;
  std::array<Ext, N> total;
  total.fill(Ext::zero());
  if (n == 0) return total;
  const std::size_t threads = n < detail::kPartials ? n : detail::kPartials;
  auto partial = alloc_mat<Ext, Mem>(ledger, "pcs::partial_sums", threads, N);
  Kokkos::parallel_for("kprove::pcs::sum_ext", Kokkos::RangePolicy<Exec>(exec, 0, threads),
                       detail::StridedPartialSums<N, Body, Mem>{body, *partial, n, threads});
  auto host = Kokkos::create_mirror_view(*partial);
  Kokkos::deep_copy(exec, host, *partial);
  exec.fence();
  for (std::size_t t = 0; t < threads; ++t)
    for (int k = 0; k < N; ++k) total[k] += host(t, k);
  return total;
}

}  // namespace kprove::pcs
