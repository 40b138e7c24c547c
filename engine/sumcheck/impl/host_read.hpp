// Reads the first `count` entries of a device View (1D) or row 0 of a LayoutRight table (2D)
// as Ext values on the host; used for the final values of a sumcheck.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <vector>

#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove::detail {

template <class View>
std::vector<Ext> read_head(const View& v, std::size_t count) {
  auto head = Kokkos::subview(v, Kokkos::make_pair(std::size_t(0), count));
  auto h = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), head);
  std::vector<Ext> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(Ext(h(i)));
  return out;
}

template <class Table>
std::vector<Ext> read_first_row(const Table& t) {
  return read_head(Kokkos::subview(t, 0, Kokkos::ALL), t.extent(1));
}

}  // namespace kprove::detail
