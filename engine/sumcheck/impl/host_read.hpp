// Reads the first `count` entries of a device View (1D) or row 0 of a LayoutRight table (2D)
// as values of the extension E on the host; used for the final values of a sumcheck.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <vector>


namespace kprove::detail {

template <class E, class View>
std::vector<E> read_head(const View& v, std::size_t count) {
  auto head = Kokkos::subview(v, Kokkos::make_pair(std::size_t(0), count));
  auto h = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), head);
  std::vector<E> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(E(h(i)));
  return out;
}

template <class E, class Table>
std::vector<E> read_first_row(const Table& t) {
  return read_head<E>(Kokkos::subview(t, 0, Kokkos::ALL), t.extent(1));
}

}  // namespace kprove::detail
