// A chip: one trace (row-major, one row per proven step, rows padded to a power of two) with
// its column names, polynomial constraints and LogUp lookups. This host-level description is
// what the prover consumes; witness generation lives on the concrete chip types because it
// is templated on the execution space (see record_chip.hpp and table_chips.hpp).
//
// Contract every chip honours:
//  - each constraint vanishes on every row of the padded trace (padding rows included);
//  - padding rows have multiplicity 0 in every lookup (is_real selector = 0 there).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/chip/lookup.hpp"
#include "kernels/expr/expr.hpp"

namespace kprove::chip {

class Chip {
 public:
  virtual ~Chip() = default;
  Chip(const Chip&) = delete;
  Chip& operator=(const Chip&) = delete;

  const std::string& name() const { return name_; }
  const std::vector<std::string>& columns() const { return columns_; }
  std::size_t num_columns() const { return columns_.size(); }
  const std::vector<Expr>& constraints() const { return constraints_; }
  const std::vector<Lookup>& lookups() const { return lookups_; }
  // Highest constraint degree (0 when there are no constraints).
  int max_degree() const;

 protected:
  // Throws std::logic_error if a constraint or lookup names a column the chip lacks.
  Chip(std::string name, std::vector<std::string> columns, std::vector<Expr> constraints,
       std::vector<Lookup> lookups);

 private:
  std::string name_;
  std::vector<std::string> columns_;
  std::vector<Expr> constraints_;
  std::vector<Lookup> lookups_;
};

// Trace height for n real rows: the next power of two, at least 2 (one MLE variable).
std::size_t padded_rows(std::size_t n);

}  // namespace kprove::chip
