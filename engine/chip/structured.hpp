// MLEs of structured columns, which the verifier evaluates itself instead of opening them.
// Points are in kernels/mle order: row r = sum_j 2^(n-1-j) x_j (x_0 the most significant bit).
#pragma once

#include <cstdint>
#include <span>

#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove::chip {

// The row index r itself (multilinear: linear in the bits).
Ext index_mle(std::span<const Ext> point);
// The indicator r < n, for n <= 2^point.size(): sum over the set bits j of n of
// (prefix of r equal to n's above j) * (bit j of r is 0).
Ext prefix_mle(std::span<const Ext> point, uint64_t n);
// sum_r values[r] eq(r, point), values shorter than 2^point.size() padded with zeros: O(n).
Ext values_mle(std::span<const Ext> point, std::span<const uint32_t> values);

}  // namespace kprove::chip
