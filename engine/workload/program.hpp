// The generated program, step by step, as a pure function of (seed, step index): a
// counter-based RNG makes every record computable on its own, so a device kernel builds a
// shard in parallel with no host-side preparation and no host->device copy.
//
// Memory model (consistent by construction, no offline memory checking):
//  - SW at step k writes the fresh word address kStoreRegion + 4k, so no address is written
//    twice and the written region is disjoint from initial memory;
//  - LW at step j either re-reads the word stored by an SW a few steps earlier (it probes
//    kLoadProbes random distances in [1, kLookback]; the opcode of any step is known in closed
//    form), or reads an untouched word of initial memory [0, 2^31), whose value is
//    initial_memory(seed, addr).
// Either way an LW returns what a sequential machine would, and prev_clk names the write.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstdint>

#include "engine/workload/config.hpp"
#include "engine/workload/record.hpp"

namespace kprove::workload {

inline constexpr uint32_t kStoreRegion = 0x80000000u;
inline constexpr uint32_t kLookback = 64;
inline constexpr int kLoadProbes = 4;

// splitmix64's finaliser: a bijective 64-bit mixer with full avalanche.
KOKKOS_INLINE_FUNCTION constexpr uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Independent 64-bit draw number `lane` of step `step`.
KOKKOS_INLINE_FUNCTION constexpr uint64_t draw(uint64_t seed, uint64_t step, uint32_t lane) {
  return mix64(mix64(seed + step * 0x9E3779B97F4A7C15ull) ^ (uint64_t(lane) << 32 | lane));
}

KOKKOS_INLINE_FUNCTION constexpr uint32_t store_address(uint64_t step) {
  return kStoreRegion + 4u * uint32_t(step);
}

KOKKOS_INLINE_FUNCTION constexpr uint32_t initial_memory(uint64_t seed, uint32_t addr) {
  return uint32_t(mix64(~seed ^ (uint64_t(addr) * 0xD6E8FEB86659FD93ull)) >> 32);
}

// The device-copyable part of a WorkloadConfig: seed and cumulative opcode weights.
struct ProgramParams {
  uint64_t seed;
  uint64_t total_weight;
  Kokkos::Array<uint64_t, kNumOpcodes> cumulative;

  static ProgramParams from(const WorkloadConfig& cfg) {
    ProgramParams p{cfg.seed, 0, {}};
    for (std::size_t i = 0; i < kNumOpcodes; ++i)
      p.cumulative[i] = p.total_weight += cfg.mix.weight[i];
    return p;
  }
};

namespace detail {
enum Lane : uint32_t { kLaneOp, kLaneA, kLaneB, kLaneImm, kLaneInitAddr, kLaneProbe0 };

// Operands are uniform 32-bit values, except one in eight is a boundary value where carries,
// borrows and sign handling change.
KOKKOS_INLINE_FUNCTION uint32_t operand(uint64_t r) {
  if ((r & 7) != 0) return uint32_t(r >> 32);
  switch ((r >> 3) % 8) {
    case 0: return 0;
    case 1: return 1;
    case 2: return 0xFFFFu;
    case 3: return 0x10000u;
    case 4: return 0x7FFFFFFFu;
    case 5: return 0x80000000u;
    case 6: return 0xFFFF0000u;
    default: return 0xFFFFFFFFu;
  }
}
}  // namespace detail

KOKKOS_INLINE_FUNCTION Opcode opcode_at(const ProgramParams& p, uint64_t step) {
  // Multiply-shift maps a 32-bit draw onto [0, total) without a division.
  const uint64_t v = ((draw(p.seed, step, detail::kLaneOp) >> 32) * p.total_weight) >> 32;
  uint32_t op = 0;
  while (v >= p.cumulative[op]) ++op;
  return static_cast<Opcode>(op);
}

KOKKOS_INLINE_FUNCTION StepRecord make_step(const ProgramParams& p, uint64_t step) {
  const Opcode op = opcode_at(p, step);
  StepRecord r{uint32_t(step + 1), uint32_t(op), 0, 0, 0, 0, 0, 0, 0};
  if (op_class(op) != OpClass::mem) {
    r.a = detail::operand(draw(p.seed, step, detail::kLaneA));
    r.b = detail::operand(draw(p.seed, step, detail::kLaneB));
    r.c = execute(op, r.a, r.b);
    return r;
  }
  r.imm = uint32_t(draw(p.seed, step, detail::kLaneImm)) & 0xFFFu;
  if (op == Opcode::SW) {
    r.addr = store_address(step);
    r.b = r.mem_value = detail::operand(draw(p.seed, step, detail::kLaneB));
  } else {
    r.addr = 4u * uint32_t(draw(p.seed, step, detail::kLaneInitAddr) >> 35);
    r.mem_value = initial_memory(p.seed, r.addr);
    for (int k = 0; k < kLoadProbes; ++k) {
      const uint64_t back = 1 + draw(p.seed, step, detail::kLaneProbe0 + k) % kLookback;
      if (back <= step && opcode_at(p, step - back) == Opcode::SW) {
        const uint64_t src = step - back;
        r.addr = store_address(src);
        r.mem_value = detail::operand(draw(p.seed, src, detail::kLaneB));
        r.prev_clk = uint32_t(src + 1);
        break;
      }
    }
    r.c = r.mem_value;
  }
  r.a = r.addr - r.imm;
  return r;
}

}  // namespace kprove::workload
