// Full product sumcheck (prover, all rounds, transcript included) over D base-field MLEs, and
// its two round kernels alone in both fields (Goldilocks^2 and BabyBear^4).
//
// Traffic floor per proof, N = 2^v entries per factor: every Felt input read once (8 N), and
// every folded Ext table (N/2, N/4, ..., 1 entries) written once and read once
// (2 * 16 * (N - 1)):   min_bytes = D * (8 N + 32 (N - 1)).
// The implementation moves D * (16 N + 32 (N - 1)) bytes: round 1 and the fused fold of
// challenge 1 both read the inputs, so 5/6 of copy bandwidth is its ceiling.
// A round alone reads its D tables once (round 1: base-field entries, D N sizeof(F)); a
// folding round on extension tables also writes the folded halves (1.5 D N sizeof(E)).
#include <array>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "engine/sumcheck/product_instance.hpp"
#include "engine/sumcheck/prover.hpp"
#include "kernels/field/babybear_ext4.hpp"
#include "kernels/field/traits.hpp"
#include "kernels/sumcheck/product_round.hpp"
#include "kernels/witgen/random_trace.hpp"
#include "roofline.hpp"

namespace {

using kprove::BabyBearExt4;
using kprove::Felt;
using kprove::GoldilocksExt2;

template <kprove::PrimeField V>
KOKKOS_INLINE_FUNCTION V hashed(uint64_t z) {
  return V::from_u64(kprove::mix64(z));
}
template <kprove::ExtensionField V>
KOKKOS_INLINE_FUNCTION V hashed(uint64_t z) {
  V v;
  for (int c = 0; c < V::DEGREE; ++c) v.c[c] = hashed<typename V::Base>(z + uint64_t(c));
  return v;
}

// f(i) = a splitmix64 hash of (i, seed), in every coefficient when V is an extension.
template <class V, class Mem>
struct FillPseudoRandom {
  Kokkos::View<V*, Mem> f;
  uint64_t seed;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    f(i) = hashed<V>((uint64_t(i) + seed) * 0x9E3779B97F4A7C15ull);
  }
};

template <class V, class Exec>
Kokkos::View<V*, typename Exec::memory_space> random_table(const Exec& exec, std::size_t n,
                                                           uint64_t seed) {
  using Mem = typename Exec::memory_space;
  Kokkos::View<V*, Mem> f(Kokkos::view_alloc(Kokkos::WithoutInitializing, "table"), n);
  Kokkos::parallel_for("fill", Kokkos::RangePolicy<Exec>(exec, 0, n),
                       FillPseudoRandom<V, Mem>{f, seed});
  return f;
}

template <class Exec, int D>
void BM_ProductSumcheck(benchmark::State& state) {
  using Mem = typename Exec::memory_space;
  using Input = Kokkos::View<const Felt*, Mem>;
  const int v = int(state.range(0));
  const std::size_t n = std::size_t(1) << v;
  const Exec exec;
  std::vector<Input> factors;
  for (int k = 0; k < D; ++k) factors.push_back(random_table<Felt>(exec, n, uint64_t(k) << 40));
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

// One product round over D tables of 2^v entries in either field: round 1 on base-field
// tables (FOLD false), or a later round binding the pending challenge in D extension tables in
// place while summing (FOLD true).
template <class Exec, class E, int D, bool FOLD>
void BM_ProductRound(benchmark::State& state) {
  using V = std::conditional_t<FOLD, E, typename E::Base>;
  const std::size_t n = std::size_t(1) << state.range(0);
  const Exec exec;
  std::array<Kokkos::View<V*, typename Exec::memory_space>, D> f;
  for (int k = 0; k < D; ++k) f[k] = random_table<V>(exec, n, uint64_t(k) << 40);
  kprove::MemoryLedger ledger;
  kprove::TeamSums<Exec, E> sums(exec, ledger, D + 1);
  const std::array<E, 1> r{E(kprove::base_field_t<E>::from_u64(7))};
  for (auto _ : state) {
    if constexpr (FOLD)
      benchmark::DoNotOptimize(kprove::product_round_folding<D, 1, true>(sums, f, r, f));
    else
      benchmark::DoNotOptimize(kprove::product_round<D>(sums, f));
  }
  kprove::perf::report_roofline<Exec>(state, (FOLD ? 1.5 : 1.0) * D * double(n) * sizeof(V));
}

#define KPROVE_ROUND_BENCH(EXEC, E, FOLD, LO, HI)                                   \
  BENCHMARK_TEMPLATE(BM_ProductRound, EXEC, E, 2, FOLD)                             \
      ->DenseRange(LO, HI, 2)                                                       \
      ->UseRealTime()                                                               \
      ->Unit(benchmark::kMillisecond)

KPROVE_ROUND_BENCH(Kokkos::DefaultHostExecutionSpace, GoldilocksExt2, false, 20, 22);
KPROVE_ROUND_BENCH(Kokkos::DefaultHostExecutionSpace, BabyBearExt4, false, 20, 22);
KPROVE_ROUND_BENCH(Kokkos::DefaultHostExecutionSpace, GoldilocksExt2, true, 20, 22);
KPROVE_ROUND_BENCH(Kokkos::DefaultHostExecutionSpace, BabyBearExt4, true, 20, 22);
#if defined(KOKKOS_ENABLE_CUDA)
KPROVE_ROUND_BENCH(Kokkos::Cuda, GoldilocksExt2, false, 22, 24);
KPROVE_ROUND_BENCH(Kokkos::Cuda, BabyBearExt4, false, 22, 24);
KPROVE_ROUND_BENCH(Kokkos::Cuda, GoldilocksExt2, true, 22, 24);
KPROVE_ROUND_BENCH(Kokkos::Cuda, BabyBearExt4, true, 22, 24);
#endif

#define KPROVE_SUMCHECK_BENCH(EXEC, D, LO, HI)                                      \
  BENCHMARK_TEMPLATE(BM_ProductSumcheck, EXEC, D)                                   \
      ->DenseRange(LO, HI, 2)                                                       \
      ->UseRealTime()                                                               \
      ->Unit(benchmark::kMillisecond)

KPROVE_SUMCHECK_BENCH(Kokkos::DefaultHostExecutionSpace, 2, 20, 22);
KPROVE_SUMCHECK_BENCH(Kokkos::DefaultHostExecutionSpace, 3, 20, 22);
#if defined(KOKKOS_ENABLE_CUDA)
KPROVE_SUMCHECK_BENCH(Kokkos::Cuda, 2, 20, 24);
KPROVE_SUMCHECK_BENCH(Kokkos::Cuda, 3, 20, 24);
#endif

}  // namespace
