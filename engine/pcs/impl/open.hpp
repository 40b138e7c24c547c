// basefold_open (declared in engine/pcs/basefold.hpp): the host driver of the three phases,
// with the device work in kernels/pcs/.
#pragma once

#include <array>
#include <string>

#include "engine/algebra/algebra.hpp"
#include "engine/log.hpp"
#include "engine/transcript/grind.hpp"
#include "kernels/mle/team_sums.hpp"
#include "kernels/pcs/combine.hpp"
#include "kernels/pcs/fold.hpp"
#include "kernels/pcs/round_sums.hpp"
#include "kernels/pcs/tables.hpp"

namespace kprove {

namespace pcs::detail {

static_assert(sizeof(Ext) == Ext::DEGREE * sizeof(Felt),
              "a folded layer is hashed as the base coefficients of its entry pairs");

template <class ViewT>
std::vector<Ext> download(const ViewT& v) {
  const auto h = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), v);
  return std::vector<Ext>(h.data(), h.data() + h.size());
}

// Matrices of one height share a table group: row r of f is member r's combined MLE.
template <class Mem>
struct TableGroup {
  int vars;
  std::vector<std::size_t> members;
  Owned<Mat<Ext, Mem>> f;
};

template <class Exec, class Mem>
std::vector<TableGroup<Mem>> combine_tables(const Exec& exec, MemoryLedger& ledger,
                                            const BatchLayout& layout,
                                            const std::vector<Mat<Felt, Mem>>& matrices,
                                            const std::vector<Ext>& alpha_powers) {
  std::vector<TableGroup<Mem>> groups;
  for (int v = layout.max_vars; v >= 0; --v) {
    auto members = layout.with_vars(v);
    if (members.empty()) continue;
    TableGroup<Mem> g{
        v, members,
        alloc_mat<Ext, Mem>(ledger, "pcs::combined tables", members.size(), std::size_t(1) << v)};
    for (std::size_t r = 0; r < members.size(); ++r) {
      const auto coef =
          upload_vec<Mem>(exec, ledger, "pcs::column coefficients",
                          column_coefficients(layout, alpha_powers, members[r], Ext::one()));
      combine_columns(exec, matrices[members[r]], coef.view(),
                      Kokkos::subview(g.f.view(), r, Kokkos::ALL), false);
      exec.fence();  // `coef` is freed on scope exit
    }
    groups.push_back(std::move(g));
  }
  return groups;
}

// Phase 2 of basefold.hpp: returns y_k = f_k(s_k) per matrix and appends the challenges to s.
template <class Exec, class Mem>
std::vector<Ext> reduce_points(const Exec& exec, MemoryLedger& ledger, const BatchLayout& layout,
                               const std::vector<TableGroup<Mem>>& groups,
                               const std::vector<std::vector<Ext>>& points,
                               TeamSums<Exec, Ext>& sums, Transcript& transcript,
                               BasefoldProof& proof, std::vector<Ext>& s) {
  struct Active {
    const TableGroup<Mem>* group;
    Mat<Ext, Mem> a;             // the group's MLEs with the bound variables fixed
    Owned<Mat<Ext, Mem>> a_own;  // empty until the first fold (a = group->f before)
    Owned<Mat<Ext, Mem>> q;      // eq(z_k, .) over the unbound variables, times the bound
                                 // variables' eq factors (folding eq tables keeps those)
  };
  std::vector<Active> active;
  std::size_t next = 0;  // groups are ordered by height, tallest first
  const int V = layout.max_vars;
  for (int t = 0; t < V; ++t) {
    for (; next < groups.size() && groups[next].vars == V - t; ++next) {
      const auto& g = groups[next];
      auto q = alloc_mat<Ext, Mem>(ledger, "pcs::reduction eq tables", g.members.size(),
                                   std::size_t(1) << g.vars);
      for (std::size_t r = 0; r < g.members.size(); ++r)
        eq_table_lsb_first(exec, points[g.members[r]], Kokkos::subview(q.view(), r, Kokkos::ALL));
      active.push_back(Active{&g, g.f.view(), {}, std::move(q)});
    }
    std::array<Ext, 3> h = {Ext::zero(), Ext::zero(), Ext::zero()};
    for (const auto& st : active) {
      const auto part = product_round(sums, st.a, st.q.view());
      for (int i = 0; i < 3; ++i) h[i] += part[i];
    }
    proof.reduction_rounds.push_back(h);
    for (Ext x : h) transcript.absorb(x);
    const Ext r = transcript.challenge_ext();
    s.push_back(r);
    for (auto& st : active) {
      const std::size_t rows = st.a.extent(0), half = st.a.extent(1) / 2;
      auto a = alloc_mat<Ext, Mem>(ledger, "pcs::reduction tables", rows, half);
      auto q = alloc_mat<Ext, Mem>(ledger, "pcs::reduction eq tables", rows, half);
      fold_tables(exec, st.a, a.view(), r);
      fold_tables(exec, st.q.view(), q.view(), r);
      exec.fence();  // the old tables are freed below
      st.a_own = std::move(a);
      st.a = st.a_own.view();
      st.q = std::move(q);
    }
  }
  std::vector<Ext> reduced(layout.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    // Groups never activated have no variables: their table is already the value.
    const auto values = download(i < active.size() ? active[i].a : groups[i].f.view());
    for (std::size_t r = 0; r < groups[i].members.size(); ++r)
      reduced[groups[i].members[r]] = values[r];
  }
  return reduced;
}

