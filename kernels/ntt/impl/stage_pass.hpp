// The pass kernel: a team loads one tile (see PassShape) into scratch, runs the pass's
// butterfly stages there and writes it back, so t stages cost one read and one write of the
// matrix. Columns are innermost in every loop: neighbouring threads touch neighbouring
// elements of a row, which coalesces on GPUs and vectorises on CPUs.
#pragma once

#include <Kokkos_Core.hpp>
#include <algorithm>
#include <climits>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "kernels/field/goldilocks.hpp"
#include "kernels/ntt/impl/plan.hpp"
#include "kernels/ntt/twiddles.hpp"

namespace kprove::detail {

template <class Mem, class F = Felt>
using FlatIn = Kokkos::View<const F*, Mem, Kokkos::MemoryTraits<Kokkos::Unmanaged>>;
template <class Mem, class F = Felt>
using Flat = Kokkos::View<F*, Mem, Kokkos::MemoryTraits<Kokkos::Unmanaged>>;

// Gentleman-Sande (natural in, bit-reversed out) or Cooley-Tukey (bit-reversed in, natural
// out) butterflies; both take the twiddle of row r at stage s as w_{2^(s+1)}^(r mod 2^s).
enum class Butterfly { dif, dit };

template <class Exec, class Mem, class F, Butterfly Kind, bool Factored>
struct StagePass {
  using Member = typename Kokkos::TeamPolicy<Exec>::member_type;
  using Scratch = Kokkos::View<F*, typename Exec::scratch_memory_space,
                               Kokkos::MemoryTraits<Kokkos::Unmanaged>>;
  using Twiddles = Kokkos::View<const F*, Mem, Kokkos::MemoryTraits<Kokkos::RandomAccess>>;
  using Table = NttTwiddles<Mem, F>;

  FlatIn<Mem, F> src;  // may alias dst: a tile is read completely before it is written
  Flat<Mem, F> dst;
  Twiddles tw;
  PassShape s;
  std::size_t width;            // elements per matrix row
  std::size_t tiles_per_block;  // tiles per 2^(b+t)-row block: low-row groups x strips
  std::size_t strips;
  F scale;  // applied on the way out when `scaled`
  bool scaled;

  KOKKOS_INLINE_FUNCTION void operator()(const Member& team) const {
    const int ls = s.log_l + s.log_s;  // log of elements per tile row
    const std::size_t tile = team.league_rank();
    const std::size_t block = tile / tiles_per_block, rem = tile % tiles_per_block;
    const std::size_t lo0 = (rem / strips) << s.log_l;
    const std::size_t c0 = (rem % strips) << s.log_s;
    const std::size_t stride = width << s.b;  // between rows of the tile
    const std::size_t base = ((block * stride) << s.t) + lo0 * width + c0;
    const std::size_t cols = width - c0;  // valid columns of the strip (if below 2^log_s)
    const std::size_t s_mask = (std::size_t(1) << s.log_s) - 1;
    const std::size_t row_mask = (std::size_t(1) << s.log_l) - 1;
    // Global element of tile element e = (row << ls) | (l << log_s) | c; npos if padding.
    auto global = [&](int e) {
      const std::size_t c = e & s_mask;
      if (c >= cols) return ~std::size_t(0);
      const std::size_t l = (std::size_t(e) >> s.log_s) & row_mask;
      return base + (std::size_t(e) >> ls) * stride + l * width + c;
    };

    const int elems = 1 << (s.t + ls);
    Scratch data(team.team_scratch(0), elems);
    Scratch staged(team.team_scratch(0), (1 << s.staged) - 1);
    Kokkos::parallel_for(Kokkos::TeamThreadRange(team, elems), [&](int e) {
      const std::size_t g = global(e);
      data(e) = g == ~std::size_t(0) ? F::zero() : src(g);
    });
    if (Factored) stage_twiddles(team, staged, lo0);
    team.team_barrier();

    for (int i = 0; i < s.t; ++i) {
      const int sp = Kind == Butterfly::dif ? s.t - 1 - i : i;  // stage within the tile
      const int q = sp + ls;  // the two elements of a butterfly are 2^q apart in scratch
      const int low_mask = (1 << q) - 1, a_mask = (1 << sp) - 1, l_mask = (1 << s.log_l) - 1;
      const std::size_t tw0 = Table::stage_offset(s.b + sp) + lo0;
      const F z = Factored ? tw(tw0) : F::one();  // w_{2^(b+sp+1)}^lo0
      const bool from_scratch = sp < s.staged;
      Kokkos::parallel_for(Kokkos::TeamThreadRange(team, elems / 2), [&](int e) {
        const int x0 = ((e >> q) << (q + 1)) | (e & low_mask);  // a zero bit inserted at q
        const int x1 = x0 | (1 << q);
        const int a = (e >> ls) & a_mask;  // tile row within its butterfly group
        F w;
        if (!Factored)
          w = tw(tw0 + (std::size_t(a) << s.b) + ((e >> s.log_s) & l_mask));
        else if (from_scratch)  // staged like the table: stage sp at offset 2^sp - 1
          w = staged(a_mask + a);
        else
          w = tw(Table::stage_offset(sp) + a) * z;
        const F x = data(x0), y = data(x1);
        if (Kind == Butterfly::dif) {
          data(x0) = x + y;
          data(x1) = (x - y) * w;
        } else {
          const F wy = w * y;
          data(x0) = x + wy;
          data(x1) = x - wy;
        }
      });
      team.team_barrier();
    }

    Kokkos::parallel_for(Kokkos::TeamThreadRange(team, elems), [&](int e) {
      const std::size_t g = global(e);
      if (g != ~std::size_t(0)) dst(g) = scaled ? data(e) * scale : data(e);
    });
  }

