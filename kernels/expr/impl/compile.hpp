// Host side of ExprProgram::compile: Expr trees to postfix code.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "kernels/expr/expr.hpp"

namespace kprove::detail {

// One 32-bit word per op: opcode in the low 8 bits, operand (column or constant index) above.
enum ExprOpcode : uint32_t { EXPR_COL, EXPR_CONST, EXPR_ADD, EXPR_SUB, EXPR_RSUB, EXPR_MUL, EXPR_NEG };
constexpr uint32_t EXPR_OPERAND_LIMIT = 1u << 24;

struct ExprCode {
  std::vector<uint32_t> ops;
  std::vector<uint32_t> offsets{0};  // program k is ops[offsets[k], offsets[k+1])
  std::vector<Felt> constants;
  int max_depth = 0;
};

// Emits each subtree in Sethi-Ullman order (the operand needing the deeper stack first), which
// minimises the evaluation stack; SUB turns into RSUB when the right operand went first.
class ExprCompiler {
 public:
  void add(const Expr& e) {
    emit(e);
    code_.offsets.push_back(uint32_t(code_.ops.size()));
    code_.max_depth = std::max(code_.max_depth, need(e));
  }
  ExprCode take() { return std::move(code_); }

 private:
  int need(const Expr& e) {
    const Expr::Node& n = e.node();
    if (auto it = need_.find(&n); it != need_.end()) return it->second;
    int d = 1;
    if (n.op == Expr::Op::neg) {
      d = need(n.lhs);
    } else if (n.op != Expr::Op::col && n.op != Expr::Op::constant) {
      const int a = need(n.lhs), b = need(n.rhs);
      d = a == b ? a + 1 : std::max(a, b);
    }
    return need_[&n] = d;
  }

  void push(uint32_t opcode, uint32_t operand = 0) {
    if (operand >= EXPR_OPERAND_LIMIT)
      throw std::invalid_argument("ExprProgram: operand " + std::to_string(operand) +
                                  " exceeds the 24-bit encoding");
    code_.ops.push_back(opcode | (operand << 8));
  }

  void emit(const Expr& e) {
    const Expr::Node& n = e.node();
    switch (n.op) {
      case Expr::Op::col:
        return push(EXPR_COL, n.column);
      case Expr::Op::constant:
        code_.constants.push_back(n.value);
        return push(EXPR_CONST, uint32_t(code_.constants.size() - 1));
      case Expr::Op::neg:
        emit(n.lhs);
        return push(EXPR_NEG);
      default:
        break;
    }
    const bool left_first = need(n.lhs) >= need(n.rhs);
    emit(left_first ? n.lhs : n.rhs);
    emit(left_first ? n.rhs : n.lhs);
    if (n.op == Expr::Op::add) return push(EXPR_ADD);
    if (n.op == Expr::Op::mul) return push(EXPR_MUL);
    push(left_first ? EXPR_SUB : EXPR_RSUB);
  }

  ExprCode code_;
  std::unordered_map<const Expr::Node*, int> need_;
};

}  // namespace kprove::detail
