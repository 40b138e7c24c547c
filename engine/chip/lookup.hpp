// LogUp lookups of a chip into the shared fixed tables.
//
// A lookup is (table, tuple, multiplicity): on every row it adds
//     multiplicity / (alpha - (table_id + sum_i beta^(i+1) * tuple_i))
// to the LogUp sum. Chips read with multiplicity = a selector (0 on rows that do not look
// up, in particular on padding rows); a table's own lookup has multiplicity = -mult.
// The table id takes the beta^0 slot so equal tuples of different tables never cancel.
//
// Tuple entries and multiplicities are affine in the columns (constant + sum coef * col):
// enough for selectors, limbs and shifted limbs, and simple enough to be evaluated on the
// device without an expression interpreter (LogUp leaves, multiplicity counting).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "kernels/expr/expr.hpp"
#include "kernels/field/goldilocks.hpp"

namespace kprove::chip {

enum class TableId : uint32_t { u16_range = 1, and_byte = 2 };

class Affine {
 public:
  using Term = std::pair<uint32_t, Felt>;  // (column, coefficient)

  Affine() : constant_(Felt::zero()) {}
  static Affine col(uint32_t c) { return Affine(Felt::zero(), {{c, Felt::one()}}); }
  static Affine constant(Felt k) { return Affine(k, {}); }

  friend Affine operator+(const Affine& x, const Affine& y);
  friend Affine operator-(const Affine& x, const Affine& y) { return x + (-y); }
  friend Affine operator*(Felt k, const Affine& x);
  Affine operator-() const { return (-Felt::one()) * *this; }

  Felt constant() const { return constant_; }
  // Distinct columns, ascending, nonzero coefficients.
  const std::vector<Term>& terms() const { return terms_; }
  Expr to_expr() const;
  // Value on one row; row[c] is column c.
  Felt eval(const Felt* row) const;

 private:
  Affine(Felt k, std::vector<Term> terms) : constant_(k), terms_(std::move(terms)) {}
  Felt constant_;
  std::vector<Term> terms_;
};

struct Lookup {
  TableId table;
  std::vector<Affine> tuple;
  Affine multiplicity;

  std::vector<Expr> tuple_exprs() const;
  Expr multiplicity_expr() const { return multiplicity.to_expr(); }
};

}  // namespace kprove::chip
