// Fills one stage-major twiddle table (see NttTwiddles): the top stage by geometric powers,
// every lower stage by gathering from it (w_{2^(s+1)} = w_{2^L}^(2^(L-1-s))), so the whole
// table costs one multiplication per top-stage entry.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>

#include "kernels/bits/bits.hpp"
#include "kernels/ntt/impl/powers.hpp"

namespace kprove::detail {

template <class View>
struct LowerStagesFromTop {
  View table;
  int log_max;

  KOKKOS_INLINE_FUNCTION void operator()(std::size_t e) const {
    const int s = log2_floor(e + 1);
    const std::size_t j = e + 1 - (std::size_t(1) << s);
    const std::size_t top = (std::size_t(1) << (log_max - 1)) - 1;
    table(e) = table(top + (j << (log_max - 1 - s)));
  }
};

// table has 2^log_max - 1 entries; root generates the subgroup of order 2^log_max.
template <class Exec, class View>
void fill_twiddle_table(const Exec& exec, const View& table, int log_max,
                        typename View::non_const_value_type root) {
  using F = typename View::non_const_value_type;
  const std::size_t top = (std::size_t(1) << (log_max - 1)) - 1;
  fill_geometric(exec, Kokkos::subview(table, Kokkos::make_pair(top, table.extent(0))), F::one(),
                 root);
  Kokkos::parallel_for("kprove::ntt::twiddle_stages", Kokkos::RangePolicy<Exec>(exec, 0, top),
                       LowerStagesFromTop<View>{table, log_max});
}

}  // namespace kprove::detail
