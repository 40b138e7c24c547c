// build_tower and prove_tower (declared in engine/prover/tower.hpp).
#pragma once

#include <stdexcept>
#include <string>

#include "engine/sumcheck/expr_instance.hpp"
#include "engine/sumcheck/prover.hpp"
#include "kernels/mle/mle.hpp"
#include "kernels/tower/layers.hpp"

namespace kprove {

template <class Exec>
Tower<typename Exec::memory_space> build_tower(
    const Exec& exec, MemoryLedger& ledger,
    const std::vector<TowerLeaves<typename Exec::memory_space>>& trees) {
  using Mem = typename Exec::memory_space;
  std::vector<int> heights;
  for (std::size_t t = 0; t < trees.size(); ++t) {
    if (trees[t].p.extent(0) != trees[t].q.extent(0))
      throw std::invalid_argument("build_tower: tree " + std::to_string(t) +
                                  " has numerators and denominators of different sizes");
    heights.push_back(mle_num_vars(trees[t].p.extent(0), "build_tower"));
  }
  Tower<Mem> tower{detail::TowerShape(std::move(heights)), {}};
  const detail::TowerShape& shape = tower.shape;
  const int top = shape.max_height;
  tower.layers.resize(std::size_t(top) + 1);
  // Bottom-up: layer k holds the parents of the taller trees and the leaves of those of
  // height exactly k.
  for (int k = top; k >= 1; --k) {
    const std::size_t wide = shape.active(k), below = k < top ? shape.active(k + 1) : 0;
    tower.layers[k] = alloc_mat<Ext, Mem>(ledger, "tower:layer", std::size_t(1) << k, 2 * wide);
    const auto& layer = tower.layers[k].view();
    if (below > 0) tower_parents(exec, tower.layers[k + 1].view(), layer, below);
    for (std::size_t s = below; s < wide; ++s) {
      const auto& leaves = trees[shape.order[s]];
      tower_load_leaves(exec, leaves.p, leaves.q, layer, s);
    }
  }
  exec.fence();
  return tower;
}

template <class Exec>
TowerOutput prove_tower(const Exec& exec, MemoryLedger& ledger,
                        Tower<typename Exec::memory_space>&& tower, Transcript& transcript) {
  using Mem = typename Exec::memory_space;
  Tower<Mem> t = std::move(tower);
  const detail::TowerShape& shape = t.shape;
  detail::absorb_tower_statement(transcript, shape);
  TowerOutput out;
  {
    const auto top = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), t.layers[1].view());
    out.proof.top.assign(top.data(), top.data() + top.size());
  }
  t.layers[1].release();
  detail::TowerWalk walk(shape);
  walk.set_roots(out.proof.top);
  transcript.absorb(std::span<const Ext>(out.proof.top));
  walk.descend(out.proof.top, {}, transcript.challenge_ext());
  for (int k = 1; k < shape.max_height; ++k) {
    const std::size_t below = shape.active(k + 1);
    const Ext eta = transcript.challenge_ext();
    const auto program =
        ExprProgram<Mem, Felt>::compile(exec, detail::tower_layer_exprs(below), ledger);
    const auto& layer = t.layers[k + 1].view();
    // Both children of row y sit in rows 2y, 2y + 1: one row of the (2^k x 4 below) view.
    const Kokkos::View<const Ext**, Kokkos::LayoutRight, Mem> children(
        layer.data(), layer.extent(0) / 2, 2 * layer.extent(1));
    SumcheckOutput layer_out;
    {
      ExprInstance<Exec, Ext> instance(exec, children, program, eta, walk.point(), ledger,
                                       walk.layer_sum(eta));
      SumcheckInstance* instances[] = {&instance};
      layer_out = prove_sumcheck(transcript, instances);
    }
    t.layers[k + 1].release();
    walk.descend(layer_out.proof.final_evals[0], layer_out.point, transcript.challenge_ext());
    out.proof.layers.push_back(std::move(layer_out.proof));
  }
  out.claims = walk.take();
  return out;
}

}  // namespace kprove
