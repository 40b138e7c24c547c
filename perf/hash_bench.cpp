// Poseidon2 throughput and Merkle commitment of one tall matrix, per execution space and field
// (Goldilocks width 12 / BabyBear width 16; the same rows x 64 trace in either field).
#include <cstdint>

#include "kernels/hash/poseidon2.hpp"
#include "kernels/merkle/merkle_tree.hpp"
#include "roofline.hpp"

namespace {

using kprove::BabyBear;
using kprove::BabyBearHasher;
using kprove::GoldilocksHasher;
using kprove::Poseidon2BabyBear16;
using kprove::Poseidon2Goldilocks12;

template <class Perm, class Mem>
struct PermuteStates {
  using F = typename Perm::Field;
  Kokkos::View<F**, Kokkos::LayoutRight, Mem> states;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    F s[Perm::WIDTH];
    for (int i = 0; i < Perm::WIDTH; ++i) s[i] = states(r, i);
    Perm::permute(s);
    for (int i = 0; i < Perm::WIDTH; ++i) states(r, i) = s[i];
  }
};

// Deterministic, non-trivial contents (the hash cost does not depend on the values).
template <class F, class Mem>
struct FillPattern {
  Kokkos::View<F**, Kokkos::LayoutRight, Mem> m;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    for (std::size_t c = 0; c < m.extent(1); ++c)
      m(r, c) = F::from_u64((r * m.extent(1) + c) * 0x9E3779B97F4A7C15ull);
  }
};

template <class Exec, class View>
void fill(const Exec& exec, const View& m) {
  using F = typename View::non_const_value_type;
  Kokkos::parallel_for("fill", Kokkos::RangePolicy<Exec>(exec, 0, m.extent(0)),
                       FillPattern<F, typename Exec::memory_space>{m});
  exec.fence();
}

// Permutations per second, each state read and written once.
template <class Exec, class Perm>
void BM_Poseidon2Permute(benchmark::State& state) {
  using Mem = typename Exec::memory_space;
  const std::size_t n = std::size_t(state.range(0));
  const Exec exec;
  kprove::Mat<typename Perm::Field, Mem> states("states", n, Perm::WIDTH);
  fill(exec, states);
  for (auto _ : state) {
    Kokkos::parallel_for("kprove::bench::poseidon2", Kokkos::RangePolicy<Exec>(exec, 0, n),
                         PermuteStates<Perm, Mem>{states});
    exec.fence();
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(n));
}

// Commit one rows x 64 matrix: rows/s, and the traffic floor (matrix read once, every layer
// written once) against the copy bandwidth.
template <class Exec, class H>
void BM_MerkleBuild(benchmark::State& state) {
  using Mem = typename Exec::memory_space;
  using F = typename H::Field;
  const std::size_t rows = std::size_t(state.range(0)), cols = 64;
  const Exec exec;
  kprove::MemoryLedger ledger;
  const std::vector<kprove::Mat<F, Mem>> matrices = {kprove::Mat<F, Mem>("matrix", rows, cols)};
  fill(exec, matrices[0]);
  for (auto _ : state) {
    const auto tree = kprove::MerkleTree<Mem, H>::build(exec, ledger, matrices);
    benchmark::DoNotOptimize(tree.root());
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(rows));
  const double bytes =
      double(rows * cols * sizeof(F) + (2 * rows - 1) * sizeof(typename H::Digest));
  kprove::perf::report_roofline<Exec>(state, bytes);
}

using Host = Kokkos::DefaultHostExecutionSpace;
BENCHMARK_TEMPLATE(BM_Poseidon2Permute, Host, Poseidon2Goldilocks12)
    ->Arg(1 << 16)
    ->Arg(1 << 18)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Poseidon2Permute, Host, Poseidon2BabyBear16)
    ->Arg(1 << 18)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_MerkleBuild, Host, GoldilocksHasher)
    ->Arg(1 << 14)
    ->Arg(1 << 16)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_MerkleBuild, Host, BabyBearHasher)
    ->Arg(1 << 16)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#if defined(KOKKOS_ENABLE_CUDA)
BENCHMARK_TEMPLATE(BM_Poseidon2Permute, Kokkos::Cuda, Poseidon2Goldilocks12)
    ->Arg(1 << 20)
    ->Arg(1 << 22)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Poseidon2Permute, Kokkos::Cuda, Poseidon2BabyBear16)
    ->Arg(1 << 22)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_MerkleBuild, Kokkos::Cuda, GoldilocksHasher)
    ->Arg(1 << 20)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_MerkleBuild, Kokkos::Cuda, BabyBearHasher)
    ->Arg(1 << 20)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#endif

}  // namespace
