// How a transform is cut into passes over global memory. A pass runs t consecutive
// butterfly stages on tiles that a team holds in scratch, so each pass reads and writes
// the matrix once; fewer, larger passes mean less memory traffic.
#pragma once

#include <Kokkos_Core.hpp>
#include <algorithm>
#include <cstddef>
#include <vector>

#include "kernels/field/goldilocks.hpp"
#include "kernels/ntt/impl/bits.hpp"

namespace kprove::detail {

// Per-space tuning. Tests pass small limits to drive every tile shape at small sizes.
struct NttLimits {
  std::size_t scratch_elems;  // Felts of level-0 team scratch one team may use
  std::size_t min_width;      // contiguous elements per tile row for full memory transactions
  int team_size;              // threads per team (upper bound)
};

template <class Exec>
NttLimits default_limits() {
  // 48 KB is the portable level-0 limit; a backend may reserve part of it (Kokkos 3 Cuda: 40).
  const std::size_t bytes =
      std::min<std::size_t>(48 * 1024, std::size_t(Kokkos::TeamPolicy<Exec>::scratch_size_max(0)));
  constexpr bool host =
      Kokkos::SpaceAccessibility<Kokkos::HostSpace, typename Exec::memory_space>::accessible;
  // Host: one thread per team, tile rows of a 64-byte cache line. Device: a team per tile,
  // tile rows of a 32-byte sector.
  if constexpr (host)
    return {bytes / sizeof(Felt), 8, 1};
  else
    return {bytes / sizeof(Felt), 4, 256};
}

// One pass: stages [b, b + t) (butterflies 2^b .. 2^(b+t-1) rows apart). A tile is 2^t rows
// spaced 2^b apart x 2^log_l consecutive low rows x 2^log_s columns (padded past the width).
struct PassShape {
  int b, t, log_l, log_s;
  // Twiddles gathered into scratch once per tile. Only tiles with one low row (log_l == 0)
  // can share them across the whole tile; b == 0 needs none, its twiddles are contiguous.
  bool staged;

  std::size_t tile_elems() const { return std::size_t(1) << (t + log_l + log_s); }
  std::size_t scratch_elems() const {
    return tile_elems() + (staged ? (std::size_t(1) << t) - 1 : 0);
  }
};

// Passes in stage order (b ascending) for a 2^log_n-row transform of rows `width` wide.
inline std::vector<PassShape> plan_passes(int log_n, std::size_t width, const NttLimits& lim) {
  std::vector<PassShape> passes;
  if (log_n == 0) return passes;
  // Deepest t whose tile of min_width columns plus staged twiddles still fits.
  int t_max = 1;
  while ((std::size_t(2) << t_max) * (lim.min_width + 1) <= lim.scratch_elems) ++t_max;
  const int count = (log_n + t_max - 1) / t_max;
  int b = 0;
  for (int i = 0; i < count; ++i) {
    PassShape s{};
    s.b = b;
    s.t = log_n / count + (i < log_n % count ? 1 : 0);
    const int log_cap = log2_floor(std::max<std::size_t>(1, (lim.scratch_elems >> s.t) - 1));
    const int log_sp = log2_ceil(width);
    if (log_sp >= log_cap) {  // wide rows: a strip of columns of one low row
      s.log_s = log_cap;
      s.log_l = 0;
    } else {  // narrow rows: whole rows, several consecutive low rows
      s.log_s = log_sp;
      s.log_l = std::min(b, log_cap - log_sp);
    }
    s.staged = s.log_l == 0 && b > 0;
    passes.push_back(s);
    b += s.t;
  }
  return passes;
}

}  // namespace kprove::detail
