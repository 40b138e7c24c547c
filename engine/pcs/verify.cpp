// basefold_verify: replays the transcript of basefold_open (impl/open.hpp) on the host.
#include "engine/pcs/verify.hpp"

#include <string>

#include "engine/algebra/algebra.hpp"
#include "engine/pcs/impl/protocol.hpp"
#include "engine/proof/verify_error.hpp"
#include "kernels/merkle/merkle_verify.hpp"
#include "kernels/pcs/fold.hpp"

namespace kprove {

namespace {

using pcs::BatchLayout;

[[noreturn]] void reject(const std::string& why) {
  throw VerifyError("Basefold verification failed: " + why);
}

void check_count(const char* what, std::size_t have, std::size_t want) {
  if (have != want)
    reject("proof shape: " + std::to_string(have) + " " + what + ", expected " +
           std::to_string(want));
}

void check_shapes(const BatchLayout& layout, const std::vector<std::vector<Ext>>& points,
                  const std::vector<std::vector<Ext>>& evals, const BasefoldProof& proof,
                  const PcsParams& params) {
  const std::size_t K = layout.size();
  if (points.size() != K || evals.size() != K)
    reject("statement: " + std::to_string(K) + " matrices but " + std::to_string(points.size()) +
           " points and " + std::to_string(evals.size()) + " evaluation lists");
  for (std::size_t k = 0; k < K; ++k)
    if (points[k].size() != std::size_t(layout.num_vars[k]) ||
        evals[k].size() != layout.shapes[k].second)
      reject("statement: matrix " + std::to_string(k) + " needs a point of " +
             std::to_string(layout.num_vars[k]) + " coordinates and " +
             std::to_string(layout.shapes[k].second) + " evaluations");
  const std::size_t T = std::size_t(layout.fold_rounds);
  const std::size_t committed_layers = T > 0 ? T - 1 : 0;
  check_count("reduction rounds", proof.reduction_rounds.size(), std::size_t(layout.max_vars));
  check_count("reduced evaluations", proof.reduced_evals.size(), K);
  check_count("fold rounds", proof.fold_rounds.size(), T);
  check_count("layer roots", proof.layer_roots.size(), committed_layers);
  check_count("final message entries", proof.final_message.size(),
              std::size_t(1) << layout.final_vars);
  check_count("queries", proof.queries.size(), std::size_t(params.queries));
  for (const auto& q : proof.queries)
    check_count("layer openings in a query", q.layers.size(), committed_layers);
}

// sum_x eq(z, x) m[x] over the hypercube of m's variables (z[j] <-> bit j of x).
Ext eq_weighted_sum(const std::vector<Ext>& m, const Ext* z) {
  Ext sum = Ext::zero();
  for (std::size_t x = 0; x < m.size(); ++x) {
    Ext w = Ext::one();
    for (std::size_t j = 0; (std::size_t(1) << j) < m.size(); ++j)
      w *= ((x >> j) & 1) ? z[j] : Ext::one() - z[j];
    sum += w * m[x];
  }
  return sum;
}

// Point reduction (phase 2 of basefold.hpp); returns the challenge vector s.
std::vector<Ext> verify_reduction(const BatchLayout& layout,
                                  const std::vector<std::vector<Ext>>& points,
                                  const std::vector<std::vector<Ext>>& evals,
                                  const std::vector<Ext>& alpha_powers, const BasefoldProof& proof,
                                  Transcript& transcript) {
  const int V = layout.max_vars;
  Ext claim = Ext::zero();
  auto join = [&](int vars) {
    for (std::size_t k : layout.with_vars(vars))
      claim += pcs::combine_claims(layout, alpha_powers, k, evals[k]);
  };
  std::vector<Ext> s;
  for (int t = 0; t < V; ++t) {
    join(V - t);
    const auto& h = proof.reduction_rounds[t];
    if (h[0] + h[1] != claim)
      reject("reduction round " + std::to_string(t) + ": h(0) + h(1) differs from the claim");
    for (Ext x : h) transcript.absorb(x);
    s.push_back(transcript.challenge_ext());
    claim = interpolate_at(h, s.back());
  }
  join(0);
  Ext expected = Ext::zero();
  for (std::size_t k = 0; k < layout.size(); ++k)
    expected += eq_eval(points[k], std::span<const Ext>(s).last(layout.num_vars[k])) *
                proof.reduced_evals[k];
  if (expected != claim)
    reject("reduced evaluations: sum_k eq(z_k, s_k) y_k differs from the reduction's claim");
  return s;
}

// Basefold sumcheck (phase 3); returns the fold challenges u.
std::vector<Ext> verify_folds(const BatchLayout& layout, const std::vector<Ext>& beta_powers,
                              const std::vector<Ext>& s, const BasefoldProof& proof,
                              Transcript& transcript) {
  const int V = layout.max_vars, T = layout.fold_rounds;
  Ext claim = Ext::zero();
  auto join = [&](int vars) {
    for (std::size_t k : layout.with_vars(vars)) claim += beta_powers[k] * proof.reduced_evals[k];
  };
  std::vector<Ext> u;
  for (int t = 0; t < T; ++t) {
    join(V - t);
    if (t > 0) transcript.absorb(proof.layer_roots[t - 1]);
    const auto& l = proof.fold_rounds[t];
    if ((Ext::one() - s[t]) * l[0] + s[t] * l[1] != claim)
      reject("fold round " + std::to_string(t) + ": eq-weighted L(0), L(1) differ from the claim");
    transcript.absorb(l[0]);
    transcript.absorb(l[1]);
    u.push_back(transcript.challenge_ext());
    claim = l[0] + u.back() * (l[1] - l[0]);
  }
  join(layout.final_vars);
  if (eq_weighted_sum(proof.final_message, s.data() + T) != claim)
    reject("final message: its eq-weighted sum differs from the last fold claim");
  transcript.absorb(std::span<const Ext>(proof.final_message));
  return u;
}

// Replays one query's folds from the batch commitment to the final message's encoding.
class QueryChecker {
 public:
  QueryChecker(const Digest& root, const BatchLayout& layout, const BasefoldProof& proof,
               const std::vector<Ext>& alpha_powers, const std::vector<Ext>& beta_powers,
               const std::vector<Ext>& u)
      : root_(root),
        layout_(layout),
        proof_(proof),
        alpha_(alpha_powers),
        beta_(beta_powers),
        u_(u),
        heights_(layout.merkle_heights()),
        widths_(layout.merkle_widths()) {
    for (int t = 0; t < layout.fold_rounds; ++t)
      w_inv_.push_back(Felt::two_adic_generator(layout.log_max_codeword - t).inverse());
  }

