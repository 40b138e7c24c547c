// Order handling around the butterfly passes. Gentleman-Sande maps natural to bit-reversed
// and Cooley-Tukey bit-reversed to natural, so the two mixed orders need no permutation and
// equal orders take one bit-reversal pass (fused with the copy when out of place).
#pragma once

#include <cstddef>
#include <type_traits>

#include "kernels/ntt/impl/powers.hpp"
#include "kernels/ntt/impl/row_ops.hpp"
#include "kernels/ntt/impl/stage_pass.hpp"
#include "kernels/ntt/order.hpp"

namespace kprove::detail {

// Transforms `batches` consecutive 2^log_n x width matrices from src into dst (which may be
// src), every output element multiplied by `scale`.
template <class Exec, class Mem, class F>
void transform(const Exec& exec, const FlatIn<Mem, F>& src, const Flat<Mem, F>& dst,
               std::size_t batches, int log_n, std::size_t width, const NttTwiddles<Mem, F>& tw,
               bool inverse, NttOrder in, NttOrder out, F scale, const NttLimits& lim) {
  if (width == 0) return;
  FlatIn<Mem, F> stages_src = src;
  if (in == out) {
    bit_reverse_rows(exec, src, dst, batches << log_n, log_n, width);
    stages_src = dst;
  }
  const Butterfly kind = out == NttOrder::bit_reversed ? Butterfly::dif : Butterfly::dit;
  run_stages(exec, stages_src, dst, batches, log_n, width, tw, inverse, kind, scale, lim);
}

template <class T, class L, class M>
FlatIn<M, std::remove_const_t<T>> flat_in(const Kokkos::View<T**, L, M>& m) {
  return FlatIn<M, std::remove_const_t<T>>(m.data(), m.size());
}
template <class T, class L, class M>
Flat<M, T> flat(const Kokkos::View<T**, L, M>& m) {
  return Flat<M, T>(m.data(), m.size());
}

// Row j *= shift^j.
template <class F>
struct CosetRows {
  SquarePowers<F> shift;
  KOKKOS_INLINE_FUNCTION RowSource<F> operator()(uint64_t j) const { return {j, shift.pow(j)}; }
};

}  // namespace kprove::detail
