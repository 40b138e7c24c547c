// Zerocheck: proves that constraints C_k vanish on every row of a trace of 2^v rows, by a
// sumcheck of sum_x eq(zeta, x) sum_k beta^k C_k(trace row x) = 0 with beta and zeta squeezed
// from the transcript. The proof's final values are the trace columns' MLEs at the sumcheck
// point, which the caller opens against its commitment.
#pragma once

#include <Kokkos_Core.hpp>
#include <span>
#include <vector>

#include "engine/sumcheck/expr_instance.hpp"
#include "engine/sumcheck/prover.hpp"
#include "engine/sumcheck/verifier.hpp"

namespace kprove {

struct ZerocheckChallenges {
  Ext beta;               // batches the constraints
  std::vector<Ext> zeta;  // the eq point
};

// Absorbs the statement (label, num_vars, constraint count) and squeezes beta and zeta.
ZerocheckChallenges zerocheck_challenges(Transcript& t, int num_vars, std::size_t constraints);

struct ZerocheckOutput {
  SumcheckProof proof;  // final_evals[0] = every trace column at `point`
  std::vector<Ext> point;
};

template <class Exec>
ZerocheckOutput prove_zerocheck(
    const Exec& exec, Transcript& transcript,
    const Kokkos::View<const Felt**, Kokkos::LayoutRight, typename Exec::memory_space>& trace,
    const ExprProgram<typename Exec::memory_space, Felt>& constraints, MemoryLedger& ledger) {
  const int v = mle_num_vars(trace.extent(0), "prove_zerocheck");
  auto ch = zerocheck_challenges(transcript, v, constraints.size());
  ExprInstance<Exec> inst(exec, trace, constraints, ch.beta, std::move(ch.zeta), ledger,
                          Ext::zero());
  SumcheckInstance* instances[] = {&inst};
  SumcheckOutput out = prove_sumcheck(transcript, instances);
  return {std::move(out.proof), std::move(out.point)};
}

struct ZerocheckReduction {
  std::vector<Ext> point;
  std::vector<Ext> column_evals;  // to be checked against the trace commitment at point
};

// Throws VerifyError naming the failed check; std::invalid_argument for constraints that do
// not fit the columns.
ZerocheckReduction verify_zerocheck(Transcript& transcript, const std::vector<Expr>& constraints,
                                    int num_vars, std::size_t num_columns,
                                    const SumcheckProof& proof);

}  // namespace kprove
