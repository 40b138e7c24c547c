// Whole-row kernels around the butterfly passes: bit-reversal permutation and row scaling.
// Threads run over (row, column) with the column count padded to a power of two, so the
// index split is a shift and a mask rather than a division.
#pragma once

#include <Kokkos_Core.hpp>
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "kernels/bits/bits.hpp"
#include "kernels/ntt/impl/plan.hpp"
#include "kernels/ntt/impl/stage_pass.hpp"

namespace kprove::detail {

// dst row i = src row bitrev(i) within each 2^log_n-row block; in place it swaps pairs.
template <class Mem, class F>
struct BitReverseRows {
  FlatIn<Mem, F> src;
  Flat<Mem, F> dst;
  std::size_t width;
  int log_n, log_mp;

  KOKKOS_INLINE_FUNCTION void operator()(std::size_t e) const {
    const std::size_t c = e & ((std::size_t(1) << log_mp) - 1);
    if (c >= width) return;
    const std::size_t row = e >> log_mp;
    const std::size_t i = row & ((std::size_t(1) << log_n) - 1);
    const std::size_t j = bit_reverse(i, log_n);
    const std::size_t from = (row - i + j) * width + c, to = row * width + c;
    if (src.data() != dst.data()) {
      dst(to) = src(from);
    } else if (i < j) {
      const F x = dst(to);
      dst(to) = dst(from);
      dst(from) = x;
    }
  }
};

template <class Exec, class Mem, class F>
void bit_reverse_rows(const Exec& exec, const FlatIn<Mem, F>& src, const Flat<Mem, F>& dst,
                      std::size_t rows, int log_n, std::size_t width) {
  const int log_mp = log2_ceil(width);
  Kokkos::parallel_for("kprove::ntt::bit_reverse_rows",
                       Kokkos::RangePolicy<Exec>(exec, 0, rows << log_mp),
                       BitReverseRows<Mem, F>{src, dst, width, log_n, log_mp});
}

// What ScaleRows needs per destination row: where it comes from and its factor.
template <class F>
struct RowSource {
  uint64_t row;
  F factor;
};

// dst row g = src row map(g).row * map(g).factor. A team takes 2^log_r rows and computes
// their factors once in scratch, so a per-row cost (powers) is shared by all columns.
template <class Exec, class Mem, class F, class RowMap>
struct ScaleRows {
  using Member = typename Kokkos::TeamPolicy<Exec>::member_type;
  using Space = typename Exec::scratch_memory_space;
  using Unmanaged = Kokkos::MemoryTraits<Kokkos::Unmanaged>;

  FlatIn<Mem, F> src;  // may alias dst when map(g).row == g
  Flat<Mem, F> dst;
  std::size_t width;
  int log_mp, log_r;
  RowMap map;

  KOKKOS_INLINE_FUNCTION void operator()(const Member& team) const {
    const int rows = 1 << log_r;
    const std::size_t g0 = std::size_t(team.league_rank()) << log_r;
    Kokkos::View<F*, Space, Unmanaged> factor(team.team_scratch(0), rows);
    Kokkos::View<uint64_t*, Space, Unmanaged> from(team.team_scratch(0), rows);
    Kokkos::parallel_for(Kokkos::TeamThreadRange(team, rows), [&](int i) {
      const RowSource<F> r = map(g0 + i);
      from(i) = r.row;
      factor(i) = r.factor;
    });
    team.team_barrier();
    Kokkos::parallel_for(Kokkos::TeamThreadRange(team, rows << log_mp), [&](int e) {
      const std::size_t c = e & ((1 << log_mp) - 1);
      const int i = e >> log_mp;
      if (c < width) dst((g0 + i) * width + c) = src(from(i) * width + c) * factor(i);
    });
  }
};

// `rows` must be a power of two.
template <class Exec, class Mem, class F, class RowMap>
void scale_rows(const Exec& exec, const FlatIn<Mem, F>& src, const Flat<Mem, F>& dst,
                std::size_t rows, std::size_t width, const RowMap& map, const NttLimits& lim) {
  const int log_mp = log2_ceil(width);
  const int log_r = std::min(log2_floor(rows), std::max(0, 10 - log_mp));  // ~1K per team
  const int team = std::min(lim.team_size, 1 << (log_r + log_mp));
  Kokkos::TeamPolicy<Exec> policy(exec, int(rows >> log_r), team);
  policy.set_scratch_size(0, Kokkos::PerTeam((sizeof(F) + sizeof(uint64_t)) << log_r));
  Kokkos::parallel_for("kprove::ntt::scale_rows", policy,
                       ScaleRows<Exec, Mem, F, RowMap>{src, dst, width, log_mp, log_r, map});
}

}  // namespace kprove::detail
