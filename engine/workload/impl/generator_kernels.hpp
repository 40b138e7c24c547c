// Kernels of generate_shard. Per-class counts travel packed in one uint64 (ALU in the low
// half, MUL in the high half; MEM is the rest), so both passes use a plain scalar reduce and
// scan, which every Kokkos version and backend supports. Counts stay below 2^32 because a
// shard has at most 2^29 steps.
#pragma once

#include <Kokkos_Core.hpp>
#include <array>

#include "engine/workload/program.hpp"

namespace kprove::workload::detail {

KOKKOS_INLINE_FUNCTION uint64_t packed_class(Opcode op) {
  const OpClass c = op_class(op);
  return c == OpClass::alu ? 1u : c == OpClass::mul ? uint64_t(1) << 32 : 0u;
}

// Counts of a packed prefix over `steps` steps, in OpClass order.
inline std::array<std::size_t, kNumOpClasses> unpack_counts(uint64_t packed, std::size_t steps) {
  const std::size_t alu = packed & 0xFFFFFFFFu, mul = packed >> 32;
  return {alu, mul, steps - alu - mul};
}

struct CountClasses {
  ProgramParams params;
  uint64_t first_step;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i, uint64_t& acc) const {
    acc += packed_class(opcode_at(params, first_step + i));
  }
};

template <class Mem>
struct PlaceSteps {
  using value_type = uint64_t;
  ProgramParams params;
  uint64_t first_step;
  Kokkos::Array<std::size_t, kNumOpClasses> offset;
  Kokkos::View<StepRecord*, Mem> records;

  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i, uint64_t& prefix, bool final) const {
    const Opcode op = opcode_at(params, first_step + i);
    if (final) {
      // prefix is exclusive here: the ranks of step i within its class.
      const std::size_t alu = prefix & 0xFFFFFFFFu, mul = prefix >> 32;
      const OpClass c = op_class(op);
      const std::size_t rank = c == OpClass::alu ? alu : c == OpClass::mul ? mul : i - alu - mul;
      records(offset[static_cast<std::size_t>(c)] + rank) = make_step(params, first_step + i);
    }
    prefix += packed_class(op);
  }
};

}  // namespace kprove::workload::detail
