// eq(r, x) = prod_j (r_j x_j + (1 - r_j)(1 - x_j)), the MLE of the indicator x == r, as a table
// over the hypercube in the kernels/mle/mle.hpp order (x_1 = most significant bit).
//
// Built one variable at a time from the last: a table over (x_{j+1}..x_v) of length len becomes
// one over (x_j..x_v) by T'(i) = T(i) (1 - r_j), T'(i + len) = T(i) r_j, since x_j is the new
// most significant bit. Each level is one coalesced, race-free pass; total work O(2^v). The
// point's coordinates and the table share one (extension) field type, the table's.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>


namespace kprove {

namespace detail {

template <class View>
struct EqSeed {
  View out;
  std::size_t at;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t) const {
    out(at) = View::non_const_value_type::one();
  }
};

// Reads in(i) (offset in_at) and writes lo(i), hi(i) (offsets lo_at, lo_at + len); in place
// when in_at == lo_at, since index i touches only i and i + len.
template <class View>
struct EqExpand {
  using E = typename View::non_const_value_type;
  View t;
  std::size_t in_at, lo_at, len;
  E r;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    const E x = t(in_at + i);
    const E hi = x * r;
    t(lo_at + i) = x - hi;
    t(lo_at + len + i) = hi;
  }
};

template <class Exec, class View>
void eq_seed(const Exec& exec, const View& t, std::size_t at) {
  Kokkos::parallel_for("kprove::eq_seed", Kokkos::RangePolicy<Exec>(exec, 0, 1),
                       EqSeed<View>{t, at});
}

template <class Exec, class View>
void eq_expand(const Exec& exec, const View& t, std::size_t in_at, std::size_t lo_at,
               std::size_t len, typename View::non_const_value_type r) {
  Kokkos::parallel_for("kprove::eq_expand", Kokkos::RangePolicy<Exec>(exec, 0, len),
                       EqExpand<View>{t, in_at, lo_at, len, r});
}

inline void check_eq_size(std::size_t have, std::size_t v, std::size_t want_log, const char* what) {
  if (v >= 63 || have != (std::size_t(1) << want_log))
    throw std::invalid_argument(std::string(what) + ": output has " + std::to_string(have) +
                                " entries, point of " + std::to_string(v) + " variables needs 2^" +
                                std::to_string(want_log));
}

}  // namespace detail

// out(x) = eq(r, x) for all x in {0,1}^v, v = r.size(); out must have exactly 2^v entries.
template <class Exec, class View>
void eq_table(const Exec& exec, std::span<const typename View::non_const_value_type> r,
              const View& out) {
  const std::size_t v = r.size();
  detail::check_eq_size(out.extent(0), v, v, "eq_table");
  detail::eq_seed(exec, out, 0);
  for (std::size_t j = v, len = 1; j-- > 0; len *= 2) detail::eq_expand(exec, out, 0, 0, len, r[j]);
}

// The suffix eq tables a zerocheck needs, one per level, in one buffer of 2^v entries:
// level l (0 <= l < v) is eq(r_{v-l+1..v}, .) over l variables, stored at [2^l, 2^(l+1)).
template <class Exec, class View>
void eq_pyramid(const Exec& exec, std::span<const typename View::non_const_value_type> r,
                const View& out) {
  const std::size_t v = r.size();
  if (v == 0) throw std::invalid_argument("eq_pyramid: point has no variables");
  detail::check_eq_size(out.extent(0), v, v, "eq_pyramid");
  detail::eq_seed(exec, out, 1);
  for (std::size_t l = 0, len = 1; l + 1 < v; ++l, len *= 2)
    detail::eq_expand(exec, out, len, 2 * len, len, r[v - 1 - l]);
}

// Level l of an eq_pyramid buffer.
template <class View>
auto eq_pyramid_level(const View& pyramid, int level) {
  const std::size_t len = std::size_t(1) << level;
  return Kokkos::subview(pyramid, Kokkos::make_pair(len, 2 * len));
}

}  // namespace kprove
