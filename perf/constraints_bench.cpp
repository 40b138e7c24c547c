// The main-constraint sumcheck of a real guest shard (perf/guest_shard.hpp): every chip's
// constraints in zerocheck form (a random eq point per trace), all traces in one batched
// sumcheck, on the shard's own witness, so each claim is zero. Arg 1 says whether the prover
// is given that sum (it then derives h(1) each round instead of evaluating it, as the shard
// prover does) or not: the ratio of the two in one run is what the derivation saves.
// Interpreting the constraints bounds it (integer issue), not memory: the counters are
// cycles and rows per second, and the interpreted ops per second (ops x row pairs x points).
#include <memory>
#include <optional>
#include <vector>

#include "engine/sumcheck/expr_instance.hpp"
#include "engine/sumcheck/prover.hpp"
#include "guest_shard.hpp"
#include "roofline.hpp"

namespace kprove {
namespace {

template <class Exec>
void BM_ShardConstraints(benchmark::State& state) {
  using Mem = typename Exec::memory_space;
  const bench::GuestShard* shard = bench::guest_shard(std::uint32_t(state.range(0)));
  if (!shard) return state.SkipWithError("guest ELFs not built");
  const bool known_sum = state.range(1) != 0;
  MemoryLedger ledger;
  const Exec exec;
  const auto witness = shard->machine->witgen(exec, ledger, shard->records, nullptr);
  std::vector<ExprProgram<Mem, Felt>> programs;
  std::vector<std::size_t> traces;
  double rows = 0, ops = 0;
  for (std::size_t k = 0; k < witness.traces.size(); ++k) {
    const auto& constraints = witness.chips[k]->constraints();
    if (constraints.empty()) continue;
    programs.push_back(ExprProgram<Mem, Felt>::compile(exec, constraints, ledger));
    traces.push_back(k);
    const double r = double(witness.traces[k].rows());
    rows += r;
    // Row pairs over all rounds: r/2 + r/4 + ... ~ r, each at degree + 1 points, or one fewer.
    const auto& p = programs.back();
    ops += double(p.num_ops()) * r * (p.degree() + (known_sum ? 0 : 1));
  }
  const auto prove = [&] {
    std::vector<std::unique_ptr<ExprInstance<Exec>>> instances;
    std::vector<SumcheckInstance*> list;
    for (std::size_t i = 0; i < traces.size(); ++i) {
      const auto& trace = witness.traces[traces[i]];
      const int v = mle_num_vars(trace.rows(), "BM_ShardConstraints");
      std::vector<Ext> zeta;
      for (int j = 0; j < v; ++j) zeta.emplace_back(Felt::from_u64(3 + j), Felt::from_u64(i));
      instances.push_back(std::make_unique<ExprInstance<Exec>>(
          exec, trace.view(), programs[i], Ext(Felt::from_u64(11), Felt::one()), std::move(zeta),
          ledger, known_sum ? std::optional<Ext>(Ext::zero()) : std::nullopt));
      list.push_back(instances.back().get());
    }
    Transcript t("kprove.bench.constraints");
    return prove_sumcheck(t, list);
  };
  for (auto _ : state) benchmark::DoNotOptimize(prove());
  const auto rate = [&](double x) {
    return benchmark::Counter(x * double(state.iterations()), benchmark::Counter::kIsRate);
  };
  state.counters["cycles/s"] = rate(double(shard->cycles));
  state.counters["rows/s"] = rate(rows);
  state.counters["ops/s"] = rate(ops);
}

// clang-format off
BENCHMARK_TEMPLATE(BM_ShardConstraints, Kokkos::DefaultHostExecutionSpace)
    ->ArgsProduct({{18}, {0, 1}})->UseRealTime()->Unit(benchmark::kMillisecond);
#if defined(KOKKOS_ENABLE_CUDA)
BENCHMARK_TEMPLATE(BM_ShardConstraints, Kokkos::Cuda)
    ->ArgsProduct({{20, 22}, {0, 1}})->UseRealTime()->Unit(benchmark::kMillisecond);
#endif
// clang-format on

}  // namespace
}  // namespace kprove
