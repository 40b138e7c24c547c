// The host algebra the protocols share (sumcheck, tower, Basefold, shard): the multilinear eq
// polynomial, powers, and univariate polynomials given by their values at 0, 1, ..., n-1 (the
// round polynomials), evaluated elsewhere by Lagrange interpolation over those nodes. Every
// function works over any extension field E (kernels/field/traits.hpp).
#pragma once

#include <cstddef>
#include <ranges>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "kernels/field/traits.hpp"

namespace kprove {

// eq(a, b) = prod_j (a_j b_j + (1 - a_j)(1 - b_j)); a and b of one length.
template <std::ranges::contiguous_range A, std::ranges::contiguous_range B>
auto eq_eval(const A& a, const B& b) {
  using E = std::ranges::range_value_t<A>;
  static_assert(std::is_same_v<E, std::ranges::range_value_t<B>>, "points of one field");
  if (std::ranges::size(a) != std::ranges::size(b))
    throw std::invalid_argument("eq_eval: points differ in length");
  E acc = E::one();
  for (std::size_t j = 0; j < std::ranges::size(a); ++j) {
    const E ab = a[j] * b[j];
    acc *= ab + ab + E::one() - a[j] - b[j];  // a b + (1 - a)(1 - b)
  }
  return acc;
}

// 1, base, base^2, ..., base^(n-1).
template <ExtensionField E>
std::vector<E> powers(E base, std::size_t n) {
  std::vector<E> p(n);
  E x = E::one();
  for (auto& e : p) {
    e = x;
    x *= base;
  }
  return p;
}

// sum_i base^i values[i]: a random linear combination of claims or values (by Horner).
template <ExtensionField E>
E dot_powers(std::span<const std::type_identity_t<E>> values, E base) {
  E acc = E::zero();
  for (std::size_t i = values.size(); i-- > 0;) acc = acc * base + values[i];
  return acc;
}

// p(x) for the polynomial of degree < evals.size() with p(t) = evals[t]; evals non-empty.
template <ExtensionField E>
E interpolate_at(std::span<const std::type_identity_t<E>> evals, E x) {
  using F = typename E::Base;
  const std::size_t n = evals.size();
  if (n == 0) throw std::invalid_argument("interpolate_at: no evaluations");
  E sum = E::zero();
  for (std::size_t i = 0; i < n; ++i) {
    // L_i(x) = prod_{j != i} (x - j) / (i - j)
    E num = E::one();
    F den = F::one();
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      num *= x - F::from_u64(j);
      den *= F::from_u64(i) - F::from_u64(j);
    }
    sum += evals[i] * (num * den.inverse());
  }
  return sum;
}

// p(0), ..., p(count - 1) for the same polynomial (count >= evals.size()).
template <std::ranges::contiguous_range R>
auto extend_evals(const R& evals, std::size_t count) {
  using E = std::ranges::range_value_t<R>;
  if (count < std::ranges::size(evals))
    throw std::invalid_argument("extend_evals: count below input size");
  std::vector<E> out(std::ranges::begin(evals), std::ranges::end(evals));
  for (std::size_t t = out.size(); t < count; ++t)
    out.push_back(interpolate_at<E>(evals, E(E::Base::from_u64(t))));
  return out;
}

}  // namespace kprove
