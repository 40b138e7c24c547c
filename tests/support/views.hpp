// Moving test data between std::vector on the host and Views in any memory space.
#pragma once

#include <Kokkos_Core.hpp>
#include <vector>

namespace kprove::test {

template <class T, class Mem>
Kokkos::View<T*, Mem> to_device(const std::vector<T>& v) {
  Kokkos::View<T*, Mem> d(Kokkos::view_alloc(Kokkos::WithoutInitializing, "test"), v.size());
  auto h = Kokkos::create_mirror_view(d);
  for (std::size_t i = 0; i < v.size(); ++i) h(i) = v[i];
  Kokkos::deep_copy(d, h);
  return d;
}

template <class ViewT>
std::vector<typename ViewT::non_const_value_type> to_host(const ViewT& d) {
  auto h = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), d);
  std::vector<typename ViewT::non_const_value_type> v(h.data(), h.data() + h.size());
  return v;
}

}  // namespace kprove::test
