#include "engine/chip/mem.hpp"

#include "engine/chip/impl/builders.hpp"

namespace kprove::chip {

namespace {
using namespace mem;
using namespace detail;

std::vector<Expr> make_constraints() {
  const Expr two16 = cst(1u << 16);
  std::vector<Expr> cs;
  for (uint32_t c : {IS_LW, IS_SW, IS_REAL, CARRY0, CARRY1}) cs.push_back(boolean(c));
  cs.push_back(col(IS_REAL) - col(IS_LW) - col(IS_SW));
  cs.push_back(col(A_LO) + col(IMM) - cst(4) * col(ADDR_W) - two16 * col(CARRY0));
  cs.push_back(col(A_HI) + col(CARRY0) - col(ADDR_HI) - two16 * col(CARRY1));
  cs.push_back(col(IS_REAL) *
               (col(CLK) - col(PREV_CLK) - cst(1) - col(DT_LO) - two16 * col(DT_HI)));
  return cs;
}

std::vector<Interaction> make_lookups() {
  std::vector<Interaction> ls;
  for (uint32_t c : {A_LO, A_HI, IMM, ADDR_W, ADDR_HI, V_LO, V_HI, DT_LO, DT_HI})
    ls.push_back(range16(acol(c), acol(IS_REAL)));
  ls.push_back(range16(felt(4) * acol(ADDR_W), acol(IS_REAL)));
  return ls;
}
}  // namespace

MemChip::MemChip()
    : RecordChip("mem",
                 {"is_lw", "is_sw", "is_real", "a_lo", "a_hi", "imm", "addr_w", "addr_hi", "carry0",
                  "carry1", "v_lo", "v_hi", "clk", "prev_clk", "dt_lo", "dt_hi"},
                 make_constraints(), make_lookups()) {}

}  // namespace kprove::chip
