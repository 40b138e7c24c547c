// Fiat-Shamir costs of a proof: one host transcript duplex, and the proof-of-work grind the PCS
// opening does once per shard (2^bits permutations expected), per execution space.
#include <benchmark/benchmark.h>

#include <Kokkos_Core.hpp>

#include "engine/transcript/grind.hpp"

namespace {

void BM_TranscriptDuplex(benchmark::State& state) {
  kprove::Transcript t("bench");
  for (auto _ : state) {
    t.absorb(kprove::Felt::one());
    benchmark::DoNotOptimize(t.challenge_base());
  }
  state.SetItemsProcessed(int64_t(state.iterations()));
}

// Different transcript states each iteration, so the nonce found (and the work) varies as in
// a real proof; the mean over iterations approaches the expected cost.
template <class Exec>
void BM_Grind(benchmark::State& state) {
  const int bits = int(state.range(0));
  kprove::Transcript t("bench");
  uint64_t tries = 0;
  for (auto _ : state) {
    const uint64_t nonce = kprove::grind(Exec(), t, bits);
    tries += nonce + 1;
  }
  state.counters["tries_per_grind"] = double(tries) / double(state.iterations());
}

BENCHMARK(BM_TranscriptDuplex);
BENCHMARK_TEMPLATE(BM_Grind, Kokkos::Serial)
    ->Arg(16)
    ->Iterations(16)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Grind, Kokkos::DefaultHostExecutionSpace)
    ->Arg(16)
    ->Iterations(16)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#if defined(KOKKOS_ENABLE_CUDA)
BENCHMARK_TEMPLATE(BM_Grind, Kokkos::Cuda)
    ->Arg(16)
    ->Iterations(16)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#endif

}  // namespace
