// Builds shard `shard` of the configured program directly in Exec's memory space: two
// passes over the steps (count per chip class, then a scan that places each record in its
// class group), each record computed on the device from the counter-based RNG.
// Counts and offsets are known on return; the records are written asynchronously on exec.
#pragma once

#include <Kokkos_Core.hpp>
#include <string>

#include "engine/workload/impl/generator_kernels.hpp"
#include "engine/workload/shard.hpp"

namespace kprove::workload {

template <class Exec>
Shard<typename Exec::memory_space> generate_shard(const Exec& exec, MemoryLedger& ledger,
                                                  const WorkloadConfig& cfg, uint64_t shard) {
  using Mem = typename Exec::memory_space;
  cfg.validate();
  Shard<Mem> s;
  s.index = shard;
  s.first_step = cfg.shard_first_step(shard);
  s.steps = cfg.shard_size(shard);
  s.records =
      alloc_vec<StepRecord, Mem>(ledger, "shard" + std::to_string(shard) + ":records", s.steps);
  const auto params = ProgramParams::from(cfg);
  const Kokkos::RangePolicy<Exec> policy(exec, 0, s.steps);

  uint64_t packed = 0;
  Kokkos::parallel_reduce("kprove::workload::count_classes", policy,
                          detail::CountClasses{params, s.first_step}, packed);
  const auto counts = detail::unpack_counts(packed, s.steps);
  for (std::size_t c = 0; c < kNumOpClasses; ++c) {
    s.count[c] = counts[c];
    s.offset[c] = c == 0 ? 0 : s.offset[c - 1] + s.count[c - 1];
  }
  Kokkos::Array<std::size_t, kNumOpClasses> offset;
  for (std::size_t c = 0; c < kNumOpClasses; ++c) offset[c] = s.offset[c];
  Kokkos::parallel_scan("kprove::workload::place_steps", policy,
                        detail::PlaceSteps<Mem>{params, s.first_step, offset, s.records.view()});
  return s;
}

}  // namespace kprove::workload
