// Random linear combination of a matrix's columns: out(i) (+)= sum_c coef(c) * m(i, c).
// Basefold batches all polynomials of a matrix (its columns) into one extension-field
// polynomial, both on evaluation tables and on their codewords (encoding is linear).
#pragma once

#include <Kokkos_Core.hpp>
#include <stdexcept>

#include "views/owned.hpp"

namespace kprove::pcs {

namespace detail {
template <class Mem, class F, class E, class OutView>
struct CombineColumns {
  Mat<F, Mem> m;
  Vec<E, Mem> coef;
  OutView out;
  bool accumulate;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    E acc = accumulate ? out(i) : E::zero();
    for (std::size_t c = 0; c < m.extent(1); ++c) acc += coef(c) * m(i, c);
    out(i) = acc;
  }
};
}  // namespace detail

// m: base-field F columns; coef and OutView (any rank-1 view in Mem with m.extent(0) entries,
// a Vec or a table row): the extension E.
template <class Exec, class Mem, class F, class E, class OutView>
void combine_columns(const Exec& exec, const Mat<F, Mem>& m, const Vec<E, Mem>& coef,
                     const OutView& out, bool accumulate) {
  if (coef.extent(0) != m.extent(1) || out.extent(0) != m.extent(0))
    throw std::invalid_argument("combine_columns: coefficient or output size does not match");
  Kokkos::parallel_for("kprove::pcs::combine_columns",
                       Kokkos::RangePolicy<Exec>(exec, 0, m.extent(0)),
                       detail::CombineColumns<Mem, F, E, OutView>{m, coef, out, accumulate});
}

}  // namespace kprove::pcs
