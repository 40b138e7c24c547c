#include "engine/algebra/algebra.hpp"

#include <stdexcept>

namespace kprove {

Ext eq_eval(std::span<const Ext> a, std::span<const Ext> b) {
  if (a.size() != b.size()) throw std::invalid_argument("eq_eval: points differ in length");
  Ext acc = Ext::one();
  for (std::size_t j = 0; j < a.size(); ++j) {
    const Ext ab = a[j] * b[j];
    acc *= ab + ab + Ext::one() - a[j] - b[j];  // a b + (1 - a)(1 - b)
  }
  return acc;
}

std::vector<Ext> powers(Ext base, std::size_t n) {
  std::vector<Ext> p(n);
  Ext x = Ext::one();
  for (auto& e : p) {
    e = x;
    x *= base;
  }
  return p;
}

Ext dot_powers(std::span<const Ext> values, Ext base) {
  Ext acc = Ext::zero();
  for (std::size_t i = values.size(); i-- > 0;) acc = acc * base + values[i];
  return acc;
}

Ext interpolate_at(std::span<const Ext> evals, Ext x) {
  const std::size_t n = evals.size();
  if (n == 0) throw std::invalid_argument("interpolate_at: no evaluations");
  Ext sum = Ext::zero();
  for (std::size_t i = 0; i < n; ++i) {
    // L_i(x) = prod_{j != i} (x - j) / (i - j)
    Ext num = Ext::one();
    Felt den = Felt::one();
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      num *= x - Felt::from_u64(j);
      den *= Felt::from_u64(i) - Felt::from_u64(j);
    }
    sum += evals[i] * (num * den.inverse());
  }
  return sum;
}

std::vector<Ext> extend_evals(std::span<const Ext> evals, std::size_t count) {
  if (count < evals.size()) throw std::invalid_argument("extend_evals: count below input size");
  std::vector<Ext> out(evals.begin(), evals.end());
  for (std::size_t t = evals.size(); t < count; ++t)
    out.push_back(interpolate_at(evals, Ext(Felt::from_u64(t))));
  return out;
}

}  // namespace kprove
