// Basefold on a shard-shaped batch: 64 polynomials of 2^big rows and 64 of 2^small rows at
// rate 1/2 with 16 PoW bits. Commit, open and verify time and proof size; the open benchmark
// also runs with the queries chosen for 96 bits in each regime (engine/pcs/security.hpp), so
// the price of provable security is measured beside the conjectured one.
#include <algorithm>
#include <cstdint>
#include <random>
#include <span>

#include "engine/pcs/basefold.hpp"
#include "engine/pcs/security.hpp"
#include "kernels/field/challenge_field.hpp"
#include "kernels/mle/evaluate.hpp"
#include "roofline.hpp"

namespace {

using kprove::Ext;
using kprove::Felt;
using kprove::Mat;

constexpr std::size_t kCols = 64;

template <class Mem>
struct FillPattern {
  Mat<Felt, Mem> m;
  uint64_t salt;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    for (std::size_t c = 0; c < m.extent(1); ++c)
      m(r, c) = Felt::from_u64((r * m.extent(1) + c + salt) * 0x9E3779B97F4A7C15ull);
  }
};

// The batch, its opening points and the honest claims.
template <class Exec>
struct Shard {
  using Mem = typename Exec::memory_space;
  kprove::MemoryLedger ledger;
  kprove::NttTwiddles<Mem> twiddles;
  std::vector<Mat<Felt, Mem>> matrices;
  std::vector<std::vector<Ext>> points, evals;
  kprove::PcsParams params;

  Shard(int log_big, int log_small) : twiddles(ledger, log_big) {
    const Exec exec;
    std::mt19937_64 rng(42);
    for (int log_rows : {log_big, log_small}) {
      matrices.emplace_back("shard matrix", std::size_t(1) << log_rows, kCols);
      Kokkos::parallel_for("fill", Kokkos::RangePolicy<Exec>(exec, 0, matrices.back().extent(0)),
                           FillPattern<Mem>{matrices.back(), uint64_t(log_rows)});
      std::vector<Ext> z(std::size_t(log_rows), Ext::zero());
      for (auto& x : z) x = Ext(Felt::from_u64(rng()), Felt::from_u64(rng()));
      // kernels/mle takes the most significant variable first.
      const std::vector<Ext> msb_first(z.rbegin(), z.rend());
      std::vector<Ext> e;
      for (std::size_t c = 0; c < kCols; ++c)
        e.push_back(kprove::mle_evaluate(exec, Kokkos::subview(matrices.back(), Kokkos::ALL, c),
                                         std::span<const Ext>(msb_first), ledger));
      points.push_back(z);
      evals.push_back(e);
    }
    exec.fence();
  }

  kprove::BasefoldCommitment<Mem> commit() {
    return kprove::basefold_commit(Exec(), ledger, matrices, params, twiddles);
  }
  kprove::BasefoldProof open(const kprove::BasefoldCommitment<Mem>& c) {
    kprove::Transcript t("pcs-bench");
    return kprove::basefold_open(Exec(), ledger, c, matrices, points, evals, t);
  }
  std::size_t input_bytes() const {
    std::size_t b = 0;
    for (const auto& m : matrices) b += m.size() * sizeof(Felt);
    return b;
  }
};

template <class Exec>
void BM_BasefoldCommit(benchmark::State& state) {
  Shard<Exec> shard(int(state.range(0)), int(state.range(1)));
  std::size_t commitment_bytes = 0;
  for (auto _ : state) {
    const auto c = shard.commit();
    benchmark::DoNotOptimize(c.root());
    commitment_bytes = c.bytes();
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(shard.input_bytes()));
  state.counters["commitment_MiB"] = double(commitment_bytes) / double(1 << 20);
}

// Args: log_big, log_small, regime of the 96-bit target (0 conjectured, 1 provable).
template <class Exec>
void BM_BasefoldOpen(benchmark::State& state) {
  Shard<Exec> shard(int(state.range(0)), int(state.range(1)));
  kprove::ProtocolShape shape;
  shape.max_log_height = int(state.range(0));
  shape.columns = 2 * kCols;
  const double field_bits = kprove::challenge_field_bits();
  const auto regime = state.range(2) ? kprove::SecurityRegime::provable
                                     : kprove::SecurityRegime::conjectured;
  shard.params.queries = kprove::queries_for_target(96, regime, shard.params, shape, field_bits);
  const auto c = shard.commit();
  std::size_t proof_bytes = 0;
  for (auto _ : state) proof_bytes = kprove::serialize(shard.open(c)).size();
  const auto e = kprove::estimate_security(shard.params, shape, field_bits);
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(shard.input_bytes()));
  state.SetLabel(kprove::to_string(regime));
  state.counters["proof_KiB"] = double(proof_bytes) / 1024.0;
  state.counters["queries"] = shard.params.queries;
  state.counters["provable_bits"] = e.provable_bits;
  state.counters["conjectured_bits"] = e.conjectured_bits;
}

// Host verifier time for the proof the space's prover makes.
template <class Exec>
void BM_BasefoldVerify(benchmark::State& state) {
  Shard<Exec> shard(int(state.range(0)), int(state.range(1)));
  const auto c = shard.commit();
  const auto proof = shard.open(c);
  for (auto _ : state) {
    kprove::Transcript t("pcs-bench");
    kprove::basefold_verify(c.root(), c.shapes(), shard.points, shard.evals, proof, shard.params,
                            t);
  }
  state.counters["proof_KiB"] = double(kprove::serialize(proof).size()) / 1024.0;
}

BENCHMARK_TEMPLATE(BM_BasefoldCommit, Kokkos::DefaultHostExecutionSpace)
    ->Args({16, 12})
    ->Iterations(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_BasefoldOpen, Kokkos::DefaultHostExecutionSpace)
    ->Args({16, 12, 0})
    ->Args({16, 12, 1})
    ->Iterations(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_BasefoldVerify, Kokkos::DefaultHostExecutionSpace)
    ->Args({16, 12})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#if defined(KOKKOS_ENABLE_CUDA)
BENCHMARK_TEMPLATE(BM_BasefoldCommit, Kokkos::Cuda)
    ->Args({20, 16})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_BasefoldOpen, Kokkos::Cuda)
    ->Args({20, 16, 0})
    ->Args({20, 16, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_BasefoldVerify, Kokkos::Cuda)
    ->Args({20, 16})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#endif

}  // namespace
