// Square-and-multiply, shared by every field and extension type.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>

namespace kprove::detail {

template <class T>
KOKKOS_INLINE_FUNCTION constexpr T pow_by_squaring(T base, uint64_t e) {
  T r = T::one();
  while (e) {
    if (e & 1) r = r * base;
    base = base * base;
    e >>= 1;
  }
  return r;
}

}  // namespace kprove::detail
