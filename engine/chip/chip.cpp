#include "engine/chip/chip.hpp"

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
           std::vector<Lookup> lookups)
    : name_(std::move(name)),
      columns_(std::move(columns)),
      constraints_(std::move(constraints)),
      lookups_(std::move(lookups)) {
  for (std::size_t i = 0; i < constraints_.size(); ++i)
    check_columns(name_, "constraint " + std::to_string(i), constraints_[i], columns_.size());
  for (std::size_t i = 0; i < lookups_.size(); ++i) {
    const std::string what = "lookup " + std::to_string(i);
    check_columns(name_, what, lookups_[i].multiplicity_expr(), columns_.size());
    for (const Expr& e : lookups_[i].tuple_exprs()) check_columns(name_, what, e, columns_.size());
  }
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
