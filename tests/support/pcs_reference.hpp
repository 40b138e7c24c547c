// Plain host references for the Basefold tests: direct polynomial evaluation for the
// Reed-Solomon codewords and the defining sum for multilinear evaluation.
#pragma once

#include <cstdint>
#include <vector>

#include "kernels/field/traits.hpp"

namespace kprove::test {

inline uint64_t naive_reverse_bits(uint64_t x, int bits) {
  uint64_t r = 0;
  for (int i = 0; i < bits; ++i) r |= ((x >> i) & 1) << (bits - 1 - i);
  return r;
}

// Position j of the codeword of sum_i c[i] X^i on the subgroup of order 2^log_size, in
// bit-reversed order: the value at w^rev(j), by Horner's rule.
template <class V>
std::vector<V> naive_codeword(const std::vector<V>& c, int log_size) {
  using F = base_field_t<V>;
  const F w = F::two_adic_generator(log_size);
  std::vector<V> out(std::size_t(1) << log_size);
  for (std::size_t j = 0; j < out.size(); ++j) {
    const F x = w.pow(naive_reverse_bits(j, log_size));
    V acc = V::zero();
    for (std::size_t i = c.size(); i-- > 0;) acc = acc * x + c[i];
    out[j] = acc;
  }
  return out;
}

// f(z) = sum_x f[x] prod_i (bit_i(x) ? z_i : 1 - z_i): z[0] goes with bit 0 of the index.
template <class V, ExtensionField E>
E naive_mle_eval(const std::vector<V>& f, const std::vector<E>& z) {
  E sum = E::zero();
  for (std::size_t x = 0; x < f.size(); ++x) {
    E w = E::one();
    for (std::size_t i = 0; i < z.size(); ++i) w *= ((x >> i) & 1) ? z[i] : E::one() - z[i];
    sum += w * f[x];
  }
  return sum;
}

}  // namespace kprove::test
