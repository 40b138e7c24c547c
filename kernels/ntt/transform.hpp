// Batched NTTs over any field of the seam (kernels/field/traits.hpp): every column of a
// row-major n x m matrix is transformed in the same launches. Cost: ceil(log n / t)
// read+write passes over the matrix (t = butterfly stages a team runs in scratch: up to 11 on
// devices, 8 on hosts, for Goldilocks), plus one permutation pass when the input and output
// orders are equal.
#pragma once

#include <Kokkos_Core.hpp>

#include "kernels/ntt/impl/checks.hpp"
#include "kernels/ntt/impl/transform_impl.hpp"
#include "kernels/ntt/order.hpp"
#include "kernels/ntt/twiddles.hpp"
#include "views/owned.hpp"

namespace kprove {

// In place, for every column c: out[i][c] = sum_j in[j][c] * w^(i*j), w =
// F::two_adic_generator(log2 n). `in`/`out` give the row order of the input and output.
template <class Exec, class Mem, class F>
void ntt_forward(const Exec& exec, const Mat<F, Mem>& m, const NttTwiddles<Mem, F>& tw, NttOrder in,
                 NttOrder out) {
  const int log_n = detail::check_rows("ntt_forward", m.extent(0), tw.log_max());
  detail::check_contiguous("ntt_forward", m, "matrix");
  detail::transform(exec, detail::flat_in(m), detail::flat(m), 1, log_n, m.extent(1), tw, false, in,
                    out, F::one(), detail::default_limits<Exec, F>());
}

// In place, the inverse of ntt_forward (w^-1, then scaled by 1/n).
template <class Exec, class Mem, class F>
void ntt_inverse(const Exec& exec, const Mat<F, Mem>& m, const NttTwiddles<Mem, F>& tw, NttOrder in,
                 NttOrder out) {
  const int log_n = detail::check_rows("ntt_inverse", m.extent(0), tw.log_max());
  detail::check_contiguous("ntt_inverse", m, "matrix");
  const F n_inv = F::from_canonical(m.extent(0)).inverse();
  detail::transform(exec, detail::flat_in(m), detail::flat(m), 1, log_n, m.extent(1), tw, true, in,
                    out, n_inv, detail::default_limits<Exec, F>());
}

// Row j *= shift^j: coefficients of p(X) become those of p(shift X), so a forward NTT then
// evaluates p on the coset shift * H.
template <class Exec, class Mem, class F>
void coset_scale(const Exec& exec, const Mat<F, Mem>& m, F shift) {
  detail::check_contiguous("coset_scale", m, "matrix");
  if (m.extent(0) == 0 || m.extent(1) == 0) return;
  if (!is_pow2(m.extent(0)))  // the row kernel tiles rows in powers of two
    detail::bad_argument("coset_scale",
                         std::to_string(m.extent(0)) + " rows is not a power of two");
  detail::scale_rows(exec, detail::flat_in(m), detail::flat(m), m.extent(0), m.extent(1),
                     detail::CosetRows<F>{detail::SquarePowers<F>::of(shift)},
                     detail::default_limits<Exec, F>());
}

}  // namespace kprove
