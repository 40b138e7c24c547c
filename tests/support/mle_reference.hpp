// Plain host references for MLE code (kernels/mle/mle.hpp order: x_1 = most significant bit),
// and row-major tables on any memory space.
#pragma once

#include <Kokkos_Core.hpp>
#include <vector>

#include "kernels/field/traits.hpp"

namespace kprove::test {

// f (entries in E or its base field) with x_1 fixed to r.
template <class V, ExtensionField E>
std::vector<E> ref_fold(const std::vector<V>& f, E r) {
  const std::size_t half = f.size() / 2;
  std::vector<E> out(half);
  for (std::size_t i = 0; i < half; ++i) out[i] = E(f[i]) + r * (E(f[i + half]) - E(f[i]));
  return out;
}

template <class V, ExtensionField E>
E ref_evaluate(const std::vector<V>& f, const std::vector<E>& point) {
  std::vector<E> cur;
  for (const V& x : f) cur.push_back(E(x));
  for (E r : point) cur = ref_fold(cur, r);
  return cur.at(0);
}

// g(t) = sum_{j < half} prod_k ((1 - t) f_k(j) + t f_k(j + half)) for t = 0..d: a product
// sumcheck's round polynomial from its d tables (entries in a field or its extension).
template <class V>
std::vector<challenge_t<V>> ref_product_round(const std::vector<std::vector<V>>& fs) {
  using E = challenge_t<V>;
  const std::size_t half = fs[0].size() / 2;
  std::vector<E> g(fs.size() + 1, E::zero());
  for (std::size_t t = 0; t < g.size(); ++t) {
    const auto x = E::Base::from_u64(t);
    for (std::size_t j = 0; j < half; ++j) {
      E p = E::one();
      for (const auto& f : fs) p *= E(f[j]) + (E(f[j + half]) - E(f[j])) * x;
      g[t] += p;
    }
  }
  return g;
}

// Column c of a row-major rows x cols table.
template <class F>
std::vector<F> column(const std::vector<F>& flat, std::size_t cols, std::size_t c) {
  std::vector<F> out;
  for (std::size_t i = c; i < flat.size(); i += cols) out.push_back(flat[i]);
  return out;
}

template <class F, class Mem>
Kokkos::View<F**, Kokkos::LayoutRight, Mem> to_device_table(const std::vector<F>& flat,
                                                            std::size_t rows, std::size_t cols) {
  Kokkos::View<F**, Kokkos::LayoutRight, Mem> t("table", rows, cols);
  auto h = Kokkos::create_mirror_view(t);
  for (std::size_t i = 0; i < rows * cols; ++i) h.data()[i] = flat[i];
  Kokkos::deep_copy(t, h);
  return t;
}

}  // namespace kprove::test
