// One claim sum_{x in {0,1}^v} P(x) = s as the batched prover (prover.hpp) drives it. The
// prover calls round_evals() and bind(r) alternately, v times each, then final_evals().
// Implementations: ProductInstance (product of MLEs), ExprInstance (constraint combination,
// optionally times eq for a zerocheck).
#pragma once

#include <cstddef>
#include <vector>

#include "kernels/field/goldilocks_ext2.hpp"
#include "kernels/field/traits.hpp"

namespace kprove {

// E: the challenge field (kernels/field/traits.hpp).
template <ExtensionField E>
class SumcheckInstanceOf {
 public:
  virtual ~SumcheckInstanceOf() = default;
  virtual int num_vars() const = 0;
  // Degree of the round polynomials in the variable being bound (>= 1).
  virtual int degree() const = 0;
  // The current round polynomial at t = 0..degree(): sum over the remaining variables with the
  // current first variable set to t.
  virtual std::vector<E> round_evals() = 0;
  // Fixes the current first variable to r.
  virtual void bind(E r) = 0;
  // Number of values final_evals() returns.
  virtual std::size_t num_finals() const = 0;
  // After all variables are bound: the values of the claim's MLEs at the bound point, the
  // inputs of the verifier's oracle check.
  virtual std::vector<E> final_evals() = 0;
};

using SumcheckInstance = SumcheckInstanceOf<Ext>;

}  // namespace kprove
