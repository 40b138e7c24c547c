// One test body, every enabled execution space: TYPED_TEST_SUITE(Suite, kprove::test::Backends,
// kprove::test::BackendNames) runs each TYPED_TEST on Serial, OpenMP and Cuda as compiled in.
#pragma once

#include <gtest/gtest.h>

#include <Kokkos_Core.hpp>
#include <string>

#if defined(KOKKOS_ENABLE_OPENMP)
#define KPROVE_TEST_OPENMP , Kokkos::OpenMP
#else
#define KPROVE_TEST_OPENMP
#endif
#if defined(KOKKOS_ENABLE_CUDA)
#define KPROVE_TEST_CUDA , Kokkos::Cuda
#else
#define KPROVE_TEST_CUDA
#endif

namespace kprove::test {

using Backends = ::testing::Types<Kokkos::Serial KPROVE_TEST_OPENMP KPROVE_TEST_CUDA>;

struct BackendNames {
  template <class ExecSpace>
  static std::string GetName(int) {
    return ExecSpace::name();
  }
};

// Base fixture: TypeParam is the execution space; Mem its memory space.
template <class ExecSpace>
class BackendTest : public ::testing::Test {
 public:
  using Exec = ExecSpace;
  using Mem = typename ExecSpace::memory_space;
};

}  // namespace kprove::test

#define KPROVE_BACKEND_SUITE(Suite)                          \
  template <class E>                                         \
  class Suite : public ::kprove::test::BackendTest<E> {};    \
  TYPED_TEST_SUITE(Suite, ::kprove::test::Backends, ::kprove::test::BackendNames)
