// TEMPORARY STAND-IN for the sumcheck helper's kernels/expr/expr.hpp (same host API), only so
// the chips branch compiles before that branch is merged. Removed before merging theirs.
#pragma once

#include <cstdint>
#include <memory>
#include <algorithm>

#include "kernels/field/goldilocks.hpp"

namespace kprove {

class Expr {
 public:
  enum class Kind { col, constant, add, sub, mul, neg };
  static Expr col(uint32_t c) { return Expr(Node{Kind::col, c, Felt::zero(), {}, {}}); }
  static Expr constant(Felt k) { return Expr(Node{Kind::constant, 0, k, {}, {}}); }
  friend Expr operator+(const Expr& a, const Expr& b) { return bin(Kind::add, a, b); }
  friend Expr operator-(const Expr& a, const Expr& b) { return bin(Kind::sub, a, b); }
  friend Expr operator*(const Expr& a, const Expr& b) { return bin(Kind::mul, a, b); }
  Expr operator-() const { return Expr(Node{Kind::neg, 0, Felt::zero(), n_, {}}); }
  friend Expr operator*(Felt k, const Expr& e) { return constant(k) * e; }
  int degree() const { return degree(*n_); }
  uint32_t max_column() const { return max_col(*n_); }
  Felt eval(const Felt* row) const { return eval(*n_, row); }

 private:
  struct Node {
    Kind kind;
    uint32_t column;
    Felt value;
    std::shared_ptr<const Node> a, b;
  };
  explicit Expr(Node n) : n_(std::make_shared<const Node>(std::move(n))) {}
  static Expr bin(Kind k, const Expr& a, const Expr& b) {
    return Expr(Node{k, 0, Felt::zero(), a.n_, b.n_});
  }
  static int degree(const Node& n) {
    switch (n.kind) {
      case Kind::col: return 1;
      case Kind::constant: return 0;
      case Kind::mul: return degree(*n.a) + degree(*n.b);
      case Kind::neg: return degree(*n.a);
      default: return std::max(degree(*n.a), degree(*n.b));
    }
  }
  static uint32_t max_col(const Node& n) {
    switch (n.kind) {
      case Kind::col: return n.column;
      case Kind::constant: return 0;
      case Kind::neg: return max_col(*n.a);
      default: return std::max(max_col(*n.a), max_col(*n.b));
    }
  }
  static Felt eval(const Node& n, const Felt* row) {
    switch (n.kind) {
      case Kind::col: return row[n.column];
      case Kind::constant: return n.value;
      case Kind::add: return eval(*n.a, row) + eval(*n.b, row);
      case Kind::sub: return eval(*n.a, row) - eval(*n.b, row);
      case Kind::mul: return eval(*n.a, row) * eval(*n.b, row);
      default: return -eval(*n.a, row);
    }
  }
  std::shared_ptr<const Node> n_;
};

}  // namespace kprove
