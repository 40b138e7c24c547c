// Batched forward NTT and LDE against the copy-bandwidth roofline. The floor counts the matrix
// read once and written once (LDE: the input read, the output written), so frac_of_copy_bw
// is the fraction of a perfect single-pass kernel; each NTT pass costs a read and a write.
// Goldilocks and BabyBear run the same rows x columns (BabyBear moves half the bytes).
#include "kernels/field/babybear.hpp"
#include "kernels/ntt/ntt.hpp"
#include "roofline.hpp"

namespace {

using kprove::BabyBear;
using kprove::Felt;
using kprove::NttOrder;

// Inputs are all zero: the field arithmetic is branch-free, so timings do not depend on data.
template <class Exec, class F = Felt>
void BM_NttForward(benchmark::State& state) {
  using Mem = typename Exec::memory_space;
  const int log_n = int(state.range(0));
  const std::size_t n = std::size_t(1) << log_n, m = std::size_t(state.range(1));
  kprove::MemoryLedger ledger;
  const kprove::NttTwiddles<Mem, F> tw(ledger, log_n);
  auto mat = kprove::alloc_mat<F, Mem>(ledger, "bench", n, m);
  kprove::zero_fill(Exec(), mat);
  for (auto _ : state) {
    kprove::ntt_forward(Exec(), *mat, tw, NttOrder::natural, NttOrder::bit_reversed);
    Exec().fence();
  }
  const double bytes = 2.0 * double(n * m * sizeof(F));
  state.SetBytesProcessed(int64_t(bytes * double(state.iterations())));
  kprove::perf::report_roofline<Exec>(state, bytes);
}

// Args: log2 rows, columns, rate_bits, output order (0 natural, 1 bit-reversed).
template <class Exec, class F = Felt>
void BM_Lde(benchmark::State& state) {
  using Mem = typename Exec::memory_space;
  const int log_n = int(state.range(0)), rate_bits = int(state.range(2));
  const std::size_t n = std::size_t(1) << log_n, m = std::size_t(state.range(1));
  const NttOrder order = state.range(3) ? NttOrder::bit_reversed : NttOrder::natural;
  kprove::MemoryLedger ledger;
  const kprove::NttTwiddles<Mem, F> tw(ledger, log_n);
  auto evals = kprove::alloc_mat<F, Mem>(ledger, "bench", n, m);
  kprove::zero_fill(Exec(), evals);
  for (auto _ : state) {
    auto out =
        kprove::lde(Exec(), ledger, *evals, rate_bits, kprove::default_coset_shift<F>(), order, tw);
    Exec().fence();
  }
  const double bytes = double(((n << rate_bits) + n) * m * sizeof(F));
  state.SetBytesProcessed(int64_t(bytes * double(state.iterations())));
  kprove::perf::report_roofline<Exec>(state, bytes);
}

// Host runs stop at 2^22 x 64 (2 GiB) so a 2-core machine finishes in reasonable time.
BENCHMARK_TEMPLATE(BM_NttForward, Kokkos::DefaultHostExecutionSpace)
    ->ArgsProduct({{20, 22, 24}, {1}})
    ->ArgsProduct({{20, 22}, {64}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_NttForward, Kokkos::DefaultHostExecutionSpace, BabyBear)
    ->ArgsProduct({{20, 22}, {64}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Lde, Kokkos::DefaultHostExecutionSpace)
    ->ArgsProduct({{20}, {64}, {1}, {0, 1}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Lde, Kokkos::DefaultHostExecutionSpace, BabyBear)
    ->ArgsProduct({{20}, {64}, {1}, {0, 1}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#if defined(KOKKOS_ENABLE_CUDA)
BENCHMARK_TEMPLATE(BM_NttForward, Kokkos::Cuda)
    ->ArgsProduct({{20, 21, 22, 23, 24}, {1, 64}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_NttForward, Kokkos::Cuda, BabyBear)
    ->ArgsProduct({{20, 22, 24}, {1, 64}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Lde, Kokkos::Cuda)
    ->ArgsProduct({{20, 22}, {64}, {1}, {0, 1}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Lde, Kokkos::Cuda, BabyBear)
    ->ArgsProduct({{20, 22}, {64}, {1}, {0, 1}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#endif

}  // namespace
