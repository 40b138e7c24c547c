#include "engine/pcs/impl/protocol.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "kernels/bits/bits.hpp"
#include "kernels/pcs/fold.hpp"

namespace kprove::pcs {

BatchLayout BatchLayout::make(const std::vector<std::pair<std::size_t, std::size_t>>& shapes,
                              const PcsParams& params) {
  params.validate();
  if (shapes.empty()) throw std::invalid_argument("Basefold: the batch has no matrices");
  BatchLayout l;
  l.shapes = shapes;
  l.rate_bits = params.rate_bits;
  int min_vars = Felt::TWO_ADICITY;
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    const auto [rows, cols] = shapes[k];
    if (rows == 0 || (rows & (rows - 1)) != 0 || cols == 0)
      throw std::invalid_argument("Basefold: matrix " + std::to_string(k) + " is " +
                                  std::to_string(rows) + " x " + std::to_string(cols) +
                                  "; heights must be powers of two and widths nonzero");
    const int v = log2_floor(rows);
    if (v + params.rate_bits > Felt::TWO_ADICITY)
      throw std::invalid_argument("Basefold: matrix " + std::to_string(k) + " has 2^" +
                                  std::to_string(v) + " rows; its codeword exceeds 2^32");
    l.num_vars.push_back(v);
    l.column_offset.push_back(l.total_columns);
    l.total_columns += cols;
    l.max_vars = std::max(l.max_vars, v);
    min_vars = std::min(min_vars, v);
  }
  l.final_vars = std::min(params.final_log_size, min_vars);
  l.fold_rounds = l.max_vars - l.final_vars;
  l.log_max_codeword = l.max_vars + l.rate_bits;
  return l;
}

std::vector<std::size_t> BatchLayout::with_vars(int vars) const {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < size(); ++k)
    if (num_vars[k] == vars) out.push_back(k);
  return out;
}

std::vector<std::size_t> BatchLayout::merkle_heights() const {
  std::vector<std::size_t> h;
  for (int v : num_vars) h.push_back(std::size_t(1) << (v + rate_bits - 1));
  return h;
}

std::vector<std::size_t> BatchLayout::merkle_widths() const {
  std::vector<std::size_t> w;
  for (const auto& s : shapes) w.push_back(2 * s.second);
  return w;
}

void absorb_statement(Transcript& t, const Digest& root, const BatchLayout& layout,
                      const std::vector<std::vector<Ext>>& points,
                      const std::vector<std::vector<Ext>>& evals) {
  t.absorb_label("kprove/basefold/open/v1");
  t.absorb(root);
  t.absorb_size(std::size_t(layout.rate_bits));
  t.absorb_size(layout.size());
  for (std::size_t k = 0; k < layout.size(); ++k) {
    t.absorb_size(layout.shapes[k].first);
    t.absorb_size(layout.shapes[k].second);
    t.absorb(std::span<const Ext>(points[k]));
    t.absorb(std::span<const Ext>(evals[k]));
  }
}

Ext combine_claims(const BatchLayout& layout, const std::vector<Ext>& alpha_powers, std::size_t k,
                   const std::vector<Ext>& evals) {
  Ext sum = Ext::zero();
  for (std::size_t c = 0; c < evals.size(); ++c)
    sum += alpha_powers[layout.column_offset[k] + c] * evals[c];
  return sum;
}

std::vector<Ext> column_coefficients(const BatchLayout& layout,
                                     const std::vector<Ext>& alpha_powers, std::size_t k,
                                     Ext scale) {
  std::vector<Ext> c(layout.shapes[k].second);
  for (std::size_t j = 0; j < c.size(); ++j)
    c[j] = scale * alpha_powers[layout.column_offset[k] + j];
  return c;
}

Ext encode_at(const std::vector<Ext>& m, int log_size, std::size_t pos) {
  const Felt x = codeword_point<Felt>(log_size, pos);
  Ext acc = Ext::zero();
  for (std::size_t i = m.size(); i-- > 0;) acc = acc * x + m[i];
  return acc;
}

}  // namespace kprove::pcs