  // Twiddle of tile stage sp at tile row a: w_{2^(b+sp+1)}^(a 2^b + lo0), factored as
  // w_{2^(sp+1)}^a * w_{2^(b+sp+1)}^lo0 so the reads are contiguous (not 2^b apart) and
  // shared by all tiles.
  KOKKOS_INLINE_FUNCTION void stage_twiddles(const Member& team, const Scratch& staged,
                                             std::size_t lo0) const {
    for (int sp = 0; sp < s.staged; ++sp) {
      const F z = tw(Table::stage_offset(s.b + sp) + lo0);
      const std::size_t off = Table::stage_offset(sp);
      Kokkos::parallel_for(Kokkos::TeamThreadRange(team, 1 << sp),
                           [&](int a) { staged(off + a) = tw(off + a) * z; });
    }
  }
};

// Runs all stages of `batches` consecutive 2^log_n x width transforms: the first pass reads
// src, everything else works in place on dst. Twiddles must cover 2^log_n.
template <class Exec, class Mem, class F>
void run_stages(const Exec& exec, const FlatIn<Mem, F>& src, const Flat<Mem, F>& dst,
                std::size_t batches, int log_n, std::size_t width, const NttTwiddles<Mem, F>& tw,
                bool inverse, Butterfly kind, F scale, const NttLimits& lim) {
  std::vector<PassShape> passes = plan_passes(log_n, width, lim);
  if (passes.empty()) {  // one row: the transform is the identity (and scale is 1)
    if (src.data() != dst.data()) Kokkos::deep_copy(exec, dst, src);
    return;
  }
  if (kind == Butterfly::dif) std::reverse(passes.begin(), passes.end());
  for (std::size_t i = 0; i < passes.size(); ++i) {
    const PassShape& s = passes[i];
    const std::size_t strips = (width + (std::size_t(1) << s.log_s) - 1) >> s.log_s;
    const std::size_t per_block = (std::size_t(1) << (s.b - s.log_l)) * strips;
    const std::size_t league = batches * (std::size_t(1) << (log_n - s.b - s.t)) * per_block;
    if (league > std::size_t(INT_MAX))
      throw std::invalid_argument("NTT: matrix too large for one launch (" +
                                  std::to_string(league) + " tiles)");
    const bool scaled = i + 1 == passes.size() && scale != F::one();
    const FlatIn<Mem, F> in = i == 0 ? src : FlatIn<Mem, F>(dst);
    auto launch = [&](auto kind_tag, auto factored_tag) {
      using Pass =
          StagePass<Exec, Mem, F, decltype(kind_tag)::value, decltype(factored_tag)::value>;
      const int team = int(std::min<std::size_t>(lim.team_size, s.tile_elems() / 2));
      Kokkos::TeamPolicy<Exec> policy(exec, int(league), team);
      policy.set_scratch_size(0, Kokkos::PerTeam(s.scratch_elems() * sizeof(F)));
      Kokkos::parallel_for(
          "kprove::ntt::pass", policy,
          Pass{in, dst, tw.table(inverse), s, width, per_block, strips, scale, scaled});
    };
    using Dif = std::integral_constant<Butterfly, Butterfly::dif>;
    using Dit = std::integral_constant<Butterfly, Butterfly::dit>;
    if (kind == Butterfly::dif) {
      s.factored ? launch(Dif(), std::true_type()) : launch(Dif(), std::false_type());
    } else {
      s.factored ? launch(Dit(), std::true_type()) : launch(Dit(), std::false_type());
    }
  }
}

}  // namespace kprove::detail
