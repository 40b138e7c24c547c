// Sumcheck claim over the columns of a trace (rows = hypercube points in the kernels/mle/mle.hpp
// order, row-major, entries in a prime field B or its challenge extension E) combined by
// compiled constraints C_0..C_{n-1} over B:
//   sum_x [eq(zeta, x)] * sum_k c_k C_k(trace row x)
// with coefficients c_k in E: beta^k for a batching challenge beta, or any list (e.g. terms
// whose constants are challenges, written as B expressions times E coefficients).
// The eq factor is present when zeta is non-empty (zerocheck form). Its round polynomial is
// eq(zeta_k, t) * scale * h(t) with scale = prod_{i<k} eq(zeta_i, r_i) kept on the host, so the
// device only evaluates h (degree deg C) against the suffix tables of an eq pyramid.
//
// A caller that knows the claim's sum (zero for a zerocheck) passes it: then every round
// derives h(1) from the running claim (g(0) + g(1) = claim, and after bind(r) the claim is
// g(r)) instead of evaluating it, one point fewer per round. The derived value is what an
// honest witness gives; for any other the proof fails verification, as it would anyway.
//
// Each challenge folds all trace columns into an E table (rows/2 x cols, row-major, booked in
// the ledger) in a separate pass; final_evals() are the columns at the point. The program and
// trace must outlive the instance.
#pragma once

#include <Kokkos_Core.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/sumcheck/impl/host_read.hpp"
#include "engine/sumcheck/instance.hpp"
#include "engine/algebra/algebra.hpp"
#include "kernels/expr/program.hpp"
#include "kernels/mle/eq.hpp"
#include "kernels/sumcheck/expr_round.hpp"
#include "views/owned.hpp"

namespace kprove {

template <class Exec, class F = Felt>
class ExprInstance final : public SumcheckInstanceOf<challenge_t<F>> {
 public:
  using B = base_field_t<F>;
  using E = challenge_t<F>;
  using Mem = typename Exec::memory_space;
  using Table = Kokkos::View<const F**, Kokkos::LayoutRight, Mem>;

  // sum_k beta^k C_k.
  ExprInstance(const Exec& exec, Table trace, const ExprProgram<Mem, B>& program, E beta,
               std::vector<E> zeta, MemoryLedger& ledger, std::optional<E> sum = {})
      : ExprInstance(exec, trace, program, powers(beta, program.size()), std::move(zeta), ledger,
                     sum) {}

  // sum_k coefficients[k] C_k; one coefficient per program.
  ExprInstance(const Exec& exec, Table trace, const ExprProgram<Mem, B>& program,
               const std::vector<E>& coefficients, std::vector<E> zeta, MemoryLedger& ledger,
               std::optional<E> sum = {})
      : exec_(exec),
        ledger_(&ledger),
        trace_(trace),
        program_(program.view()),
        program_degree_(program.degree()),
        coefs_(alloc_vec<E, Mem>(ledger, "sumcheck:expr_coefficients", coefficients.size())),
        zeta_(std::move(zeta)),
        sums_(exec, ledger, MAX_EXPR_POINTS),
        v_(mle_num_vars(trace.extent(0), "ExprInstance")),
        claim_(sum) {
    if (v_ == 0) throw std::invalid_argument("ExprInstance: trace has a single row");
    if (coefficients.size() != program.size())
      throw std::invalid_argument("ExprInstance: " + std::to_string(coefficients.size()) +
                                  " coefficients for " + std::to_string(program.size()) +
                                  " constraints");
    Kokkos::deep_copy(
        exec_, coefs_.view(),
        Kokkos::View<const E*, Kokkos::HostSpace, Kokkos::MemoryTraits<Kokkos::Unmanaged>>(
            coefficients.data(), coefficients.size()));
    exec_.fence();  // the host vector may die after the constructor
    if (trace.extent(1) < program.num_columns())
      throw std::invalid_argument("ExprInstance: constraints use " +
                                  std::to_string(program.num_columns()) + " columns, trace has " +
                                  std::to_string(trace.extent(1)));
    if (program_degree_ + 1 > MAX_EXPR_POINTS)
      throw std::invalid_argument("ExprInstance: constraint degree " +
                                  std::to_string(program_degree_) + " above " +
                                  std::to_string(MAX_EXPR_POINTS - 1));
    if (!zeta_.empty()) {
      if (zeta_.size() != std::size_t(v_))
        throw std::invalid_argument("ExprInstance: eq point has " + std::to_string(zeta_.size()) +
                                    " coordinates, trace has " + std::to_string(v_) + " variables");
      eq_ = alloc_vec<E, Mem>(ledger, "sumcheck:eq_pyramid", std::size_t(1) << v_);
      eq_pyramid(exec_, std::span<const E>(zeta_), eq_.view());
    } else if (program_degree_ == 0) {
      throw std::invalid_argument("ExprInstance: constant constraints give a degree-0 claim");
    }
  }

