// Sums of K E-valued terms (E: any field type) over an index range, for sumcheck rounds and
// MLE evaluation:
// body(i, acc) adds the contributions of index i to acc[0..K). Each team accumulates in
// registers, reduces through team scratch and writes one partial row; the host adds the rows.
//
// Hand-rolled instead of parallel_reduce with a custom reducer because array reducers need a
// volatile join in Kokkos 3.x and a non-volatile one in 4.x. Field addition is exact, so the
// result does not depend on the team layout: every backend returns the same bits.
#pragma once

#include <Kokkos_Core.hpp>
#include <algorithm>
#include <array>
#include <cstddef>
#include <stdexcept>

#include "views/owned.hpp"

namespace kprove {

namespace detail {

// Where the per-team partial sums land: host memory the device can write, so reading the
// round result needs no separate device-to-host copy.
template <class Exec>
struct PartialsSpace {
  using type = Kokkos::HostSpace;
};
#if defined(KOKKOS_ENABLE_CUDA)
template <>
struct PartialsSpace<Kokkos::Cuda> {
  using type = Kokkos::CudaHostPinnedSpace;
};
#endif

template <int K, class Exec, class E, class Body>
struct TeamSumKernel {
  using Member = typename Kokkos::TeamPolicy<Exec>::member_type;
  using Scratch = Kokkos::View<E**, typename Exec::scratch_memory_space, Kokkos::MemoryUnmanaged>;
  using Partials = Kokkos::View<E**, Kokkos::LayoutRight, typename PartialsSpace<Exec>::type>;

  Body body;
  std::size_t n;
  Partials partials;

  KOKKOS_INLINE_FUNCTION void operator()(const Member& team) const {
    E acc[K];
    for (int k = 0; k < K; ++k) acc[k] = E::zero();
    const int ts = team.team_size(), rank = team.team_rank();
    // Each team owns a contiguous chunk (a host thread streams through its own range) and its
    // threads interleave inside it (adjacent device threads touch adjacent entries).
    const std::size_t chunk = (n + team.league_size() - 1) / team.league_size();
    const std::size_t begin = chunk * team.league_rank();
    const std::size_t end = begin + chunk < n ? begin + chunk : n;
    for (std::size_t i = begin + rank; i < end; i += ts) body.template operator()<K>(i, acc);
    Scratch s(team.team_scratch(0), K, ts);
    for (int k = 0; k < K; ++k) s(k, rank) = acc[k];
    team.team_barrier();
    for (int w = ts / 2; w > 0; w /= 2) {  // team size is a power of two
      if (rank < w)
        for (int k = 0; k < K; ++k) s(k, rank) += s(k, rank + w);
      team.team_barrier();
    }
    if (rank == 0)
      for (int k = 0; k < K; ++k) partials(team.league_rank(), k) = s(k, 0);
  }
};

}  // namespace detail

// Owns the partial-sum rows (booked in the ledger) so repeated rounds reuse one buffer.
template <class Exec, class E>
class TeamSums {
 public:
  using Partials =
      Kokkos::View<E**, Kokkos::LayoutRight, typename detail::PartialsSpace<Exec>::type>;

  TeamSums(const Exec& exec, MemoryLedger& ledger, int max_k)
      : exec_(exec),
        team_size_(team_size_for()),
        max_league_(std::max(1, int(exec.concurrency()) / team_size_)),
        rows_(alloc_mat<E, typename detail::PartialsSpace<Exec>::type>(
            ledger, "kprove::TeamSums", std::size_t(max_league_), std::size_t(max_k))) {}

  const Exec& exec() const { return exec_; }

  // sum over i in [0, n) of body's contributions; K must not exceed max_k.
  template <int K, class Body>
  std::array<E, K> run(std::size_t n, const Body& body) {
    std::array<E, K> out;
    out.fill(E::zero());
    if (n == 0) return out;
    if (K > int(rows_.view().extent(1)))
      throw std::invalid_argument("TeamSums: K exceeds the buffer's max_k");
    const std::size_t want = (n + team_size_ - 1) / team_size_;
    const int league = int(std::min<std::size_t>(want, std::size_t(max_league_)));
    using Kernel = detail::TeamSumKernel<K, Exec, E, Body>;
    Kokkos::TeamPolicy<Exec> policy(exec_, league, team_size_);
    policy.set_scratch_size(0, Kokkos::PerTeam(Kernel::Scratch::shmem_size(K, team_size_)));
    Kokkos::parallel_for("kprove::team_sums", policy, Kernel{body, n, rows_.view()});
    exec_.fence();
    const auto& rows = rows_.view();
    for (int l = 0; l < league; ++l)
      for (int k = 0; k < K; ++k) out[k] += rows(l, k);
    return out;
  }

 private:
  // One thread per team on host backends (teams there are OS threads); 256 on GPUs.
  static int team_size_for() {
    return Kokkos::SpaceAccessibility<Kokkos::HostSpace, typename Exec::memory_space>::accessible
               ? 1
               : 256;
  }

  Exec exec_;
  int team_size_;
  int max_league_;
  Owned<Partials> rows_;
};

}  // namespace kprove
