// Device side of the LogUp GKR tower: the layers of fractional-sum trees.
//
// A layer holding W trees is a row-major extension-field matrix (2^k rows x 2W columns): tree w's
// numerator in column 2w, its denominator in column 2w + 1. The parent of rows 2i and 2i + 1
// of layer k + 1 is row i of layer k (the LAST variable is the child bit), combined as
//   (pL, qL) + (pR, qR) = (pL qR + pR qL, qL qR),
// so layer k + 1 read as a (2^k x 4W) matrix has both children of row i in its row i: the
// table a layer sumcheck binds, with no copy.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace kprove {

namespace detail {

template <class Leaves, class Layer>
struct TowerLoadLeaves {
  Leaves p, q;
  Layer layer;
  std::size_t col;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    layer(i, col) = p(i);
    layer(i, col + 1) = q(i);
  }
};

template <class Child, class Layer>
struct TowerParents {
  using E = typename Layer::non_const_value_type;
  Child child;
  Layer layer;
  std::size_t trees;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t idx) const {
    const std::size_t i = idx / trees, w = idx % trees;
    const E pl = child(2 * i, 2 * w), ql = child(2 * i, 2 * w + 1);
    const E pr = child(2 * i + 1, 2 * w), qr = child(2 * i + 1, 2 * w + 1);
    layer(i, 2 * w) = pl * qr + pr * ql;
    layer(i, 2 * w + 1) = ql * qr;
  }
};

}  // namespace detail

// Copies one tree's leaves p, q (layer.extent(0) entries each) into columns 2 tree, 2 tree + 1.
template <class Exec, class Leaves, class Layer>
void tower_load_leaves(const Exec& exec, const Leaves& p, const Leaves& q, const Layer& layer,
                       std::size_t tree) {
  const std::size_t rows = layer.extent(0);
  if (p.extent(0) != rows || q.extent(0) != rows || 2 * tree + 2 > layer.extent(1))
    throw std::invalid_argument("tower_load_leaves: " + std::to_string(p.extent(0)) + "/" +
                                std::to_string(q.extent(0)) + " leaves for a layer of " +
                                std::to_string(rows) + " rows, tree " + std::to_string(tree));
  Kokkos::parallel_for("kprove::tower_load_leaves", Kokkos::RangePolicy<Exec>(exec, 0, rows),
                       detail::TowerLoadLeaves<Leaves, Layer>{p, q, layer, 2 * tree});
}

// Layer k's first `trees` trees from layer k + 1 (child: 2 rows(layer) rows, >= 2 trees cols).
template <class Exec, class Child, class Layer>
void tower_parents(const Exec& exec, const Child& child, const Layer& layer, std::size_t trees) {
  const std::size_t rows = layer.extent(0);
  if (child.extent(0) != 2 * rows || 2 * trees > child.extent(1) || 2 * trees > layer.extent(1))
    throw std::invalid_argument("tower_parents: child layer " + std::to_string(child.extent(0)) +
                                " x " + std::to_string(child.extent(1)) + " does not fit " +
                                std::to_string(rows) + " rows of " + std::to_string(trees) +
                                " trees");
  Kokkos::parallel_for("kprove::tower_parents", Kokkos::RangePolicy<Exec>(exec, 0, rows * trees),
                       detail::TowerParents<Child, Layer>{child, layer, trees});
}

}  // namespace kprove
