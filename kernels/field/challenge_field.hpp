// The size of the challenge field (Ext) as a number of bits, for soundness accounting.
#pragma once

#include <cmath>

#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove {

// Ext = F_p[X] / (X^2 - W): p^2 elements.
inline constexpr int kExtDegree = 2;

inline double challenge_field_bits() { return kExtDegree * std::log2(double(Felt::P)); }

}  // namespace kprove
