// Powers of field elements for twiddle tables and coset factors.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <cstdint>


namespace kprove::detail {

// out[i] = first * ratio^i. One pow per chunk, then one multiplication per entry: the
// products are exact in the field, so chunking changes nothing but the cost.
template <class View>
struct GeometricFill {
  using F = typename View::non_const_value_type;
  static constexpr std::size_t CHUNK = 64;
  View out;
  F first, ratio;

  KOKKOS_INLINE_FUNCTION void operator()(std::size_t chunk) const {
    const std::size_t begin = chunk * CHUNK;
    const std::size_t end = begin + CHUNK < out.extent(0) ? begin + CHUNK : out.extent(0);
    F x = first * ratio.pow(begin);
    for (std::size_t i = begin; i < end; ++i) {
      out(i) = x;
      x *= ratio;
    }
  }
};

template <class Exec, class View>
void fill_geometric(const Exec& exec, const View& out, typename View::non_const_value_type first,
                    typename View::non_const_value_type ratio) {
  using Fill = GeometricFill<View>;
  const std::size_t chunks = (out.extent(0) + Fill::CHUNK - 1) / Fill::CHUNK;
  Kokkos::parallel_for("kprove::ntt::geometric_fill", Kokkos::RangePolicy<Exec>(exec, 0, chunks),
                       Fill{out, first, ratio});
}

// base^e for arbitrary 64-bit e as the product of the squares base^(2^i) at the set bits of
// e: a per-row power costs at most popcount(e) multiplications and no table per exponent.
template <class F>
struct SquarePowers {
  F sq[64];

  static SquarePowers of(F base) {
    SquarePowers p;
    for (auto& s : p.sq) {
      s = base;
      base = base.square();
    }
    return p;
  }
  KOKKOS_INLINE_FUNCTION F pow(uint64_t e) const {
    F r = F::one();
    for (int i = 0; e != 0; ++i, e >>= 1)
      if (e & 1) r *= sq[i];
    return r;
  }
};

}  // namespace kprove::detail
