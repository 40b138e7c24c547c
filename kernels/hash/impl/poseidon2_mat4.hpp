// The 4x4 block of Poseidon2's external linear layer (eprint 2023/323, section 5.1), as
// Plonky3 computes it.
#pragma once

#include <Kokkos_Core.hpp>

namespace kprove::detail {

// y = M4 x with M4 = [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]]: eight additions and two
// doublings, for any lane type with + (exact Wide sums, or field elements).
template <class T>
KOKKOS_FORCEINLINE_FUNCTION void mat4(T& x0, T& x1, T& x2, T& x3) {
  const T t01 = x0 + x1;
  const T t23 = x2 + x3;
  const T t0123 = t01 + t23;
  const T t01123 = t0123 + x1;
  const T t01233 = t0123 + x3;
  const T y0 = t01123 + t01;
  const T y1 = t01123 + (x2 + x2);
  const T y2 = t01233 + t23;
  const T y3 = t01233 + (x0 + x0);
  x0 = y0;
  x1 = y1;
  x2 = y2;
  x3 = y3;
}

}  // namespace kprove::detail
