// Witness generation of the reference zkVM: building a shard's records on the device from
// the counter-based RNG, witgen of all chips + tables of a 2^20-step shard, and the LogUp
// leaves of all its traces. All are store-bound (few reads, rows or leaves written), so the
// roofline floor is the bytes moved over the copy bandwidth of the same space.
#include <string>

#include "engine/chip/chip_set.hpp"
#include "engine/chip/logup.hpp"
#include "engine/workload/generator.hpp"
#include "roofline.hpp"

namespace {

using namespace kprove;

workload::WorkloadConfig bench_config(std::size_t steps) {
  workload::WorkloadConfig cfg;
  cfg.seed = 42;
  cfg.steps = cfg.shard_steps = steps;
  return cfg;
}

template <class Exec>
void BM_GenerateShard(benchmark::State& state) {
  const auto cfg = bench_config(std::size_t(state.range(0)));
  MemoryLedger ledger;
  for (auto _ : state) {
    auto shard = workload::generate_shard(Exec(), ledger, cfg, 0);
    Exec().fence();
    benchmark::DoNotOptimize(shard.records.view().data());
  }
  const double bytes = double(cfg.steps * sizeof(workload::StepRecord));
  state.counters["steps/s"] =
      benchmark::Counter(double(cfg.steps) * state.iterations(), benchmark::Counter::kIsRate);
  perf::report_roofline<Exec>(state, bytes);
}

template <class Exec>
void BM_WitgenShard(benchmark::State& state) {
  const auto cfg = bench_config(std::size_t(state.range(0)));
  MemoryLedger ledger;
  const chip::ChipSet chips;
  const auto shard = workload::generate_shard(Exec(), ledger, cfg, 0);
  double bytes = 0, rows = 0;
  for (auto _ : state) {
    const auto traces = chip::witgen_shard(Exec(), ledger, chips, shard);
    Exec().fence();
    bytes = rows = 0;
    for (const auto& t : traces.traces) bytes += double(t.bytes()), rows += double(t.rows());
  }
  state.counters["rows/s"] =
      benchmark::Counter(rows * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["steps/s"] =
      benchmark::Counter(double(cfg.steps) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["MB_written"] = bytes / 1e6;
  perf::report_roofline<Exec>(state, bytes);
}

// Leaves of every trace of the shard: reads each trace once, writes p and q.
template <class Exec>
void BM_LogupLeaves(benchmark::State& state) {
  const auto cfg = bench_config(std::size_t(state.range(0)));
  MemoryLedger ledger;
  const chip::ChipSet chips;
  const auto shard = workload::generate_shard(Exec(), ledger, cfg, 0);
  const auto traces = chip::witgen_shard(Exec(), ledger, chips, shard);
  const Ext alpha(Felt::from_u64(3), Felt::from_u64(5)), beta(Felt::from_u64(7), Felt::one());
  double bytes = 0, leaves = 0;
  for (auto _ : state) {
    bytes = leaves = 0;
    for (std::size_t i = 0; i < traces.traces.size(); ++i) {
      const auto l = chip::logup_leaves(Exec(), ledger, traces.traces[i],
                                        traces.chips[i]->interactions(), alpha, beta);
      leaves += double(l.rows * l.lookups);
      bytes += double(traces.traces[i].bytes() + l.numerators.bytes() + l.denominators.bytes());
    }
  }
  state.counters["leaves/s"] =
      benchmark::Counter(leaves * state.iterations(), benchmark::Counter::kIsRate);
  perf::report_roofline<Exec>(state, bytes);
}

// clang-format off
BENCHMARK_TEMPLATE(BM_GenerateShard, Kokkos::DefaultHostExecutionSpace)
    ->Arg(1 << 20)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_WitgenShard, Kokkos::DefaultHostExecutionSpace)
    ->Arg(1 << 20)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_LogupLeaves, Kokkos::DefaultHostExecutionSpace)
    ->Arg(1 << 20)->UseRealTime()->Unit(benchmark::kMillisecond);
#if defined(KOKKOS_ENABLE_CUDA)
BENCHMARK_TEMPLATE(BM_GenerateShard, Kokkos::Cuda)
    ->Arg(1 << 20)->Arg(1 << 22)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_WitgenShard, Kokkos::Cuda)
    ->Arg(1 << 20)->Arg(1 << 22)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_LogupLeaves, Kokkos::Cuda)
    ->Arg(1 << 20)->UseRealTime()->Unit(benchmark::kMillisecond);
#endif
// clang-format on

}  // namespace
