// Basefold multilinear polynomial commitment for a batch of matrices of different heights
// (all chips of a shard), as in Ceno's mpcs: Reed-Solomon codewords of the evaluation tables,
// one mixed-height Merkle root, openings by sumcheck interleaved with codeword folding.
//
// Conventions (the caller must follow them):
//  * Matrix k (rows_k x cols_k, rows_k = 2^v_k) holds cols_k multilinear polynomials in
//    v_k variables, one per column, the row index being the hypercube point.
//  * A point z (v_k Ext coordinates) binds z[j] to bit j of the row index (z[0] = LEAST
//    significant bit): f(z) = sum_x f[x] prod_j (x_j ? z_j : 1 - z_j). A point in kernels/mle
//    order (first coordinate = most significant bit) is passed reversed.
//  * Codewords: column c's evaluations, read as the coefficients of a univariate polynomial,
//    evaluated on the subgroup of order rows_k << rate_bits in bit-reversed order, so a fold
//    pair (x, -x) is two adjacent rows and folding fixes variable 0 (kernels/pcs/fold.hpp).
//
// Opening protocol (one Fiat-Shamir transcript; impl/protocol.hpp fixes the layout):
//  1. Columns are combined with powers of alpha, so matrix k becomes one MLE f_k.
//  2. Point reduction: a batched sumcheck of sum_k sum_x eq(z_k, x) f_k(x) (degree 2, lowest
//     variable first, matrix k joining at round V - v_k) reduces every claim to one common
//     challenge vector s; the prover sends y_k = f_k(s_k) and the verifier checks
//     sum_k eq(z_k, s_k) y_k against the sumcheck. A separate phase because the folded
//     codeword can only carry ONE fixed linear combination of the f_k, whereas the claims
//     at distinct points weight each f_k by its own eq factor.
//  3. Basefold: with fresh beta, G = sum_k beta^k f_k and claim sum_k beta^k y_k at the common
//     point s. Each round sends L(0), L(1) with L(X) = sum_x eq(s_rest, x) G(X, x), draws u_t,
//     folds G and the combined codeword with u_t; codewords of matrix k join the running one
//     when its size reaches theirs (beta^k times their column combination), and every folded
//     layer after the first is committed (root absorbed). Folding stops at F variables; the
//     final message is sent in the clear and checked against the last claim.
//  4. Proof of work, then `queries` fold-pair indices; each opens the batch commitment and
//     every committed folded layer, and the verifier replays the folds down to the final
//     message's encoding.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "engine/pcs/impl/protocol.hpp"
#include "engine/pcs/params.hpp"
#include "engine/pcs/proof.hpp"
#include "engine/pcs/verify.hpp"
#include "engine/transcript/transcript.hpp"
#include "kernels/merkle/merkle_tree.hpp"
#include "kernels/ntt/ntt.hpp"
#include "views/owned.hpp"

namespace kprove {

// The prover's side of a batch commitment: codewords and Merkle tree, booked in the ledger.
// The committed matrices themselves are not kept.
template <class Mem>
class BasefoldCommitment {
 public:
  BasefoldCommitment(PcsParams params, pcs::BatchLayout layout,
                     std::vector<Owned<Mat<Felt, Mem>>> codewords, MerkleTree<Mem> tree)
      : params_(params),
        layout_(std::move(layout)),
        codewords_(std::move(codewords)),
        tree_(std::move(tree)) {}

  Digest root() const { return tree_.root(); }
  // (rows, cols) of each committed matrix, in batch order.
  const std::vector<std::pair<std::size_t, std::size_t>>& shapes() const { return layout_.shapes; }
  const PcsParams& params() const { return params_; }
  const pcs::BatchLayout& layout() const { return layout_; }
  // Matrix k's codeword, (rows_k << rate_bits) x cols_k, bit-reversed row order.
  const Mat<Felt, Mem>& codeword(std::size_t k) const { return codewords_.at(k).view(); }
  const MerkleTree<Mem>& tree() const { return tree_; }
  std::size_t bytes() const {
    std::size_t b = tree_.bytes();
    for (const auto& c : codewords_) b += c.bytes();
    return b;
  }

 private:
  PcsParams params_;
  pcs::BatchLayout layout_;
  std::vector<Owned<Mat<Felt, Mem>>> codewords_;
  MerkleTree<Mem> tree_;
};

// Encodes every matrix and commits all codewords under one root. `twiddles` must cover the
// tallest matrix's height. Throws std::invalid_argument for bad shapes or parameters.
template <class Exec, class Mem>
BasefoldCommitment<Mem> basefold_commit(const Exec& exec, MemoryLedger& ledger,
                                        const std::vector<Mat<Felt, Mem>>& matrices,
                                        const PcsParams& params, const NttTwiddles<Mem>& twiddles);

// Opens matrix k at points[k] (v_k coordinates) with claimed evaluations evals[k] (one per
// column). `matrices` are the committed matrices, unchanged. The claims are not checked: a
// wrong claim yields a proof the verifier rejects. Throws std::invalid_argument on shape
// mismatches.
template <class Exec, class Mem>
BasefoldProof basefold_open(const Exec& exec, MemoryLedger& ledger,
                            const BasefoldCommitment<Mem>& commitment,
                            const std::vector<Mat<Felt, Mem>>& matrices,
                            const std::vector<std::vector<Ext>>& points,
                            const std::vector<std::vector<Ext>>& evals, Transcript& transcript);

}  // namespace kprove

#include "engine/pcs/impl/commit.hpp"
#include "engine/pcs/impl/open.hpp"
