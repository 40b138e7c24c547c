// Host side of ExprProgram::compile: Expr trees to postfix code.
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "kernels/expr/expr.hpp"

namespace kprove::detail {

// One 32-bit word per op: opcode in the low 8 bits, operand (column or constant index) above.
// The *_CONST forms apply a constant to the top of the stack (x + k, x - k, k - x, k x): one
// push fewer, and over extension values a multiplication by a base-field constant is a
// fraction of the cost of an extension one.
enum ExprOpcode : uint32_t {
  EXPR_COL,
  EXPR_CONST,
  EXPR_ADD,
  EXPR_SUB,
  EXPR_RSUB,
  EXPR_MUL,
  EXPR_NEG,
  EXPR_ADD_CONST,
  EXPR_SUB_CONST,
  EXPR_RSUB_CONST,
  EXPR_MUL_CONST
};
constexpr uint32_t EXPR_OPERAND_LIMIT = 1u << 24;

// Shared subexpressions are inlined, so the code of a DAG can be exponentially longer than
// the DAG itself; anything past this many ops is refused before it is emitted.
constexpr uint64_t EXPR_MAX_OPS = 1u << 22;

template <PrimeField F>
struct ExprCode {
  std::vector<uint32_t> ops;
  std::vector<uint32_t> offsets{0};  // program k is ops[offsets[k], offsets[k+1])
  std::vector<F> constants;
  int max_depth = 0;  // stack slots the deepest program needs
};

// Emits each subtree in Sethi-Ullman order (the operand needing the deeper stack first), which
// minimises the evaluation stack; SUB turns into RSUB when the right operand went first. A
// binary node with a constant operand (and a non-constant other) becomes a *_CONST op.
template <PrimeField F>
class ExprCompiler {
  using Expr = ExprOf<F>;

 public:
  explicit ExprCompiler(int max_depth) : max_depth_(max_depth) {}

  // Throws std::invalid_argument, naming expression k, when it needs more than max_depth stack
  // slots or would make the code too long.
  void add(const Expr& e, std::size_t k) {
    const Shape sh = shape(e);
    if (sh.depth > max_depth_)
      throw std::invalid_argument("ExprProgram::compile: expression " + std::to_string(k) +
                                  " needs an evaluation stack of " + std::to_string(sh.depth) +
                                  " > " + std::to_string(max_depth_) + "; split it");
    if (code_.ops.size() + sh.ops > EXPR_MAX_OPS)
      throw std::invalid_argument("ExprProgram::compile: expression " + std::to_string(k) +
                                  " expands to " + std::to_string(sh.ops) +
                                  " ops (shared subexpressions are inlined); limit " +
                                  std::to_string(EXPR_MAX_OPS) + " in all");
    emit(e);
    code_.offsets.push_back(uint32_t(code_.ops.size()));
    code_.max_depth = std::max(code_.max_depth, sh.depth);
  }
  ExprCode<F> take() { return std::move(code_); }

 private:
  struct Shape {
    int depth;     // stack slots
    uint64_t ops;  // code length, saturated above EXPR_MAX_OPS
  };

  Shape shape(const Expr& e) {
    const typename Expr::Node& n = e.node();
    if (auto it = shapes_.find(&n); it != shapes_.end()) return it->second;
    Shape sh{1, 1};
    if (n.op == Expr::Op::neg) {
      const Shape a = shape(n.lhs);
      sh = {a.depth, a.ops + 1};
    } else if (const Expr* other = constant_operand_other(n)) {
      const Shape a = shape(*other);
      sh = {a.depth, a.ops + 1};
    } else if (n.op != Expr::Op::col && n.op != Expr::Op::constant) {
      const Shape a = shape(n.lhs), b = shape(n.rhs);
      sh = {a.depth == b.depth ? a.depth + 1 : std::max(a.depth, b.depth), a.ops + b.ops + 1};
    }
    sh.ops = std::min(sh.ops, EXPR_MAX_OPS + 1);
    return shapes_[&n] = sh;
  }

  // For a binary node with exactly one constant operand: the other one; else null.
  static const Expr* constant_operand_other(const typename Expr::Node& n) {
    if (n.op != Expr::Op::add && n.op != Expr::Op::sub && n.op != Expr::Op::mul) return nullptr;
    const bool l = n.lhs.node().op == Expr::Op::constant, r = n.rhs.node().op == Expr::Op::constant;
    if (l == r) return nullptr;
    return l ? &n.rhs : &n.lhs;
  }

  uint32_t add_constant(F value) {
    code_.constants.push_back(value);
    return uint32_t(code_.constants.size() - 1);
  }

  void push(uint32_t opcode, uint32_t operand = 0) {
    if (operand >= EXPR_OPERAND_LIMIT)
      throw std::invalid_argument("ExprProgram: operand " + std::to_string(operand) +
                                  " exceeds the 24-bit encoding");
    code_.ops.push_back(opcode | (operand << 8));
  }

  void emit(const Expr& e) {
    const typename Expr::Node& n = e.node();
    switch (n.op) {
      case Expr::Op::col:
        return push(EXPR_COL, n.column);
      case Expr::Op::constant:
        return push(EXPR_CONST, add_constant(n.value));
      case Expr::Op::neg:
        emit(n.lhs);
        return push(EXPR_NEG);
      default:
        break;
    }
    if (const Expr* other = constant_operand_other(n)) {
      const bool constant_left = other == &n.rhs;
      emit(*other);
      const uint32_t k = add_constant((constant_left ? n.lhs : n.rhs).node().value);
      if (n.op == Expr::Op::add) return push(EXPR_ADD_CONST, k);
      if (n.op == Expr::Op::mul) return push(EXPR_MUL_CONST, k);
      return push(constant_left ? EXPR_RSUB_CONST : EXPR_SUB_CONST, k);
    }
    const bool left_first = shape(n.lhs).depth >= shape(n.rhs).depth;
    emit(left_first ? n.lhs : n.rhs);
    emit(left_first ? n.rhs : n.lhs);
    if (n.op == Expr::Op::add) return push(EXPR_ADD);
    if (n.op == Expr::Op::mul) return push(EXPR_MUL);
    push(left_first ? EXPR_SUB : EXPR_RSUB);
  }

  int max_depth_;
  ExprCode<F> code_;
  std::unordered_map<const typename Expr::Node*, Shape> shapes_;
};

}  // namespace kprove::detail
