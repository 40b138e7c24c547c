// Random inputs for tests. Every test draws fresh values; the seed is printed on failure
// (KPROVE_RNG) and can be pinned with KPROVE_TEST_SEED to replay a failing run.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <random>
#include <vector>

#include "kernels/field/goldilocks_ext2.hpp"
#include "kernels/field/traits.hpp"

namespace kprove::test {

inline uint64_t test_seed() {
  if (const char* s = std::getenv("KPROVE_TEST_SEED")) return std::strtoull(s, nullptr, 10);
  return std::random_device{}() * 0x9E3779B97F4A7C15ull ^ std::random_device{}();
}

struct Rng {
  std::mt19937_64 gen;
  explicit Rng(uint64_t seed) : gen(seed) {}
  uint64_t u64() { return gen(); }
  template <PrimeField F>
  F element() {
    return F::from_u64(gen());
  }
  template <PrimeField F>
  std::vector<F> elements(std::size_t n) {
    std::vector<F> v(n);
    for (auto& x : v) x = element<F>();
    return v;
  }
  template <ExtensionField E>
  E extension() {
    E e;
    for (auto& c : e.c) c = element<typename E::Base>();
    return e;
  }
  template <ExtensionField E>
  std::vector<E> extensions(std::size_t n) {
    std::vector<E> v(n);
    for (auto& x : v) x = extension<E>();
    return v;
  }
  // n values of a prime field or of an extension.
  template <class V>
  std::vector<V> values(std::size_t n) {
    if constexpr (PrimeField<V>)
      return elements<V>(n);
    else
      return extensions<V>(n);
  }
  Felt felt() { return element<Felt>(); }
  Ext ext() { return extension<Ext>(); }
  std::vector<Felt> felts(std::size_t n) { return elements<Felt>(n); }
  std::vector<Ext> exts(std::size_t n) { return extensions<Ext>(n); }
};

}  // namespace kprove::test

#define KPROVE_RNG(name)                                   \
  const uint64_t name##_seed = ::kprove::test::test_seed(); \
  SCOPED_TRACE("KPROVE_TEST_SEED=" + std::to_string(name##_seed)); \
  ::kprove::test::Rng name(name##_seed)
