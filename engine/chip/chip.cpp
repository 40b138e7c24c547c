#include "engine/chip/chip.hpp"

#include "engine/chip/builder.hpp"

#include <algorithm>
#include <stdexcept>

namespace kprove::chip {

namespace {
void check_columns(const std::string& chip, const std::string& what, const Expr& e,
                   std::size_t cols) {
  if (e.max_column() >= cols)
    throw std::logic_error("chip " + chip + ": " + what + " uses column " +
                           std::to_string(e.max_column()) + " of " + std::to_string(cols));
}
}  // namespace

Chip::Chip(std::string name, std::vector<std::string> columns, std::vector<Expr> constraints,
           std::vector<Interaction> interactions, std::size_t structured, std::size_t preprocessed)
    : name_(std::move(name)),
      columns_(std::move(columns)),
      constraints_(std::move(constraints)),
      interactions_(std::move(interactions)),
      structured_(structured),
      preprocessed_(preprocessed) {
  if (structured_ + preprocessed_ > columns_.size())
    throw std::logic_error("chip " + name_ + ": " + std::to_string(structured_) +
                           " structured and " + std::to_string(preprocessed_) +
                           " preprocessed columns of " + std::to_string(columns_.size()));
  for (std::size_t i = 0; i < constraints_.size(); ++i)
    check_columns(name_, "constraint " + std::to_string(i), constraints_[i], columns_.size());
  for (std::size_t i = 0; i < interactions_.size(); ++i) {
    const std::string what = "interaction " + std::to_string(i);
    check_columns(name_, what, interactions_[i].multiplicity_expr(), columns_.size());
    for (const Expr& e : interactions_[i].tuple_exprs()) check_columns(name_, what, e, columns_.size());
  }
}

Chip::Chip(ChipBuilder&& b)
    : Chip(std::move(b.name_), std::move(b.columns_), std::move(b.constraints_),
           std::move(b.interactions_), b.structured_, b.preprocessed_) {}

Ext Chip::structured_column(std::size_t c, std::span<const Ext>) const {
  throw std::invalid_argument("chip " + name_ + " has no structured column " + std::to_string(c));
}

int Chip::max_degree() const {
  int d = 0;
  for (const Expr& e : constraints_) d = std::max(d, e.degree());
  return d;
}

std::size_t padded_rows(std::size_t n) {
  std::size_t rows = 2;
  while (rows < n) rows <<= 1;
  return rows;
}

}  // namespace kprove::chip
