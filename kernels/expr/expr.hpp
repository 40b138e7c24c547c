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
#include "kernels/field/traits.hpp"

namespace kprove {

// F: the prime field of the constants; Expr is the engine's, over Goldilocks.
template <PrimeField F>
class ExprOf {
 public:
  enum class Op : uint8_t { col, constant, add, sub, mul, neg };
  struct Node;

  ExprOf() : ExprOf(constant(F::zero())) {}  // the zero polynomial

  static ExprOf col(uint32_t c);
  static ExprOf constant(F k);

  friend ExprOf operator+(const ExprOf& a, const ExprOf& b) { return binary(Op::add, a, b); }
  friend ExprOf operator-(const ExprOf& a, const ExprOf& b) { return binary(Op::sub, a, b); }
  friend ExprOf operator*(const ExprOf& a, const ExprOf& b) { return binary(Op::mul, a, b); }
  friend ExprOf operator*(F k, const ExprOf& a) { return constant(k) * a; }
  ExprOf operator-() const;

  // Total degree in the columns (constants have degree 0).
  int degree() const;
  // Largest column index used; 0 when the expression uses no column.
  uint32_t max_column() const;
  const Node& node() const { return *node_; }

  // Host evaluation with column c set to columns[c] (V = F or its extension); for references
  // and for verifiers evaluating constraints at opened column values.
  template <class V>
  V evaluate(std::span<const V> columns) const;

 private:
  explicit ExprOf(std::shared_ptr<const Node> n) : node_(std::move(n)) {}
  static ExprOf none() { return ExprOf(std::shared_ptr<const Node>()); }  // absent operand
  static ExprOf make(Node n);
  static ExprOf binary(Op op, const ExprOf& a, const ExprOf& b);
  std::shared_ptr<const Node> node_;
};

using Expr = ExprOf<Felt>;

template <PrimeField F>
struct ExprOf<F>::Node {
  Op op;
  uint32_t column;  // Op::col
  F value;          // Op::constant
  ExprOf lhs, rhs;  // operands (neg uses lhs)
  int degree;
  uint32_t max_column;
};

template <PrimeField F>
ExprOf<F> ExprOf<F>::make(Node n) {
  return ExprOf(std::make_shared<const Node>(std::move(n)));
}

template <PrimeField F>
ExprOf<F> ExprOf<F>::col(uint32_t c) {
  return make(Node{Op::col, c, F::zero(), none(), none(), 1, c});
}

template <PrimeField F>
ExprOf<F> ExprOf<F>::constant(F k) {
  return make(Node{Op::constant, 0, k, none(), none(), 0, 0});
}

template <PrimeField F>
ExprOf<F> ExprOf<F>::binary(Op op, const ExprOf& a, const ExprOf& b) {
  const int d = op == Op::mul ? a.degree() + b.degree() : std::max(a.degree(), b.degree());
  return make(Node{op, 0, F::zero(), a, b, d, std::max(a.max_column(), b.max_column())});
}

template <PrimeField F>
ExprOf<F> ExprOf<F>::operator-() const {
  return make(Node{Op::neg, 0, F::zero(), *this, none(), degree(), max_column()});
}

template <PrimeField F>
int ExprOf<F>::degree() const {
  return node_->degree;
}
template <PrimeField F>
uint32_t ExprOf<F>::max_column() const {
  return node_->max_column;
}

template <PrimeField F>
template <class V>
V ExprOf<F>::evaluate(std::span<const V> columns) const {
  const Node& n = *node_;
  switch (n.op) {
    case Op::col:
      if (n.column >= columns.size())
        throw std::invalid_argument("Expr::evaluate: column " + std::to_string(n.column) +
                                    " but only " + std::to_string(columns.size()) + " given");
      return columns[n.column];
    case Op::constant:
      return V(n.value);
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
