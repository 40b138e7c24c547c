// Witness generation of the RV32IM machine on a real guest shard: the first 2^20 - 1-cycle
// shard of fibonacci(2^20) (a non-last shard: instruction chips, register and transfer tables,
// program table and the fixed lookup tables), re-executed once with records; witgen of all
// its traces, and the LogUp leaves of all of them. Both are store-bound (records read once,
// rows or leaves written), so the roofline floor is the bytes moved over the copy bandwidth
// of the same space.
#include "engine/chip/logup.hpp"
#include "guest_shard.hpp"
#include "roofline.hpp"

namespace kprove {
namespace {

using bench::guest_shard;
using bench::GuestShard;

template <class Exec>
void BM_WitgenShard(benchmark::State& state) {
  const GuestShard* shard = guest_shard(std::uint32_t(state.range(0)));
  if (!shard) return state.SkipWithError("guest ELFs not built");
  MemoryLedger ledger;
  double bytes = 0, rows = 0;
  for (auto _ : state) {
    const auto traces = shard->machine->witgen(Exec(), ledger, shard->records, nullptr);
    Exec().fence();
    bytes = double(shard->record_bytes), rows = 0;
    for (const auto& t : traces.traces) bytes += double(t.bytes()), rows += double(t.rows());
  }
  state.counters["rows/s"] =
      benchmark::Counter(rows * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["cycles/s"] = benchmark::Counter(double(shard->cycles) * state.iterations(),
                                                  benchmark::Counter::kIsRate);
  state.counters["MB_moved"] = bytes / 1e6;
  perf::report_roofline<Exec>(state, bytes);
}

// Leaves of every trace of the shard: reads each trace once, writes p and q.
template <class Exec>
void BM_LogupLeaves(benchmark::State& state) {
  const GuestShard* shard = guest_shard(std::uint32_t(state.range(0)));
  if (!shard) return state.SkipWithError("guest ELFs not built");
  MemoryLedger ledger;
  const auto traces = shard->machine->witgen(Exec(), ledger, shard->records, nullptr);
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
    Exec().fence();
  }
  state.counters["leaves/s"] =
      benchmark::Counter(leaves * state.iterations(), benchmark::Counter::kIsRate);
  perf::report_roofline<Exec>(state, bytes);
}

// clang-format off
BENCHMARK_TEMPLATE(BM_WitgenShard, Kokkos::DefaultHostExecutionSpace)
    ->Arg(20)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_LogupLeaves, Kokkos::DefaultHostExecutionSpace)
    ->Arg(20)->UseRealTime()->Unit(benchmark::kMillisecond);
#if defined(KOKKOS_ENABLE_CUDA)
BENCHMARK_TEMPLATE(BM_WitgenShard, Kokkos::Cuda)
    ->Arg(20)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_LogupLeaves, Kokkos::Cuda)
    ->Arg(20)->UseRealTime()->Unit(benchmark::kMillisecond);
#endif
// clang-format on

}  // namespace
}  // namespace kprove
