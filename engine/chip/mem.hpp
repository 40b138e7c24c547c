// MEM chip: LW and SW. Proves the address arithmetic addr = a + imm (mod 2^32) with a limb
// carry chain, word alignment (addr_lo = 4 addr_w with addr_w and 4 addr_w both u16, so
// addr_w < 2^14), u16 limbs of address, base and value, and that the access comes after the
// write it observes: clk - prev_clk - 1 = dt_lo + 2^16 dt_hi with u16 limbs. The value itself
// is carried by the record (consistent by construction; no offline memory checking).
#pragma once

#include <cstdint>

#include "engine/chip/witgen.hpp"
#include "engine/chip/record_chip.hpp"
#include "engine/workload/opcode.hpp"

namespace kprove::chip {

namespace mem {
// clang-format off
enum Col : uint32_t {
  IS_LW, IS_SW, IS_REAL,
  A_LO, A_HI, IMM,
  ADDR_W, ADDR_HI,  // addr = 4 addr_w + 2^16 addr_hi
  CARRY0, CARRY1,
  V_LO, V_HI,       // value loaded (LW) or stored (SW)
  CLK, PREV_CLK, DT_LO, DT_HI,
  NUM_COLS
};
// clang-format on
}  // namespace mem

namespace detail {
struct MemRow {
  static constexpr std::size_t kColumns = mem::NUM_COLS;
  static constexpr workload::OpClass op_class = workload::OpClass::mem;

  KOKKOS_INLINE_FUNCTION static void fill(const workload::StepRecord& s, Felt* row) {
    using namespace mem;
    const uint32_t alo = s.a & 0xFFFFu, ahi = s.a >> 16;
    const uint32_t carry0 = (alo + s.imm) >> 16, carry1 = (ahi + carry0) >> 16;
    const uint32_t dt = s.clk - s.prev_clk - 1;
    row[IS_LW] = small(s.op == uint32_t(workload::Opcode::LW));
    row[IS_SW] = small(s.op == uint32_t(workload::Opcode::SW));
    row[IS_REAL] = Felt::one();
    row[A_LO] = small(alo), row[A_HI] = small(ahi), row[IMM] = small(s.imm);
    row[ADDR_W] = small((s.addr & 0xFFFFu) >> 2), row[ADDR_HI] = small(s.addr >> 16);
    row[CARRY0] = small(carry0), row[CARRY1] = small(carry1);
    row[V_LO] = small(s.mem_value & 0xFFFFu), row[V_HI] = small(s.mem_value >> 16);
    row[CLK] = small(s.clk), row[PREV_CLK] = small(s.prev_clk);
    row[DT_LO] = small(dt & 0xFFFFu), row[DT_HI] = small(dt >> 16);
  }
};
}  // namespace detail

class MemChip : public RecordChip<detail::MemRow> {
 public:
  MemChip();
};

}  // namespace kprove::chip
