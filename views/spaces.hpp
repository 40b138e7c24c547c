// Execution spaces compiled into this build, and the runtime dispatch from a SpaceKind
// (chosen per phase in the job file) to code templated on the Kokkos execution space.
#pragma once

#include <Kokkos_Core.hpp>
#include <stdexcept>
#include <string>
#include <utility>

#include "config/space_kind.hpp"

namespace kprove {

// Calls f(ExecSpace{}) for the execution space named by `kind`.
template <class F>
decltype(auto) dispatch_space(SpaceKind kind, F&& f) {
  switch (kind) {
#if defined(KOKKOS_ENABLE_SERIAL)
    case SpaceKind::serial:
      return std::forward<F>(f)(Kokkos::Serial());
#endif
#if defined(KOKKOS_ENABLE_OPENMP)
    case SpaceKind::openmp:
      return std::forward<F>(f)(Kokkos::OpenMP());
#endif
#if defined(KOKKOS_ENABLE_CUDA)
    case SpaceKind::cuda:
      return std::forward<F>(f)(Kokkos::Cuda());
#endif
    default:
      throw std::invalid_argument("execution space '" + to_string(kind) +
                                  "' is not compiled into this kprove build");
  }
}

// The SpaceKind of a compiled execution space type (the inverse of dispatch_space); a space
// kprove does not dispatch to has no SpaceKindOf and fails to compile.
template <class Exec>
struct SpaceKindOf;
#if defined(KOKKOS_ENABLE_SERIAL)
template <>
struct SpaceKindOf<Kokkos::Serial> {
  static constexpr SpaceKind value = SpaceKind::serial;
};
#endif
#if defined(KOKKOS_ENABLE_OPENMP)
template <>
struct SpaceKindOf<Kokkos::OpenMP> {
  static constexpr SpaceKind value = SpaceKind::openmp;
};
#endif
#if defined(KOKKOS_ENABLE_CUDA)
template <>
struct SpaceKindOf<Kokkos::Cuda> {
  static constexpr SpaceKind value = SpaceKind::cuda;
};
#endif

template <class Exec>
constexpr SpaceKind space_kind_of() {
  return SpaceKindOf<Exec>::value;
}

}  // namespace kprove

// M(Exec) for every execution space compiled into this build: explicit instantiations of the
// engine's heavy templates, once in the library and `extern` for their callers.
#define KPROVE_FOR_EACH_SPACE(M) \
  KPROVE_SERIAL_SPACE_(M) KPROVE_OPENMP_SPACE_(M) KPROVE_CUDA_SPACE_(M)
#if defined(KOKKOS_ENABLE_SERIAL)
#define KPROVE_SERIAL_SPACE_(M) M(Kokkos::Serial)
#else
#define KPROVE_SERIAL_SPACE_(M)
#endif
#if defined(KOKKOS_ENABLE_OPENMP)
#define KPROVE_OPENMP_SPACE_(M) M(Kokkos::OpenMP)
#else
#define KPROVE_OPENMP_SPACE_(M)
#endif
#if defined(KOKKOS_ENABLE_CUDA)
#define KPROVE_CUDA_SPACE_(M) M(Kokkos::Cuda)
#else
#define KPROVE_CUDA_SPACE_(M)
#endif
