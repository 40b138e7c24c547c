// Witness generation of the reference zkVM: building a shard's records on the device from
// the counter-based RNG, and witgen of all chips + tables of a 2^20-step shard. Both are
// store-bound (few reads, a row written per step), so the roofline floor is the bytes
// written over the copy bandwidth of the same space.
#include <string>

#include "engine/chip/chip_set.hpp"
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

BENCHMARK_TEMPLATE(BM_GenerateShard, Kokkos::DefaultHostExecutionSpace)
    ->Arg(1 << 20)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_WitgenShard, Kokkos::DefaultHostExecutionSpace)
    ->Arg(1 << 20)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#if defined(KOKKOS_ENABLE_CUDA)
BENCHMARK_TEMPLATE(BM_GenerateShard, Kokkos::Cuda)
    ->Arg(1 << 20)
    ->Arg(1 << 22)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_WitgenShard, Kokkos::Cuda)
    ->Arg(1 << 20)
    ->Arg(1 << 22)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#endif

}  // namespace
