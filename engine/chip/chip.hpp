// A chip: one trace (row-major, one row per proven step, rows padded to a power of two) with
// its column names, polynomial constraints and bus interactions. This host-level description
// is what prover and verifier consume; witness generation lives on the concrete chip types
// because it is templated on the execution space.
//
// Columns come in three kinds, in this order:
//  - structured: a function of the row index the verifier evaluates itself at any point
//    (structured_column), never committed: table values, addresses of a memory region;
//  - preprocessed: fixed by the program, committed once in the verifying key (program table,
//    memory image);
//  - witness: committed per shard.
//
// Contract every chip honours:
//  - each constraint vanishes on every row of the padded trace (padding rows included);
//  - padding rows have multiplicity 0 in every interaction (is_real selector = 0 there).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/chip/interaction.hpp"
#include "kernels/expr/expr.hpp"
#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove::chip {

class ChipBuilder;

class Chip {
 public:
  virtual ~Chip() = default;
  Chip(const Chip&) = delete;
  Chip& operator=(const Chip&) = delete;

  const std::string& name() const { return name_; }
  const std::vector<std::string>& columns() const { return columns_; }
  std::size_t num_columns() const { return columns_.size(); }
  const std::vector<Expr>& constraints() const { return constraints_; }
  const std::vector<Interaction>& interactions() const { return interactions_; }
  // Highest constraint degree (0 when there are no constraints).
  int max_degree() const;

  std::size_t structured_columns() const { return structured_; }
  std::size_t preprocessed_columns() const { return preprocessed_; }
  // Leading columns that are not committed with the shard's witness.
  std::size_t fixed_columns() const { return structured_ + preprocessed_; }
  std::size_t witness_columns() const { return num_columns() - fixed_columns(); }

  // The MLE of structured column c at `point` (kernels/mle order, one coordinate per row
  // variable). Throws std::invalid_argument for c >= structured_columns() or a point the
  // chip's height does not allow.
  virtual Ext structured_column(std::size_t c, std::span<const Ext> point) const;
  // log2(rows) of every trace of the chip when it is fixed (tables); nullopt: the prover's.
  virtual std::optional<uint32_t> fixed_log_rows() const { return std::nullopt; }
  // The bound on log2(rows) the verifier holds a prover-chosen height to, given the shard's
  // (what a shard's rows grow with); a table whose height follows from something else (the
  // memory a whole run touches) has its own.
  virtual uint32_t max_log_rows(uint32_t shard_bound) const { return shard_bound; }

 protected:
  // Throws std::logic_error if a constraint or interaction names a column the chip lacks, or
  // the column kinds do not fit.
  Chip(std::string name, std::vector<std::string> columns, std::vector<Expr> constraints,
       std::vector<Interaction> interactions, std::size_t structured = 0,
       std::size_t preprocessed = 0);
  // The chip a builder declared.
  explicit Chip(ChipBuilder&& builder);

 private:
  std::string name_;
  std::vector<std::string> columns_;
  std::vector<Expr> constraints_;
  std::vector<Interaction> interactions_;
  std::size_t structured_ = 0, preprocessed_ = 0;
};

// Trace height for n real rows: the next power of two, at least 2 (one MLE variable).
std::size_t padded_rows(std::size_t n);

}  // namespace kprove::chip
