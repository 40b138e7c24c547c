// Compiled constraint expressions that device kernels evaluate per row.
//
// ExprProgram::compile turns a list of Expr into postfix programs packed in three Views (ops,
// per-program offsets, constants of the prime field F). ExprProgramView::eval<V>(k, col) runs
// program k with a fixed-size stack of EXPR_MAX_STACK values of type V (F, its extension, or
// any type with their ring operations, + - * by an F and a constructor from F, such as a
// line's points) and reads column c through col(c); compile() refuses programs whose stack
// would not fit.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/expr/expr.hpp"
#include "kernels/expr/impl/compile.hpp"
#include "views/owned.hpp"

namespace kprove {

constexpr int EXPR_MAX_STACK = 16;

template <class Mem, PrimeField F>
struct ExprProgramView {
  Kokkos::View<const uint32_t*, Mem> ops, offsets;
  Kokkos::View<const F*, Mem> constants;

  KOKKOS_INLINE_FUNCTION std::size_t size() const { return offsets.extent(0) - 1; }

  // Program k at one row; col(c) returns column c's value there as a V.
  template <class V, class Col>
  KOKKOS_INLINE_FUNCTION V eval(std::size_t k, const Col& col) const {
    V stack[EXPR_MAX_STACK];
    int sp = 0;
    for (uint32_t pc = offsets(k), end = offsets(k + 1); pc < end; ++pc) {
      const uint32_t op = ops(pc), arg = op >> 8;
      switch (op & 0xFFu) {
        case detail::EXPR_COL:
          stack[sp++] = col(arg);
          break;
        case detail::EXPR_CONST:
          stack[sp++] = V(constants(arg));
          break;
        case detail::EXPR_NEG:
          stack[sp - 1] = -stack[sp - 1];
          break;
        case detail::EXPR_ADD_CONST:
          stack[sp - 1] = stack[sp - 1] + constants(arg);
          break;
        case detail::EXPR_SUB_CONST:
          stack[sp - 1] = stack[sp - 1] - constants(arg);
          break;
        case detail::EXPR_RSUB_CONST:
          stack[sp - 1] = -(stack[sp - 1] - constants(arg));
          break;
        case detail::EXPR_MUL_CONST:
          stack[sp - 1] = stack[sp - 1] * constants(arg);
          break;
        default: {  // binary: a = second from top, b = top
          const V b = stack[--sp], a = stack[sp - 1];
          switch (op & 0xFFu) {
            case detail::EXPR_ADD:
              stack[sp - 1] = a + b;
              break;
            case detail::EXPR_SUB:
              stack[sp - 1] = a - b;
              break;
            case detail::EXPR_RSUB:
              stack[sp - 1] = b - a;
              break;
            default:
              stack[sp - 1] = a * b;
              break;  // EXPR_MUL
          }
        }
      }
    }
    return stack[0];
  }
};

template <class Mem, PrimeField F>
class ExprProgram {
 public:
  // Throws std::invalid_argument for an empty list, an expression needing a deeper stack, or
  // code past EXPR_MAX_OPS.
  template <class Exec>
  static ExprProgram compile(const Exec& exec, const std::vector<ExprOf<F>>& exprs,
                             MemoryLedger& ledger) {
    if (exprs.empty()) throw std::invalid_argument("ExprProgram::compile: no expressions");
    detail::ExprCompiler<F> compiler(EXPR_MAX_STACK);
    ExprProgram p;
    for (std::size_t k = 0; k < exprs.size(); ++k) {
      compiler.add(exprs[k], k);
      p.degree_ = std::max(p.degree_, exprs[k].degree());
      p.num_columns_ = std::max(p.num_columns_, exprs[k].max_column() + 1);
    }
    detail::ExprCode<F> code = compiler.take();
    p.exprs_ = exprs;
    p.stack_depth_ = code.max_depth;
    p.ops_ = upload_vec<Mem>(exec, ledger, "expr:ops", code.ops);
    p.offsets_ = upload_vec<Mem>(exec, ledger, "expr:offsets", code.offsets);
    p.constants_ = upload_vec<Mem>(exec, ledger, "expr:constants", code.constants);
    return p;
  }

  ExprProgramView<Mem, F> view() const { return {ops_.view(), offsets_.view(), constants_.view()}; }
  std::size_t size() const { return exprs_.size(); }
  int degree() const { return degree_; }                 // max over the expressions
  uint32_t num_columns() const { return num_columns_; }  // 1 + largest column used (>= 1)
  int stack_depth() const { return stack_depth_; }
  std::size_t num_ops() const { return ops_.view().extent(0); }  // all programs' code
  const std::vector<ExprOf<F>>& exprs() const { return exprs_; }

 private:
  std::vector<ExprOf<F>> exprs_;
  int degree_ = 0;
  uint32_t num_columns_ = 1;
  int stack_depth_ = 0;
  Owned<Vec<uint32_t, Mem>> ops_, offsets_;
  Owned<Vec<F, Mem>> constants_;
};

}  // namespace kprove
