// What prover and verifier of the Basefold batch opening derive identically from the public
// shapes and parameters, and the host arithmetic they share.
//
// Variable order: matrix k has v_k = log2(rows_k) variables, variable j = bit j of the row
// index. The reduction sumcheck and the fold rounds bind one variable per round, lowest bit
// first; with V = max v_k, round t binds variable t - (V - v_k) of every matrix with
// v_k >= V - t, so matrix k joins at round V - v_k and its variables meet the LAST v_k
// challenges (s_k = s[V - v_k .. V)). Codeword log sizes follow: L_k = v_k + rate_bits.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "engine/pcs/params.hpp"
#include "engine/transcript/transcript.hpp"
#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove::pcs {

struct BatchLayout {
  std::vector<std::pair<std::size_t, std::size_t>> shapes;  // (rows, cols) per matrix
  std::vector<int> num_vars;
  std::vector<std::size_t> column_offset;  // first global column of each matrix
  std::size_t total_columns = 0;
  int rate_bits = 0;
  int max_vars = 0;     // V
  int final_vars = 0;   // F = min(final_log_size, min v_k): variables left in the final message
  int fold_rounds = 0;  // T = V - F
  int log_max_codeword = 0;

  // Throws std::invalid_argument for no matrices, a zero or non-power-of-two height, zero
  // columns, or a codeword beyond the field's two-adicity.
  static BatchLayout make(const std::vector<std::pair<std::size_t, std::size_t>>& shapes,
                          const PcsParams& params);

  std::size_t size() const { return shapes.size(); }
  // Matrices with exactly `vars` variables, in batch order.
  std::vector<std::size_t> with_vars(int vars) const;
  // The commitment's Merkle matrices: codewords reshaped to (len / 2) x (2 cols), so one leaf
  // row holds both entries of a fold pair.
  std::vector<std::size_t> merkle_heights() const;
  std::vector<std::size_t> merkle_widths() const;
};

// Binds the opening statement: commitment root, shapes, points and claimed evaluations.
void absorb_statement(Transcript& t, const Digest& root, const BatchLayout& layout,
                      const std::vector<std::vector<Ext>>& points,
                      const std::vector<std::vector<Ext>>& evals);

// sum_c alpha^(offset_k + c) * evals[c]: matrix k's claims combined like its columns.
Ext combine_claims(const BatchLayout& layout, const std::vector<Ext>& alpha_powers, std::size_t k,
                   const std::vector<Ext>& evals);

// The combination coefficients of matrix k's columns, times `scale`.
std::vector<Ext> column_coefficients(const BatchLayout& layout,
                                     const std::vector<Ext>& alpha_powers, std::size_t k,
                                     Ext scale);

// The final codeword's entry at `pos` for message m (as coefficients) at log size log_size.
Ext encode_at(const std::vector<Ext>& m, int log_size, std::size_t pos);

}  // namespace kprove::pcs
