// Powers of field elements for twiddle tables and coset factors.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <cstdint>

#include "kernels/field/goldilocks.hpp"

namespace kprove::detail {

// out[i] = first * ratio^i. One pow per chunk, then one multiplication per entry: the
// products are exact in the field, so chunking changes nothing but the cost.
template <class View>
struct GeometricFill {
  static constexpr std::size_t CHUNK = 64;
  View out;
  Felt first, ratio;

  KOKKOS_INLINE_FUNCTION void operator()(std::size_t chunk) const {
    const std::size_t begin = chunk * CHUNK;
    const std::size_t end = begin + CHUNK < out.extent(0) ? begin + CHUNK : out.extent(0);
    Felt x = first * ratio.pow(begin);
    for (std::size_t i = begin; i < end; ++i) {
      out(i) = x;
      x *= ratio;
    }
  }
};

template <class Exec, class View>
void fill_geometric(const Exec& exec, const View& out, Felt first, Felt ratio) {
  using F = GeometricFill<View>;
  const std::size_t chunks = (out.extent(0) + F::CHUNK - 1) / F::CHUNK;
  Kokkos::parallel_for("kprove::ntt::geometric_fill", Kokkos::RangePolicy<Exec>(exec, 0, chunks),
                       F{out, first, ratio});
}

// base^e for arbitrary 64-bit e as the product of the squares base^(2^i) at the set bits of
// e: a per-row power costs at most popcount(e) multiplications and no table per exponent.
struct SquarePowers {
  Felt sq[64];

  static SquarePowers of(Felt base) {
    SquarePowers p;
    for (auto& s : p.sq) {
      s = base;
      base = base.square();
    }
    return p;
  }
  KOKKOS_INLINE_FUNCTION Felt pow(uint64_t e) const {
    Felt r = Felt::one();
    for (int i = 0; e != 0; ++i, e >>= 1)
      if (e & 1) r *= sq[i];
    return r;
  }
};

}  // namespace kprove::detail
