// How a transform is cut into passes over global memory. A pass runs t consecutive
// butterfly stages on tiles that a team holds in scratch, so each pass reads and writes
// the matrix once; fewer, larger passes mean less memory traffic.
#pragma once

#include <Kokkos_Core.hpp>
#include <algorithm>
#include <cstddef>
#include <vector>

#include "kernels/bits/bits.hpp"

namespace kprove::detail {

// Per-space tuning. Tests pass small limits to drive every tile shape at small sizes.
struct NttLimits {
  std::size_t scratch_elems;  // field elements of level-0 team scratch one team may use
  std::size_t min_width;      // contiguous elements per tile row for full memory transactions
  int team_size;              // threads per team (upper bound)
};

template <class Exec, class F>
NttLimits default_limits() {
  // 48 KB is the portable level-0 limit; a backend may reserve part of it (Kokkos 3 Cuda: 40).
  const std::size_t bytes =
      std::min<std::size_t>(48 * 1024, std::size_t(Kokkos::TeamPolicy<Exec>::scratch_size_max(0)));
  constexpr bool host =
      Kokkos::SpaceAccessibility<Kokkos::HostSpace, typename Exec::memory_space>::accessible;
  // Host: one thread per team, tile rows of a 64-byte cache line. Device: 256 threads per
  // team and tile rows of only 16 bytes (two Goldilocks elements), so a tile can be 2^11 rows deep (2^22 rows in two
  // passes); the team with the adjacent league rank reads and writes the other half of each
  // 32-byte sector at the same time, so whole sectors still reach DRAM through L2.
  if constexpr (host)
    return {bytes / sizeof(F), 64 / sizeof(F), 1};
  else
    return {bytes / sizeof(F), 16 / sizeof(F), 256};
}

// One pass: stages [b, b + t) (butterflies 2^b .. 2^(b+t-1) rows apart). A tile is 2^t rows
// spaced 2^b apart x 2^log_l consecutive low rows x 2^log_s columns (padded past the width).
struct PassShape {
  int b, t, log_l, log_s;
  // Tiles of one low row above stage 0 (log_l == 0, b > 0) factor their twiddles into a
  // small contiguous table times one value per stage; other tiles read them directly.
  bool factored;
  // Factored tiles gather the twiddles of tile stages [0, staged) into scratch; the stages
  // above (only the top one, when scratch is short) spend one more multiplication instead.
  int staged;

  std::size_t tile_elems() const { return std::size_t(1) << (t + log_l + log_s); }
  std::size_t scratch_elems() const { return tile_elems() + (std::size_t(1) << staged) - 1; }
};

// Passes in stage order (b ascending) for a 2^log_n-row transform of rows `width` wide.
inline std::vector<PassShape> plan_passes(int log_n, std::size_t width, const NttLimits& lim) {
  std::vector<PassShape> passes;
  if (log_n == 0) return passes;
  // A tile of 2^t rows x `cols` plus the staged twiddles of all but the top stage.
  auto fits = [&](int t, std::size_t cols) {
    return (cols << t) + (std::size_t(1) << (t - 1)) - 1 <= lim.scratch_elems;
  };
  int t_max = 1;
  while (fits(t_max + 1, lim.min_width)) ++t_max;
  const int count = (log_n + t_max - 1) / t_max;
  int b = 0;
  for (int i = 0; i < count; ++i) {
    PassShape s{};
    s.b = b;
    s.t = log_n / count + (i < log_n % count ? 1 : 0);
    int log_cap = 0;  // most elements per tile row
    while (fits(s.t, std::size_t(2) << log_cap)) ++log_cap;
    const int log_sp = log2_ceil(width);
    if (log_sp >= log_cap) {  // wide rows: a strip of columns of one low row
      s.log_s = log_cap;
      s.log_l = 0;
    } else {  // narrow rows: whole rows, several consecutive low rows
      s.log_s = log_sp;
      s.log_l = std::min(b, log_cap - log_sp);
    }
    s.factored = s.log_l == 0 && b > 0;
    if (s.factored)
      s.staged = s.tile_elems() + (std::size_t(1) << s.t) - 1 <= lim.scratch_elems ? s.t : s.t - 1;
    passes.push_back(s);
    b += s.t;
  }
  return passes;
}

}  // namespace kprove::detail
