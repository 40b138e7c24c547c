#include "engine/chip/structured.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace kprove::chip {

Ext index_mle(std::span<const Ext> point) {
  Ext v = Ext::zero();
  for (Ext b : point) v = v * Felt::from_u64(2) + b;
  return v;
}

Ext prefix_mle(std::span<const Ext> point, uint64_t n) {
  const std::size_t k = point.size();
  if (k < 64 && n > (uint64_t(1) << k))
    throw std::invalid_argument("prefix_mle: " + std::to_string(n) + " rows of 2^" +
                                std::to_string(k));
  if (k < 64 && n == (uint64_t(1) << k)) return Ext::one();
  Ext sum = Ext::zero(), equal = Ext::one();  // equal: r's bits so far are n's
  for (std::size_t j = 0; j < k; ++j) {
    const bool bit = (n >> (k - 1 - j)) & 1;
    const Ext x = point[j];
    if (bit) {
      sum += equal * (Ext::one() - x);
      equal *= x;
    } else {
      equal *= Ext::one() - x;
    }
  }
  return sum;
}

Ext values_mle(std::span<const Ext> point, std::span<const uint32_t> values) {
  const std::size_t k = point.size();
  if (k < 64 && values.size() > (std::size_t(1) << k))
    throw std::invalid_argument("values_mle: " + std::to_string(values.size()) + " values, 2^" +
                                std::to_string(k) + " rows");
  // eq(r, point) for the rows that hold values, built bit by bit (most significant first).
  std::size_t used = 1, bits = 0;
  while (used < values.size()) used <<= 1, ++bits;
  std::vector<Ext> eq(used, Ext::zero());
  eq[0] = Ext::one();
  Ext high = Ext::one();  // the leading k - bits coordinates must be 0 for r < used
  for (std::size_t j = 0; j < k - bits; ++j) high *= Ext::one() - point[j];
  for (std::size_t j = k - bits, width = 1; j < k; ++j, width <<= 1)
    for (std::size_t i = width; i-- > 0;) {
      eq[2 * i + 1] = eq[i] * point[j];
      eq[2 * i] = eq[i] * (Ext::one() - point[j]);
    }
  Ext sum = Ext::zero();
  for (std::size_t r = 0; r < values.size(); ++r)
    if (values[r] != 0) sum += eq[r] * Felt::from_u64(values[r]);
  return high * sum;
}

}  // namespace kprove::chip
