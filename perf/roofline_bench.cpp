// The ceiling every other benchmark is a ratio to: device-to-device copy per space.
#include "roofline.hpp"

namespace {

template <class ExecSpace>
void BM_CopyBandwidth(benchmark::State& state) {
  using Mem = typename ExecSpace::memory_space;
  const std::size_t n = std::size_t(state.range(0));
  Kokkos::View<uint64_t*, Mem> a("a", n), b("b", n);
  for (auto _ : state) {
    Kokkos::deep_copy(ExecSpace(), b, a);
    ExecSpace().fence();
  }
  kprove::perf::report_roofline<ExecSpace>(state, 2.0 * double(n * sizeof(uint64_t)));
}

BENCHMARK_TEMPLATE(BM_CopyBandwidth, Kokkos::DefaultHostExecutionSpace)
    ->Arg(1 << 24)->UseRealTime()->Unit(benchmark::kMillisecond);
#if defined(KOKKOS_ENABLE_CUDA)
BENCHMARK_TEMPLATE(BM_CopyBandwidth, Kokkos::Cuda)
    ->Arg(1 << 26)->UseRealTime()->Unit(benchmark::kMillisecond);
#endif

}  // namespace
