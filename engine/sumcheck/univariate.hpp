// Round polynomials travel as their values at t = 0, 1, ..., n-1 (n = degree + 1); these
// helpers evaluate such a polynomial elsewhere by Lagrange interpolation over those nodes.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove {

// p(x) for the polynomial of degree < evals.size() with p(t) = evals[t]; evals non-empty.
Ext interpolate_at(std::span<const Ext> evals, Ext x);

// p(0), ..., p(count - 1) for the same polynomial (count >= evals.size()).
std::vector<Ext> extend_evals(std::span<const Ext> evals, std::size_t count);

}  // namespace kprove
