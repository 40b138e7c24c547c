// Poseidon2 throughput and Merkle commitment of one tall matrix, per execution space.
#include <cstdint>

#include "kernels/hash/poseidon2.hpp"
#include "kernels/merkle/merkle_tree.hpp"
#include "roofline.hpp"

namespace {

using kprove::Felt;

template <class Mem>
struct PermuteStates {
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> states;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    Felt s[kprove::Poseidon2Goldilocks12::WIDTH];
    for (int i = 0; i < kprove::Poseidon2Goldilocks12::WIDTH; ++i) s[i] = states(r, i);
    kprove::Poseidon2Goldilocks12::permute(s);
    for (int i = 0; i < kprove::Poseidon2Goldilocks12::WIDTH; ++i) states(r, i) = s[i];
  }
};

// Deterministic, non-trivial contents (the hash cost does not depend on the values).
template <class Mem>
struct FillPattern {
  Kokkos::View<Felt**, Kokkos::LayoutRight, Mem> m;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    for (std::size_t c = 0; c < m.extent(1); ++c)
      m(r, c) = Felt::from_u64((r * m.extent(1) + c) * 0x9E3779B97F4A7C15ull);
  }
};

template <class Exec, class View>
void fill(const Exec& exec, const View& m) {
  Kokkos::parallel_for("fill", Kokkos::RangePolicy<Exec>(exec, 0, m.extent(0)),
                       FillPattern<typename Exec::memory_space>{m});
  exec.fence();
}

// Width-12 permutations per second, each state read and written once.
template <class Exec>
void BM_Poseidon2Permute(benchmark::State& state) {
  using Mem = typename Exec::memory_space;
  const std::size_t n = std::size_t(state.range(0));
  const Exec exec;
  kprove::Mat<Felt, Mem> states("states", n, kprove::Poseidon2Goldilocks12::WIDTH);
  fill(exec, states);
  for (auto _ : state) {
    Kokkos::parallel_for("kprove::bench::poseidon2", Kokkos::RangePolicy<Exec>(exec, 0, n),
                         PermuteStates<Mem>{states});
    exec.fence();
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(n));
}

// Commit one rows x 64 matrix: rows/s, and the traffic floor (matrix read once, every layer
// written once) against the copy bandwidth.
template <class Exec>
void BM_MerkleBuild(benchmark::State& state) {
  using Mem = typename Exec::memory_space;
  const std::size_t rows = std::size_t(state.range(0)), cols = 64;
  const Exec exec;
  kprove::MemoryLedger ledger;
  const std::vector<kprove::Mat<Felt, Mem>> matrices = {
      kprove::Mat<Felt, Mem>("matrix", rows, cols)};
  fill(exec, matrices[0]);
  for (auto _ : state) {
    const auto tree = kprove::MerkleTree<Mem>::build(exec, ledger, matrices);
    benchmark::DoNotOptimize(tree.root());
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(rows));
  const double bytes = double(rows * cols * sizeof(Felt) + (2 * rows - 1) * sizeof(kprove::Digest));
  kprove::perf::report_roofline<Exec>(state, bytes);
}

BENCHMARK_TEMPLATE(BM_Poseidon2Permute, Kokkos::DefaultHostExecutionSpace)
    ->Arg(1 << 16)
    ->Arg(1 << 18)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_MerkleBuild, Kokkos::DefaultHostExecutionSpace)
    ->Arg(1 << 14)
    ->Arg(1 << 16)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#if defined(KOKKOS_ENABLE_CUDA)
BENCHMARK_TEMPLATE(BM_Poseidon2Permute, Kokkos::Cuda)
    ->Arg(1 << 20)
    ->Arg(1 << 22)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_MerkleBuild, Kokkos::Cuda)
    ->Arg(1 << 20)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#endif

}  // namespace