template <class Mem>
struct FoldedLayers {
  std::vector<Owned<Vec<Ext, Mem>>> codewords;  // layers 1 .. T-1
  std::vector<MerkleTree<Mem>> trees;
};

// Phase 3 of basefold.hpp: the Basefold sumcheck with codeword folding; fills fold_rounds,
// layer_roots and final_message, and returns the committed layers for the queries.
template <class Exec, class Mem>
FoldedLayers<Mem> fold_phase(const Exec& exec, MemoryLedger& ledger,
                             const BasefoldCommitment<Mem>& commitment,
                             const std::vector<TableGroup<Mem>>& groups,
                             const std::vector<Ext>& alpha_powers,
                             const std::vector<Ext>& beta_powers, const std::vector<Ext>& s,
                             TeamSums<Exec, Ext>& sums, Transcript& transcript,
                             BasefoldProof& proof) {
  const auto& layout = commitment.layout();
  const int V = layout.max_vars, T = layout.fold_rounds, L = layout.log_max_codeword;
  FoldedLayers<Mem> layers;
  Owned<Vec<Ext, Mem>> first;     // layer 0, never committed
  Owned<Vec<Felt, Mem>> weights;  // 1 / (2x) of every fold pair
  if (T > 0) {
    first = alloc_vec<Ext, Mem>(ledger, "pcs::folded layer", std::size_t(1) << L);
    zero_fill(exec, first);
    weights = fold_weights<Felt>(exec, ledger, L);
  }
  Vec<Ext, Mem> codeword = first.view();
  auto g = alloc_mat<Ext, Mem>(ledger, "pcs::folded MLE", 1, std::size_t(1) << V);
  zero_fill(exec, g);

  // Matrices with `vars` variables join G and, if `into_codeword`, the running codeword.
  auto join = [&](int vars, bool into_codeword) {
    for (const auto& grp : groups) {
      if (grp.vars != vars) continue;
      std::vector<Ext> coef;
      for (std::size_t k : grp.members) coef.push_back(beta_powers[k]);
      const auto d_coef = upload_vec<Mem>(exec, ledger, "pcs::join coefficients", coef);
      combine_table_rows(exec, grp.f.view(), d_coef.view(),
                         Kokkos::subview(g.view(), 0, Kokkos::ALL), true);
      exec.fence();  // `d_coef` is freed on scope exit
      if (!into_codeword) continue;
      for (std::size_t k : grp.members) {
        const auto cw_coef =
            upload_vec<Mem>(exec, ledger, "pcs::join coefficients",
                            column_coefficients(layout, alpha_powers, k, beta_powers[k]));
        combine_columns(exec, commitment.codeword(k), cw_coef.view(), codeword, true);
        exec.fence();
      }
    }
  };
  auto fold_g = [&](Ext u) {
    auto next = alloc_mat<Ext, Mem>(ledger, "pcs::folded MLE", 1, g.view().extent(1) / 2);
    fold_tables(exec, g.view(), next.view(), u);
    exec.fence();
    g = std::move(next);
  };

  Ext u = Ext::zero();
  for (int t = 0; t < T; ++t) {
    if (t > 0) {
      layers.codewords.push_back(
          alloc_vec<Ext, Mem>(ledger, "pcs::folded layer", std::size_t(1) << (L - t)));
      fold_codeword(exec, codeword, layers.codewords.back().view(), weights.view(), u);
      exec.fence();
      codeword = layers.codewords.back().view();
      first.release();
      fold_g(u);
    }
    join(V - t, true);
    if (t > 0) {
      const Mat<Felt, Mem> pairs(reinterpret_cast<Felt*>(codeword.data()), codeword.extent(0) / 2,
                                 2 * Ext::DEGREE);
      layers.trees.push_back(MerkleTree<Mem>::build(exec, ledger, {pairs}));
      proof.layer_roots.push_back(layers.trees.back().root());
      transcript.absorb(proof.layer_roots.back());
    }
    auto e = alloc_mat<Ext, Mem>(ledger, "pcs::eq suffix", 1, std::size_t(1) << (V - t - 1));
    eq_table_lsb_first(exec, std::vector<Ext>(s.begin() + t + 1, s.end()),
                       Kokkos::subview(e.view(), 0, Kokkos::ALL));
    const auto l = weighted_halves(sums, g.view(), e.view());
    proof.fold_rounds.push_back(l);
    transcript.absorb(l[0]);
    transcript.absorb(l[1]);
    u = transcript.challenge_ext();
  }
  if (T > 0) fold_g(u);
  join(layout.final_vars, false);
  proof.final_message = download(g.view());
  transcript.absorb(std::span<const Ext>(proof.final_message));
  return layers;
}

}  // namespace pcs::detail

