#include "engine/chip/mul.hpp"

#include "engine/chip/impl/builders.hpp"

namespace kprove::chip {

namespace {
using namespace mul;
using namespace detail;

std::vector<Expr> make_constraints() {
  const Expr two16 = cst(1u << 16), two32 = cst(uint64_t(1) << 32);
  return {boolean(IS_REAL), boolean(K1_HI), col(A_LO) * col(B_LO) - col(C_LO) - two16 * col(K0),
          col(A_LO) * col(B_HI) + col(A_HI) * col(B_LO) + col(K0) - col(C_HI) - two16 * col(K1_LO) -
              two32 * col(K1_HI)};
}

std::vector<Interaction> make_lookups() {
  std::vector<Interaction> ls;
  for (uint32_t c : {A_LO, A_HI, B_LO, B_HI, C_LO, C_HI, K0, K1_LO})
    ls.push_back(range16(acol(c), acol(IS_REAL)));
  return ls;
}
}  // namespace

MulChip::MulChip()
    : RecordChip(
          "mul",
          {"is_real", "a_lo", "a_hi", "b_lo", "b_hi", "c_lo", "c_hi", "k0", "k1_lo", "k1_hi"},
          make_constraints(), make_lookups()) {}

}  // namespace kprove::chip
