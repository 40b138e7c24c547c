// Reed-Solomon encoding as 2^rate_bits size-n NTTs: on the coset g_q * H_n of shift * H_N,
// p(g_q w_n^i) is the size-n DFT of the coefficients c_j * g_q^j. One row kernel writes the
// scaled copies straight into the output in the layout the NTT needs, so no zero padding
// is ever transformed:
//  - bit-reversed output: coset q' = bitrev(q) is block q (rows q n .. q n + n - 1), and a
//    natural-to-bit-reversed NTT of each block gives positions q n + u = bitrev_{k+r}(...)
//  - natural output: output row i = u 2^r + q, i.e. an n x (2^r m) matrix whose column
//    block q is coset q; a bit-reversed-to-natural NTT over its rows gives every coset at once.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <cstdint>
#include <string>

#include "kernels/bits/bits.hpp"
#include "kernels/ntt/impl/powers.hpp"
#include "kernels/ntt/impl/row_ops.hpp"
#include "kernels/ntt/impl/transform_impl.hpp"
#include "views/owned.hpp"

namespace kprove::detail {

// Output row g <- coefficient row j of source row `row`, times scale * (shift w_N^e)^j.
template <class F>
struct CosetExpandRows {
  SquarePowers<F> shift, omega;  // omega generates the subgroup of order N = n << rate_bits
  F scale;
  int log_n, rate_bits;
  bool out_natural, src_natural;

  KOKKOS_INLINE_FUNCTION RowSource<F> operator()(uint64_t g) const {
    uint64_t j, from, e;
    if (out_natural) {  // row rho of the n x (2^r m) matrix, fed to the NTT bit-reversed
      const uint64_t rho = g >> rate_bits;
      e = g & ((uint64_t(1) << rate_bits) - 1);
      j = bit_reverse(rho, log_n);
      from = src_natural ? j : rho;
    } else {  // row j of coset block q
      j = g & ((uint64_t(1) << log_n) - 1);
      e = bit_reverse(g >> log_n, rate_bits);
      from = src_natural ? j : bit_reverse(j, log_n);
    }
    const uint64_t n_big_mask = (uint64_t(1) << (log_n + rate_bits)) - 1;
    return {from, scale * shift.pow(j) * omega.pow((e * j) & n_big_mask)};
  }
};

// The (n << rate_bits) x m matrix of scaled coefficient copies (see above), allocated through
// the ledger; src holds n x m coefficients in src_order.
template <class Exec, class Mem, class F>
Owned<Mat<F, Mem>> expand_cosets(const Exec& exec, MemoryLedger& ledger,
                                 const std::string& label, const FlatIn<Mem, F>& src,
                                 NttOrder src_order, int log_n, std::size_t width, int rate_bits,
                                 F shift, F scale, NttOrder out_order) {
  const std::size_t rows = std::size_t(1) << (log_n + rate_bits);
  auto out = alloc_mat<F, Mem>(ledger, label, rows, width);
  if (width == 0) return out;
  const CosetExpandRows<F> map{SquarePowers<F>::of(shift),
                               SquarePowers<F>::of(F::two_adic_generator(log_n + rate_bits)),
                               scale,
                               log_n,
                               rate_bits,
                               out_order == NttOrder::natural,
                               src_order == NttOrder::natural};
  scale_rows(exec, src, flat(*out), rows, width, map, default_limits<Exec, F>());
  return out;
}

// The NTTs that turn expand_cosets' output into evaluations, in place.
template <class Exec, class Mem, class F>
void transform_cosets(const Exec& exec, const Mat<F, Mem>& out, int log_n, int rate_bits,
                      NttOrder out_order, const NttTwiddles<Mem, F>& tw) {
  const std::size_t width = out.extent(1);
  if (out_order == NttOrder::bit_reversed)
    transform(exec, flat_in(out), flat(out), std::size_t(1) << rate_bits, log_n, width, tw, false,
              NttOrder::natural, NttOrder::bit_reversed, F::one(), default_limits<Exec, F>());
  else
    transform(exec, flat_in(out), flat(out), 1, log_n, width << rate_bits, tw, false,
              NttOrder::bit_reversed, NttOrder::natural, F::one(), default_limits<Exec, F>());
}

}  // namespace kprove::detail
