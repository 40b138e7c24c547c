// One test body, every field and every enabled execution space: TYPED_TEST_SUITE(Suite,
// kprove::test::FieldBackends, kprove::test::FieldBackendNames) runs each TYPED_TEST for
// Goldilocks^2 and BabyBear^4 on Serial, OpenMP and Cuda as compiled in.
#pragma once

#include <gtest/gtest.h>

#include <Kokkos_Core.hpp>
#include <string>

#include "kernels/field/babybear_ext4.hpp"
#include "kernels/field/goldilocks_ext2.hpp"
#include "support/backends.hpp"

namespace kprove::test {

template <class ExtField, class ExecSpace>
struct FieldCase {
  using E = ExtField;
  using F = typename ExtField::Base;
  using Exec = ExecSpace;
  using Mem = typename ExecSpace::memory_space;
};

#define KPROVE_FIELD_CASES(X) \
  FieldCase<GoldilocksExt2, X>, FieldCase<BabyBearExt4, X>
#if defined(KOKKOS_ENABLE_OPENMP)
#define KPROVE_FIELD_OPENMP , KPROVE_FIELD_CASES(Kokkos::OpenMP)
#else
#define KPROVE_FIELD_OPENMP
#endif
#if defined(KOKKOS_ENABLE_CUDA)
#define KPROVE_FIELD_CUDA , KPROVE_FIELD_CASES(Kokkos::Cuda)
#else
#define KPROVE_FIELD_CUDA
#endif

using FieldBackends =
    ::testing::Types<KPROVE_FIELD_CASES(Kokkos::Serial) KPROVE_FIELD_OPENMP KPROVE_FIELD_CUDA>;

struct FieldBackendNames {
  template <class Case>
  static std::string GetName(int) {
    return std::string(Case::F::NAME) + "_" + Case::Exec::name();
  }
};

template <class Case>
class FieldBackendTest : public ::testing::Test {
 public:
  using E = typename Case::E;
  using F = typename Case::F;
  using Exec = typename Case::Exec;
  using Mem = typename Case::Mem;
};

}  // namespace kprove::test

// The case's types inside a TYPED_TEST body of a KPROVE_FIELD_SUITE.
#define KPROVE_FIELD_TYPES                                    \
  using Exec [[maybe_unused]] = typename TestFixture::Exec;  \
  using Mem [[maybe_unused]] = typename TestFixture::Mem;    \
  using E [[maybe_unused]] = typename TestFixture::E;        \
  using F [[maybe_unused]] = typename TestFixture::F

#define KPROVE_FIELD_SUITE(Suite)                               \
  template <class C>                                            \
  class Suite : public ::kprove::test::FieldBackendTest<C> {};  \
  TYPED_TEST_SUITE(Suite, ::kprove::test::FieldBackends, ::kprove::test::FieldBackendNames)
