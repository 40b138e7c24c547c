// Batch inversion (Montgomery's trick): out[i] = in[i]^-1, with one field inversion per
// chunk of CHUNK elements and three multiplications per element. Zeros map to zero, like
// inverse(). Works for any field type (Felt, Ext) and any execution space.
#pragma once

#include <Kokkos_Core.hpp>

namespace kprove {

namespace detail {
template <class InView, class OutView>
struct BatchInverseChunk {
  using F = typename OutView::non_const_value_type;
  static constexpr std::size_t CHUNK = 1024;
  InView in;
  OutView out;

  KOKKOS_INLINE_FUNCTION void operator()(std::size_t c) const {
    const std::size_t n = in.extent(0);
    const std::size_t begin = c * CHUNK;
    const std::size_t end = begin + CHUNK < n ? begin + CHUNK : n;
    // Forward: out[i] holds the product of the nonzero inputs in [begin, i].
    F acc = F::one();
    for (std::size_t i = begin; i < end; ++i) {
      if (!in(i).is_zero()) acc *= in(i);
      out(i) = acc;
    }
    // Backward: inv is the inverse of out[i]; peel in[i] off with the prefix before it.
    F inv = acc.inverse();
    for (std::size_t i = end; i-- > begin;) {
      const F x = in(i);
      if (x.is_zero()) {
        out(i) = F::zero();
        continue;
      }
      const F before = i > begin ? out(i - 1) : F::one();
      out(i) = inv * before;
      inv *= x;
    }
  }
};
}  // namespace detail

// `out` must not alias `in` (it holds prefix products during the pass).
template <class ExecSpace, class InView, class OutView>
void batch_inverse(const ExecSpace& exec, const InView& in, const OutView& out) {
  using Chunk = detail::BatchInverseChunk<InView, OutView>;
  const std::size_t chunks = (in.extent(0) + Chunk::CHUNK - 1) / Chunk::CHUNK;
  Kokkos::parallel_for("kprove::batch_inverse",
                       Kokkos::RangePolicy<ExecSpace>(exec, 0, chunks), Chunk{in, out});
}

}  // namespace kprove
