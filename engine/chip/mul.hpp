// MUL chip: c = a * b mod 2^32 on u16 limbs, schoolbook on the two low limb products:
//   a_lo b_lo                 = c_lo + 2^16 k0             (k0 < 2^16)
//   a_lo b_hi + a_hi b_lo + k0 = c_hi + 2^16 (k1_lo + 2^16 k1_hi)   (sum < 2^33, k1_hi boolean)
// All limbs and k0, k1_lo are u16-range-checked, which makes both equations integer ones.
#pragma once

#include <cstdint>

#include "engine/chip/witgen.hpp"
#include "engine/chip/record_chip.hpp"

namespace kprove::chip {

namespace mul {
enum Col : uint32_t { IS_REAL, A_LO, A_HI, B_LO, B_HI, C_LO, C_HI, K0, K1_LO, K1_HI, NUM_COLS };
}

namespace detail {
struct MulRow {
  static constexpr std::size_t kColumns = mul::NUM_COLS;
  static constexpr workload::OpClass op_class = workload::OpClass::mul;

  KOKKOS_INLINE_FUNCTION static void fill(const workload::StepRecord& s, Felt* row) {
    using namespace mul;
    const uint64_t alo = s.a & 0xFFFFu, ahi = s.a >> 16, blo = s.b & 0xFFFFu, bhi = s.b >> 16;
    const uint64_t k0 = (alo * blo) >> 16;
    const uint64_t k1 = (alo * bhi + ahi * blo + k0) >> 16;
    row[IS_REAL] = Felt::one();
    row[A_LO] = small(alo), row[A_HI] = small(ahi);
    row[B_LO] = small(blo), row[B_HI] = small(bhi);
    row[C_LO] = small(s.c & 0xFFFFu), row[C_HI] = small(s.c >> 16);
    row[K0] = small(k0), row[K1_LO] = small(k1 & 0xFFFFu), row[K1_HI] = small(k1 >> 16);
  }
};
}  // namespace detail

class MulChip : public RecordChip<detail::MulRow> {
 public:
  MulChip();
};

}  // namespace kprove::chip