  void check(std::size_t i, std::size_t q) const {
    const auto& qp = proof_.queries[i];
    const std::string where = "query " + std::to_string(i) + " (pair " + std::to_string(q) + ")";
    if (!verify_merkle_opening(root_, heights_, widths_, q, qp.initial))
      reject(where + ": batch commitment opening does not verify");
    const int V = layout_.max_vars, T = layout_.fold_rounds, L = layout_.log_max_codeword;
    if (T == 0) {
      for (std::size_t pos : {2 * q, 2 * q + 1})
        if (joined(qp, V, pos) != pcs::encode_at(proof_.final_message, L, pos))
          reject(where + ": committed values differ from the final message's encoding");
      return;
    }
    Ext value = fold(joined(qp, V, 2 * q), joined(qp, V, 2 * q + 1), 0, q);
    std::size_t pos = q;  // of `value` in layer t
    for (int t = 1; t < T; ++t) {
      const MerkleOpening& o = qp.layers[t - 1];
      const std::size_t pair = pos >> 1;
      if (!verify_merkle_opening(proof_.layer_roots[t - 1], {std::size_t(1) << (L - t - 1)},
                                 {std::size_t(2 * Ext::DEGREE)}, pair, o))
        reject(where + ": layer " + std::to_string(t) + " opening does not verify");
      const auto& row = o.rows[0];
      const Ext a = Ext::from_coeffs(row.data()), b = Ext::from_coeffs(row.data() + Ext::DEGREE);
      if (value + joined(qp, V - t, pos) != ((pos & 1) ? b : a))
        reject(where + ": layer " + std::to_string(t) + " differs from the fold of layer " +
               std::to_string(t - 1));
      value = fold(a, b, t, pair);
      pos = pair;
    }
    if (value + joined(qp, layout_.final_vars, pos) !=
        pcs::encode_at(proof_.final_message, L - T, pos))
      reject(where + ": last fold differs from the final message's encoding");
  }

 private:
  Ext fold(Ext a, Ext b, int t, std::size_t pair) const {
    return pcs::fold_pair(a, b, u_[t],
                          pcs::fold_weight(w_inv_[t], layout_.log_max_codeword - t - 1, pair));
  }
  // sum over matrices with `vars` variables of beta^k * (column combination at entry pos & 1
  // of their opened fold pair): what joins the running codeword at position pos.
  Ext joined(const BasefoldQueryProof& qp, int vars, std::size_t pos) const {
    Ext sum = Ext::zero();
    for (std::size_t k : layout_.with_vars(vars)) {
      const std::size_t cols = layout_.shapes[k].second, base = (pos & 1) * cols;
      const auto& row = qp.initial.rows[k];
      Ext comb = Ext::zero();
      for (std::size_t c = 0; c < cols; ++c)
        comb += alpha_[layout_.column_offset[k] + c] * row[base + c];
      sum += beta_[k] * comb;
    }
    return sum;
  }

  const Digest& root_;
  const BatchLayout& layout_;
  const BasefoldProof& proof_;
  const std::vector<Ext>&alpha_, &beta_, &u_;
  std::vector<std::size_t> heights_, widths_;
  std::vector<Felt> w_inv_;  // generator inverse of each folded layer
};

}  // namespace

void basefold_verify(const Digest& root,
                     const std::vector<std::pair<std::size_t, std::size_t>>& shapes,
                     const std::vector<std::vector<Ext>>& points,
                     const std::vector<std::vector<Ext>>& evals, const BasefoldProof& proof,
                     const PcsParams& params, Transcript& transcript) {
  BatchLayout layout;
  try {
    layout = BatchLayout::make(shapes, params);
  } catch (const std::invalid_argument& e) {
    reject(std::string("statement: ") + e.what());
  }
  check_shapes(layout, points, evals, proof, params);

  pcs::absorb_statement(transcript, root, layout, points, evals);
  const auto alpha_powers = powers(transcript.challenge_ext(), layout.total_columns);
  const auto s = verify_reduction(layout, points, evals, alpha_powers, proof, transcript);
  transcript.absorb(std::span<const Ext>(proof.reduced_evals));
  const auto beta_powers = powers(transcript.challenge_ext(), layout.size());
  const auto u = verify_folds(layout, beta_powers, s, proof, transcript);

  if (!transcript.check_pow(params.pow_bits, proof.pow_nonce))
    reject("proof of work: nonce " + std::to_string(proof.pow_nonce) + " lacks " +
           std::to_string(params.pow_bits) + " leading zero bits");
  const auto indices =
      transcript.challenge_indices(std::size_t(params.queries), layout.log_max_codeword - 1);
  const QueryChecker checker(root, layout, proof, alpha_powers, beta_powers, u);
  for (std::size_t i = 0; i < indices.size(); ++i) checker.check(i, indices[i]);
}

}  // namespace kprove
