// The size of the challenge field as a number of bits, for soundness accounting.
#pragma once

#include <cmath>

#include "kernels/field/goldilocks_ext2.hpp"
#include "kernels/field/traits.hpp"

namespace kprove {

// E = Base[X] / (X^D - W): P^D elements.
template <ExtensionField E = Ext>
double challenge_field_bits() {
  return E::DEGREE * std::log2(double(E::Base::P));
}

}  // namespace kprove