template <class Exec, class Mem>
BasefoldProof basefold_open(const Exec& exec, MemoryLedger& ledger,
                            const BasefoldCommitment<Mem>& commitment,
                            const std::vector<Mat<Felt, Mem>>& matrices,
                            const std::vector<std::vector<Ext>>& points,
                            const std::vector<std::vector<Ext>>& evals, Transcript& transcript) {
  using pcs::absorb_statement;
  const auto& layout = commitment.layout();
  const auto& params = commitment.params();
  if (matrices.size() != layout.size() || points.size() != layout.size() ||
      evals.size() != layout.size())
    throw std::invalid_argument("basefold_open: " + std::to_string(layout.size()) +
                                " committed matrices but " + std::to_string(matrices.size()) +
                                " matrices, " + std::to_string(points.size()) + " points, " +
                                std::to_string(evals.size()) + " evaluation lists");
  for (std::size_t k = 0; k < layout.size(); ++k)
    if (matrices[k].extent(0) != layout.shapes[k].first ||
        matrices[k].extent(1) != layout.shapes[k].second ||
        points[k].size() != std::size_t(layout.num_vars[k]) ||
        evals[k].size() != layout.shapes[k].second)
      throw std::invalid_argument("basefold_open: matrix " + std::to_string(k) +
                                  ": matrix, point or evaluations do not fit the committed " +
                                  std::to_string(layout.shapes[k].first) + " x " +
                                  std::to_string(layout.shapes[k].second) + " shape");
  log::debug(params.describe());

  BasefoldProof proof;
  absorb_statement(transcript, commitment.root(), layout, points, evals);
  const auto alpha_powers = powers(transcript.challenge_ext(), layout.total_columns);
  TeamSums<Exec, Ext> sums(exec, ledger, 3);
  const auto groups = pcs::detail::combine_tables(exec, ledger, layout, matrices, alpha_powers);

  std::vector<Ext> s;
  proof.reduced_evals =
      pcs::detail::reduce_points(exec, ledger, layout, groups, points, sums, transcript, proof, s);
  transcript.absorb(std::span<const Ext>(proof.reduced_evals));
  const auto beta_powers = powers(transcript.challenge_ext(), layout.size());
  const auto layers = pcs::detail::fold_phase(exec, ledger, commitment, groups, alpha_powers,
                                              beta_powers, s, sums, transcript, proof);

  proof.pow_nonce = grind(exec, transcript, params.pow_bits);
  const auto indices =
      transcript.challenge_indices(std::size_t(params.queries), layout.log_max_codeword - 1);
  const auto initial = commitment.tree().open_batch(indices);
  proof.queries.resize(indices.size());
  for (std::size_t q = 0; q < indices.size(); ++q) proof.queries[q].initial = initial[q];
  for (std::size_t t = 1; t <= layers.trees.size(); ++t) {
    std::vector<std::size_t> at(indices.size());
    for (std::size_t q = 0; q < indices.size(); ++q) at[q] = indices[q] >> t;
    auto openings = layers.trees[t - 1].open_batch(at);
    for (std::size_t q = 0; q < indices.size(); ++q)
      proof.queries[q].layers.push_back(std::move(openings[q]));
  }
  return proof;
}

}  // namespace kprove
