// Witness generation of the RV32IM machine on a real guest shard: the first 2^20 - 1-cycle
// shard of fibonacci(2^20) (a non-last shard: instruction chips, register and transfer tables,
// program table and the fixed lookup tables), re-executed once with records; witgen of all
// its traces, and the LogUp leaves of all of them. Both are store-bound (records read once,
// rows or leaves written), so the roofline floor is the bytes moved over the copy bandwidth
// of the same space.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/chip/logup.hpp"
#include "engine/rv32im/machine.hpp"
#include "engine/vm/emulator.hpp"
#include "guest_dir.hpp"
#include "roofline.hpp"

namespace kprove {
namespace {

using bench::guest_dir;

// The machine and the records of shard 0 of fibonacci(2^20) in shards of 2^log_rows - 1
// cycles; null when the guests are not built.
struct GuestShard {
  std::unique_ptr<rv32im::Machine> machine;
  vm::ShardRecords records;
  std::uint64_t cycles = 0;
  std::uint64_t record_bytes = 0;  // the records witgen reads
};

const GuestShard* guest_shard(std::uint32_t log_rows) {
  static std::unique_ptr<GuestShard> cached;
  static std::uint32_t cached_log_rows = 0;
  if (cached && cached_log_rows == log_rows) return cached.get();
  const std::string elf = guest_dir() + "/programs/fibonacci.elf";
  if (guest_dir().empty() || !std::filesystem::exists(elf)) return nullptr;
  auto guest = std::make_shared<const vm::Guest>(vm::load_elf_file(elf));
  const auto input = std::make_shared<const std::vector<std::uint8_t>>(
      std::vector<std::uint8_t>{0, 0, 0x10, 0});  // n = 2^20: about 5 M cycles
  auto s = std::make_unique<GuestShard>();
  s->machine = std::make_unique<rv32im::Machine>(guest, log_rows);
  const vm::ShardPlan plan =
      vm::plan_shards(guest, input, 1ull << 30, (std::uint64_t(1) << log_rows) - 1);
  if (plan.num_shards() < 2) return nullptr;  // shard 0 must not be the last
  s->records = vm::record_shard(plan, 0);
  s->cycles = s->records.cycles;
  s->record_bytes = s->records.record_bytes();
  cached = std::move(s);
  cached_log_rows = log_rows;
  return cached.get();
}

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
