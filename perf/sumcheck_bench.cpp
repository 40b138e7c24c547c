// Full product sumcheck (prover, all rounds, transcript included) over D base-field MLEs.
//
// Traffic floor per proof, N = 2^v entries per factor: every Felt input read once (8 N), and
// every folded Ext table (N/2, N/4, ..., 1 entries) written once and read once
// (2 * 16 * (N - 1)):   min_bytes = D * (8 N + 32 (N - 1)).
// The implementation moves D * (16 N + 32 (N - 1)) bytes: round 1 and the fused fold of
// challenge 1 both read the inputs, so 5/6 of copy bandwidth is its ceiling.
#include <cstdint>
#include <vector>

#include "engine/sumcheck/product_instance.hpp"
#include "engine/sumcheck/prover.hpp"
#include "roofline.hpp"

namespace {

using kprove::Felt;

template <class Mem>
struct FillPseudoRandom {
  Kokkos::View<Felt*, Mem> f;
  uint64_t seed;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    uint64_t z = (uint64_t(i) + seed) * 0x9E3779B97F4A7C15ull;  // splitmix64 finaliser
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    f(i) = Felt::from_u64(z ^ (z >> 31));
  }
};

template <class Exec, int D>
void BM_ProductSumcheck(benchmark::State& state) {
  using Mem = typename Exec::memory_space;
  using Input = Kokkos::View<const Felt*, Mem>;
  const int v = int(state.range(0));
  const std::size_t n = std::size_t(1) << v;
  const Exec exec;
  std::vector<Input> factors;
  for (int k = 0; k < D; ++k) {
    Kokkos::View<Felt*, Mem> f(Kokkos::view_alloc(Kokkos::WithoutInitializing, "factor"), n);
    Kokkos::parallel_for("fill", Kokkos::RangePolicy<Exec>(exec, 0, n),
                         FillPseudoRandom<Mem>{f, uint64_t(k) << 40});
    factors.push_back(f);
  }
  exec.fence();
  kprove::MemoryLedger ledger;
  kprove::ProductInstance<Exec, Felt> inst(exec, factors, ledger);
  auto prove = [&] {
    inst.reset(factors);
    kprove::Transcript t("kprove.bench.sumcheck");
    kprove::SumcheckInstance* list[] = {&inst};
    return kprove::prove_sumcheck(t, list);
  };
  prove();  // allocates the fold buffers outside the timed loop
  for (auto _ : state) benchmark::DoNotOptimize(prove());
  const double min_bytes = D * (8.0 * double(n) + 32.0 * double(n - 1));
  kprove::perf::report_roofline<Exec>(state, min_bytes);
}

#define KPROVE_SUMCHECK_BENCH(EXEC, D, LO, HI)    \
  BENCHMARK_TEMPLATE(BM_ProductSumcheck, EXEC, D) \
      ->DenseRange(LO, HI, 2)                     \
      ->UseRealTime()                             \
      ->Unit(benchmark::kMillisecond)

KPROVE_SUMCHECK_BENCH(Kokkos::DefaultHostExecutionSpace, 2, 20, 22);
KPROVE_SUMCHECK_BENCH(Kokkos::DefaultHostExecutionSpace, 3, 20, 22);
#if defined(KOKKOS_ENABLE_CUDA)
KPROVE_SUMCHECK_BENCH(Kokkos::Cuda, 2, 20, 24);
KPROVE_SUMCHECK_BENCH(Kokkos::Cuda, 3, 20, 24);
#endif

}  // namespace
