// Constraint polynomials over the columns of a chip trace, as immutable host-side trees.
// Build them with col/constant and the arithmetic operators; ExprProgram (program.hpp) compiles
// a list of them into a postfix program that device kernels evaluate row by row.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>

#include "kernels/field/goldilocks_ext2.hpp"

namespace kprove {

class Expr {
 public:
  enum class Op : uint8_t { col, constant, add, sub, mul, neg };
  struct Node;

  Expr() : Expr(constant(Felt::zero())) {}  // the zero polynomial

  static Expr col(uint32_t c);
  static Expr constant(Felt k);

  friend Expr operator+(const Expr& a, const Expr& b) { return binary(Op::add, a, b); }
  friend Expr operator-(const Expr& a, const Expr& b) { return binary(Op::sub, a, b); }
  friend Expr operator*(const Expr& a, const Expr& b) { return binary(Op::mul, a, b); }
  friend Expr operator*(Felt k, const Expr& a) { return constant(k) * a; }
  Expr operator-() const;

  // Total degree in the columns (constants have degree 0).
  int degree() const;
  // Largest column index used; 0 when the expression uses no column.
  uint32_t max_column() const;
  const Node& node() const { return *node_; }

  // Host evaluation with column c set to columns[c] (F = Felt or Ext); for references and
  // for verifiers evaluating constraints at opened column values.
  template <class F>
  F evaluate(std::span<const F> columns) const;

 private:
  explicit Expr(std::shared_ptr<const Node> n) : node_(std::move(n)) {}
  static Expr none() { return Expr(std::shared_ptr<const Node>()); }  // absent operand
  static Expr make(Node n);
  static Expr binary(Op op, const Expr& a, const Expr& b);
  std::shared_ptr<const Node> node_;
};

struct Expr::Node {
  Op op;
  uint32_t column;  // Op::col
  Felt value;       // Op::constant
  Expr lhs, rhs;    // operands (neg uses lhs)
  int degree;
  uint32_t max_column;
};

inline Expr Expr::make(Node n) { return Expr(std::make_shared<const Node>(std::move(n))); }

inline Expr Expr::col(uint32_t c) {
  return make(Node{Op::col, c, Felt::zero(), none(), none(), 1, c});
}

inline Expr Expr::constant(Felt k) { return make(Node{Op::constant, 0, k, none(), none(), 0, 0}); }

inline Expr Expr::binary(Op op, const Expr& a, const Expr& b) {
  const int d = op == Op::mul ? a.degree() + b.degree() : std::max(a.degree(), b.degree());
  return make(Node{op, 0, Felt::zero(), a, b, d, std::max(a.max_column(), b.max_column())});
}

inline Expr Expr::operator-() const {
  return make(Node{Op::neg, 0, Felt::zero(), *this, none(), degree(), max_column()});
}

inline int Expr::degree() const { return node_->degree; }
inline uint32_t Expr::max_column() const { return node_->max_column; }

template <class F>
F Expr::evaluate(std::span<const F> columns) const {
  const Node& n = *node_;
  switch (n.op) {
    case Op::col:
      if (n.column >= columns.size())
        throw std::invalid_argument("Expr::evaluate: column " + std::to_string(n.column) +
                                    " but only " + std::to_string(columns.size()) + " given");
      return columns[n.column];
    case Op::constant:
      return F(n.value);
    case Op::add:
      return n.lhs.evaluate(columns) + n.rhs.evaluate(columns);
    case Op::sub:
      return n.lhs.evaluate(columns) - n.rhs.evaluate(columns);
    case Op::mul:
      return n.lhs.evaluate(columns) * n.rhs.evaluate(columns);
    case Op::neg:
      return -n.lhs.evaluate(columns);
  }
  throw std::logic_error("Expr::evaluate: unknown op");
}

}  // namespace kprove
