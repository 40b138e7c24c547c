// A chip of the consumer's own, declared through the installed chip API: rows (x, y) with
// y = x^2 and x range-checked into the u16_range table, witness generated from records on the
// device by chip::witgen_rows.
#pragma once

#include <cstdint>

#include "engine/chip/builder.hpp"
#include "engine/chip/witgen.hpp"

struct SquareFill {
  static constexpr std::size_t kColumns = 3;
  KOKKOS_INLINE_FUNCTION void operator()(const std::uint32_t& x, kprove::Felt* row) const {
    row[0] = kprove::Felt::one();
    row[1] = kprove::Felt::from_canonical(x);
    row[2] = kprove::Felt::from_u64(std::uint64_t(x) * x);
  }
};

class SquareChip : public kprove::chip::Chip {
 public:
  SquareChip() : Chip(declare()) {}

 private:
  static kprove::chip::ChipBuilder declare() {
    using namespace kprove::chip;
    ChipBuilder b("square");
    const std::uint32_t real = b.witness("is_real"), x = b.witness("x"), y = b.witness("y");
    b.constrain(boolean(col(real)));
    b.constrain(col(y) - col(x) * col(x));
    b.range16(col(x), col(real));
    return b;
  }
};
