// Precomputed twiddles for batched NTTs of up to 2^log_max rows.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <stdexcept>
#include <string>

#include "kernels/field/goldilocks.hpp"
#include "kernels/ntt/impl/twiddle_fill.hpp"
#include "views/owned.hpp"

namespace kprove {

// Two stage-major tables (forward root and inverse root), each 2^log_max - 1 elements booked
// in the ledger: stage s (butterflies 2^s rows apart) holds w^j for j < 2^s at offset
// 2^s - 1, w = F::two_adic_generator(s + 1) (or its inverse). Stage-major storage keeps
// the twiddles one stage needs contiguous, whatever the transform size.
template <class Mem, class F = Felt>
class NttTwiddles {
 public:
  using memory_space = Mem;
  using Field = F;
  using Table = Vec<F, Mem>;

  NttTwiddles(MemoryLedger& ledger, int log_max)
      : log_max_(checked_log_max(log_max)),
        forward_(alloc_vec<F, Mem>(ledger, "kprove::ntt twiddles (forward)", size())),
        inverse_(alloc_vec<F, Mem>(ledger, "kprove::ntt twiddles (inverse)", size())) {
    using Exec = typename Mem::execution_space;
    const F root = F::two_adic_generator(log_max_);
    detail::fill_twiddle_table(Exec(), forward_.view(), log_max_, root);
    detail::fill_twiddle_table(Exec(), inverse_.view(), log_max_, root.inverse());
    Exec().fence();
  }

  int log_max() const { return log_max_; }
  const Table& forward() const { return forward_.view(); }
  const Table& inverse() const { return inverse_.view(); }
  const Table& table(bool inverse) const { return inverse ? inverse_.view() : forward_.view(); }
  KOKKOS_INLINE_FUNCTION static constexpr std::size_t stage_offset(int s) {
    return (std::size_t(1) << s) - 1;
  }

 private:
  static int checked_log_max(int log_max) {
    if (log_max < 1 || log_max > F::TWO_ADICITY)
      throw std::invalid_argument("NttTwiddles: log_max " + std::to_string(log_max) +
                                  " is outside 1.." + std::to_string(F::TWO_ADICITY) +
                                  " (" + F::NAME + ")");
    return log_max;
  }
  std::size_t size() const { return (std::size_t(1) << log_max_) - 1; }

  int log_max_;
  Owned<Table> forward_, inverse_;
};

}  // namespace kprove
