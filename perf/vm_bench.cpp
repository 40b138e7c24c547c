// Emulation rate (RISC-V cycles per second) of the guests fibonacci and sha256: plain
// execution, the checkpointing pass, and records re-executed from the checkpoints on 1 .. all
// host cores (1 = records on one core). Baseline: qemu-riscv32 on the same ELF and input,
// timed in the same run (median of 3 whole-process runs, start-up included; the guests run
// long enough for it not to matter), reported as qemu_MHz and the ratio x_qemu.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "engine/vm/emulator.hpp"

#include "guest_dir.hpp"

namespace {

using namespace kprove;
using Bytes = std::vector<std::uint8_t>;

constexpr std::uint64_t kMaxCycles = 1ull << 40, kShardCycles = 1ull << 20;

using bench::guest_dir;

struct Workload {
  std::string elf;
  std::shared_ptr<const vm::Guest> guest;
  std::shared_ptr<const Bytes> input;
  std::uint64_t cycles = 0;
  double qemu_s = 0;  // 0: qemu-riscv32 not installed
};

double qemu_seconds(const std::string& elf, const Bytes& input) {
  if (std::system("command -v qemu-riscv32 > /dev/null 2>&1") != 0) return 0;
  const auto in = std::filesystem::temp_directory_path() / "kprove-bench-input";
  std::ofstream(in, std::ios::binary)
      .write(reinterpret_cast<const char*>(input.data()), std::streamsize(input.size()));
  const std::string cmd = "qemu-riscv32 '" + elf + "' < '" + in.string() + "' > /dev/null";
  std::vector<double> t;
  for (int i = 0; i < 3; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    if (std::system(cmd.c_str()) != 0) return 0;
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  return t[1];
}

// fibonacci(2^22) and sha256 of 1 MiB of random bytes, loaded once.
const Workload* workload(const std::string& name) {
  static std::map<std::string, std::unique_ptr<Workload>> cache;
  auto& w = cache[name];
  if (w) return w.get();
  w = std::make_unique<Workload>();
  w->elf = guest_dir() + "/programs/" + name + ".elf";
  if (!std::filesystem::exists(w->elf)) return nullptr;
  Bytes input;
  if (name == "fibonacci") {
    input = {0, 0, 0x40, 0};  // n = 2^22, little-endian
  } else {
    std::mt19937 rng(1);
    input.resize(1 << 20);
    for (auto& b : input) b = static_cast<std::uint8_t>(rng());
  }
  w->guest = std::make_shared<const vm::Guest>(vm::load_elf_file(w->elf));
  w->input = std::make_shared<const Bytes>(std::move(input));
  w->cycles = vm::execute(*w->guest, *w->input, kMaxCycles).cycles;
  w->qemu_s = qemu_seconds(w->elf, *w->input);
  return w.get();
}

void report(benchmark::State& state, const Workload& w) {
  state.counters["cycles"] = double(w.cycles);
  state.counters["MHz"] = benchmark::Counter(double(w.cycles) * double(state.iterations()) / 1e6,
                                             benchmark::Counter::kIsRate);
  if (w.qemu_s > 0) {
    state.counters["qemu_MHz"] = double(w.cycles) / w.qemu_s / 1e6;
    // Our rate over qemu's: the counter is a rate, so it is divided by our time per iteration.
    state.counters["x_qemu"] = benchmark::Counter(w.qemu_s * double(state.iterations()),
                                                  benchmark::Counter::kIsRate);
  }
}

template <class Run>
void bench(benchmark::State& state, const std::string& name, Run run) {
  const Workload* w = workload(name);
  if (!w) {
    state.SkipWithError("guest ELFs not built");
    return;
  }
  for (auto _ : state) run(*w);
  report(state, *w);
}

void BM_Execute(benchmark::State& state, const std::string& name) {
  bench(state, name, [](const Workload& w) {
    benchmark::DoNotOptimize(vm::execute(*w.guest, *w.input, kMaxCycles).cycles);
  });
}

void BM_Checkpoints(benchmark::State& state, const std::string& name) {
  bench(state, name, [](const Workload& w) {
    benchmark::DoNotOptimize(vm::plan_shards(w.guest, w.input, kMaxCycles, kShardCycles).starts);
  });
}

// The checkpoint pass is done once; the timed part is the re-execution with records on
// `threads` cores, streamed as a pipeline consumes them (each worker recycles its buffers).
void BM_RecordsParallel(benchmark::State& state, const std::string& name) {
  const Workload* w = workload(name);
  if (!w) return state.SkipWithError("guest ELFs not built");
  const unsigned threads = unsigned(state.range(0));
  const vm::ShardPlan plan = vm::plan_shards(w->guest, w->input, kMaxCycles, kShardCycles);
  std::atomic<std::uint64_t> rows{0};
  for (auto _ : state)
    vm::record_shards(plan, threads, [&](const vm::ShardRecords& r) { rows += r.alu_reg.size(); });
  benchmark::DoNotOptimize(rows.load());
  state.counters["shards"] = double(plan.num_shards());
  report(state, *w);
}

void thread_counts(benchmark::internal::Benchmark* b) {
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  for (unsigned t = 1; t < hw; t *= 2) b->Arg(t);
  b->Arg(hw);
}

#define KPROVE_VM_BENCH(fn)                                                     \
  BENCHMARK_CAPTURE(fn, fibonacci, std::string("fibonacci"))->Unit(benchmark::kMillisecond); \
  BENCHMARK_CAPTURE(fn, sha256, std::string("sha256"))->Unit(benchmark::kMillisecond)

KPROVE_VM_BENCH(BM_Execute);
KPROVE_VM_BENCH(BM_Checkpoints);
BENCHMARK_CAPTURE(BM_RecordsParallel, fibonacci, std::string("fibonacci"))
    ->Apply(thread_counts)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_RecordsParallel, sha256, std::string("sha256"))
    ->Apply(thread_counts)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
