// The host algebra the protocols share (sumcheck, tower, Basefold, shard): the multilinear eq
// polynomial, powers, and univariate polynomials given by their values at 0, 1, ..., n-1 (the
// round polynomials), evaluated elsewhere by Lagrange interpolation over those nodes.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove {

// eq(a, b) = prod_j (a_j b_j + (1 - a_j)(1 - b_j)); a and b of one length.
Ext eq_eval(std::span<const Ext> a, std::span<const Ext> b);

// 1, base, base^2, ..., base^(n-1).
std::vector<Ext> powers(Ext base, std::size_t n);

// sum_i base^i values[i]: a random linear combination of claims or values (by Horner).
Ext dot_powers(std::span<const Ext> values, Ext base);

// p(x) for the polynomial of degree < evals.size() with p(t) = evals[t]; evals non-empty.
Ext interpolate_at(std::span<const Ext> evals, Ext x);

// p(0), ..., p(count - 1) for the same polynomial (count >= evals.size()).
std::vector<Ext> extend_evals(std::span<const Ext> evals, std::size_t count);

}  // namespace kprove