  int num_vars() const override { return v_; }
  int degree() const override { return program_degree_ + (zeta_.empty() ? 0 : 1); }
  std::size_t num_finals() const override { return trace_.extent(1); }

  std::vector<E> round_evals() override {
    if (bound_ >= v_) throw std::logic_error("ExprInstance: all variables are bound");
    const int npts = program_degree_ + 1;
    Kokkos::View<const E*, Mem> eq;
    if (!zeta_.empty()) eq = eq_pyramid_level(eq_.view(), v_ - bound_ - 1);
    const Kokkos::View<const E*, Mem> coefs = coefs_.view();
    // g(0) + g(1) = claim with g(t) = scale eq(z, t) h(t) = scale ((1 - z) h(0) + z h(1)) at
    // 0 and 1, or g = h without eq.
    const bool with_eq = !zeta_.empty();
    const E z = with_eq ? zeta_[bound_] : E::zero();
    const bool derive =
        claim_ && npts >= 2 && (!with_eq || (z != E::zero() && scale_ != E::zero()));
    const auto which = derive ? ExprRoundPoints::all_but_one : ExprRoundPoints::all;
    auto h = bound_ == 0 ? expr_round(sums_, trace_, program_, coefs, eq, npts, which)
                         : expr_round(sums_, level(), program_, coefs, eq, npts, which);
    if (derive && !with_eq) h[1] = *claim_ - h[0];
    if (derive && with_eq)
      h[1] = (*claim_ * scale_.inverse() - (E::one() - z) * h[0]) * z.inverse();
    std::vector<E> out(h.begin(), h.begin() + npts);
    if (with_eq) {
      out = extend_evals(out, std::size_t(npts) + 1);
      for (int t = 0; t <= npts; ++t) out[t] *= scale_ * eq_line(z, E(B::from_u64(t)));
    }
    last_round_ = out;
    return out;
  }

  void bind(E r) override {
    if (bound_ >= v_) throw std::logic_error("ExprInstance: all variables are bound");
    if (folded_.empty())
      folded_ = alloc_mat<E, Mem>(*ledger_, "sumcheck:expr_fold", std::size_t(1) << (v_ - 1),
                                    trace_.extent(1));
    if (bound_ == 0)
      fix_first_variable_rows(exec_, trace_, r, folded_.view());
    else
      fix_first_variable_rows(exec_, level(), r, folded_.view());
    if (!zeta_.empty()) scale_ *= eq_line(zeta_[bound_], r);
    claim_.reset();
    if (!last_round_.empty()) claim_ = interpolate_at(last_round_, r);
    last_round_.clear();
    ++bound_;
  }

  std::vector<E> final_evals() override {
    if (bound_ != v_) throw std::logic_error("ExprInstance: variables left unbound");
    return detail::read_first_row<E>(folded_.view());
  }

 private:
  static E eq_line(E z, E t) { return z * t + (E::one() - z) * (E::one() - t); }

  // The folded columns after bound_ >= 1 challenges.
  auto level() const {
    const std::size_t rows = std::size_t(1) << (v_ - bound_);
    return Kokkos::subview(folded_.view(), std::make_pair(std::size_t(0), rows), Kokkos::ALL);
  }

  Exec exec_;
  MemoryLedger* ledger_;
  Table trace_;
  ExprProgramView<Mem, B> program_;
  int program_degree_;
  Owned<Vec<E, Mem>> coefs_;
  std::vector<E> zeta_;
  TeamSums<Exec, E> sums_;
  int v_;
  int bound_ = 0;
  std::optional<E> claim_;     // the current round's g(0) + g(1), once known
  std::vector<E> last_round_;  // g at 0..degree() of the current round, once computed
  E scale_ = E::one();
  Owned<Vec<E, Mem>> eq_;
  Owned<Mat<E, Mem>> folded_;
};

}  // namespace kprove
