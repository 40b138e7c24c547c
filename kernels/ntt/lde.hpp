// Reed-Solomon encoding and low-degree extension of every column of a row-major matrix.
// Traffic: one read of the input, one write of the output, plus the log n-stage NTT passes
// over the output (and, for lde, over an n x m coefficient buffer).
#pragma once

#include <Kokkos_Core.hpp>

#include "kernels/field/goldilocks.hpp"
#include "kernels/ntt/impl/checks.hpp"
#include "kernels/ntt/impl/encode.hpp"
#include "kernels/ntt/transform.hpp"
#include "views/owned.hpp"

namespace kprove {

template <class F = Felt>
F default_coset_shift() {
  return F::from_canonical(F::MULTIPLICATIVE_GENERATOR);
}

namespace detail {
template <class F>
int check_encode_args(const char* fn, std::size_t rows, int rate_bits, F shift, int log_max) {
  const int log_n = check_rows(fn, rows, log_max);
  check_rate_bits<F>(fn, rate_bits, log_n);
  if (shift.is_zero()) bad_argument(fn, "coset shift is zero");
  return log_n;
}
}  // namespace detail

// Column c of `coeffs` (n x m, natural order) holds the coefficients of polynomial c. Returns
// the (n << rate_bits) x m evaluations of each on the coset shift * H, |H| = n << rate_bits,
// rows in out_order; allocated through the ledger. The twiddles must cover n.
template <class Exec, class Mem, class F>
Owned<Mat<F, Mem>> rs_encode(const Exec& exec, MemoryLedger& ledger, const Mat<F, Mem>& coeffs,
                             int rate_bits, F shift, NttOrder out_order,
                             const NttTwiddles<Mem, F>& tw) {
  const int log_n =
      detail::check_encode_args("rs_encode", coeffs.extent(0), rate_bits, shift, tw.log_max());
  detail::check_contiguous("rs_encode", coeffs, "coeffs");
  auto out = detail::expand_cosets(exec, ledger, "kprove::rs_encode output",
                                   detail::flat_in(coeffs), NttOrder::natural, log_n,
                                   coeffs.extent(1), rate_bits, shift, F::one(), out_order);
  detail::transform_cosets(exec, *out, log_n, rate_bits, out_order, tw);
  return out;
}

// Column c of `evals` (n x m) holds a polynomial of degree < n evaluated on H_n in natural
// order. Returns its (n << rate_bits) x m evaluations on shift * H_{n << rate_bits} in
// out_order (interpolation, then rs_encode). `evals` is left unchanged; an n x m coefficient
// buffer is booked in the ledger while the call runs.
template <class Exec, class Mem, class F>
Owned<Mat<F, Mem>> lde(const Exec& exec, MemoryLedger& ledger, const Mat<F, Mem>& evals,
                       int rate_bits, F shift, NttOrder out_order, const NttTwiddles<Mem, F>& tw) {
  const int log_n =
      detail::check_encode_args("lde", evals.extent(0), rate_bits, shift, tw.log_max());
  detail::check_contiguous("lde", evals, "evals");
  const std::size_t n = evals.extent(0), m = evals.extent(1);
  auto coeffs = alloc_mat<F, Mem>(ledger, "kprove::lde coefficients", n, m);
  // Coefficients in bit-reversed order; the expansion reads them back in either order, and
  // folds in the 1/n of the inverse transform.
  detail::transform(exec, detail::flat_in(evals), detail::flat(*coeffs), 1, log_n, m, tw, true,
                    NttOrder::natural, NttOrder::bit_reversed, F::one(),
                    detail::default_limits<Exec, F>());
  auto out = detail::expand_cosets(exec, ledger, "kprove::lde output", detail::flat_in(*coeffs),
                                   NttOrder::bit_reversed, log_n, m, rate_bits, shift,
                                   F::from_canonical(n).inverse(), out_order);
  exec.fence();  // the coefficients may be freed only once the expansion has read them
  coeffs.release();
  detail::transform_cosets(exec, *out, log_n, rate_bits, out_order, tw);
  return out;
}

}  // namespace kprove
