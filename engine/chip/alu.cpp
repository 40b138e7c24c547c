#include "engine/chip/alu.hpp"

#include "engine/chip/impl/builders.hpp"

namespace kprove::chip {

namespace {
using namespace alu;
using namespace detail;

std::vector<std::string> column_names() {
  return {"is_add", "is_sub", "is_and", "is_or",  "is_xor", "is_slt", "is_real", "a_lo",
          "a_hi",   "b_lo",   "b_hi",   "c_lo",   "c_hi",   "carry0", "carry1",  "sign_a",
          "sign_b", "d_lo",   "d_hi",   "a_b0",   "a_b1",   "a_b2",   "a_b3",    "b_b0",
          "b_b1",   "b_b2",   "b_b3",   "and_b0", "and_b1", "and_b2", "and_b3"};
}

// Byte k of the bitwise result: a&b, a|b = a+b-(a&b) or a^b = a+b-2(a&b) by selector.
Expr bitwise_byte(uint32_t k) {
  const Expr a = col(A_B0 + k), b = col(B_B0 + k), x = col(AND_B0 + k);
  return col(IS_AND) * x + col(IS_OR) * (a + b - x) + col(IS_XOR) * (a + b - cst(2) * x);
}

std::vector<Expr> make_constraints() {
  const Expr two16 = cst(1u << 16), two8 = cst(1u << 8);
  std::vector<Expr> cs;
  for (uint32_t c :
       {IS_ADD, IS_SUB, IS_AND, IS_OR, IS_XOR, IS_SLT, IS_REAL, CARRY0, CARRY1, SIGN_A, SIGN_B})
    cs.push_back(boolean(c));
  cs.push_back(col(IS_REAL) - sum({IS_ADD, IS_SUB, IS_AND, IS_OR, IS_XOR, IS_SLT}));
  // Byte decomposition of both operands, on every row.
  cs.push_back(col(A_LO) - col(A_B0) - two8 * col(A_B1));
  cs.push_back(col(A_HI) - col(A_B2) - two8 * col(A_B3));
  cs.push_back(col(B_LO) - col(B_B0) - two8 * col(B_B1));
  cs.push_back(col(B_HI) - col(B_B2) - two8 * col(B_B3));
  const Expr bitwise = sum({IS_AND, IS_OR, IS_XOR});
  cs.push_back(bitwise * col(C_LO) - bitwise_byte(0) - two8 * bitwise_byte(1));
  cs.push_back(bitwise * col(C_HI) - bitwise_byte(2) - two8 * bitwise_byte(3));
  // ADD: a + b = c; SUB: b + c = a.
  cs.push_back(col(IS_ADD) * (col(A_LO) + col(B_LO) - col(C_LO) - two16 * col(CARRY0)));
  cs.push_back(col(IS_ADD) *
               (col(A_HI) + col(B_HI) + col(CARRY0) - col(C_HI) - two16 * col(CARRY1)));
  cs.push_back(col(IS_SUB) * (col(B_LO) + col(C_LO) - col(A_LO) - two16 * col(CARRY0)));
  cs.push_back(col(IS_SUB) *
               (col(B_HI) + col(C_HI) + col(CARRY0) - col(A_HI) - two16 * col(CARRY1)));
  // SLT: b' + d = a' + 2^32 carry1 with x'_hi = x_hi + 2^15 - 2^16 sign_x; c = carry1.
  cs.push_back(col(IS_SLT) * (col(B_LO) + col(D_LO) - col(A_LO) - two16 * col(CARRY0)));
  cs.push_back(col(IS_SLT) * (col(B_HI) + col(D_HI) + col(CARRY0) - col(A_HI) -
                              two16 * (col(CARRY1) + col(SIGN_B) - col(SIGN_A))));
  cs.push_back(col(IS_SLT) * (col(C_LO) - col(CARRY1)));
  cs.push_back(col(IS_SLT) * col(C_HI));
  return cs;
}

std::vector<Interaction> make_lookups() {
  const Affine arith = asum({IS_ADD, IS_SUB, IS_SLT}), add_sub = asum({IS_ADD, IS_SUB});
  const Affine slt = acol(IS_SLT), bitwise = asum({IS_AND, IS_OR, IS_XOR});
  std::vector<Interaction> ls;
  for (uint32_t c : {A_LO, A_HI, B_LO, B_HI}) ls.push_back(range16(acol(c), arith));
  for (uint32_t c : {C_LO, C_HI}) ls.push_back(range16(acol(c), add_sub));
  for (uint32_t c : {D_LO, D_HI}) ls.push_back(range16(acol(c), slt));
  // 2 hi - 2^16 sign in [0, 2^16) iff sign is the top bit of the u16 limb hi.
  ls.push_back(range16(felt(2) * acol(A_HI) - felt(1u << 16) * acol(SIGN_A), slt));
  ls.push_back(range16(felt(2) * acol(B_HI) - felt(1u << 16) * acol(SIGN_B), slt));
  for (uint32_t k = 0; k < 4; ++k) ls.push_back(and_byte(A_B0 + k, B_B0 + k, AND_B0 + k, bitwise));
  return ls;
}
}  // namespace

AluChip::AluChip() : RecordChip("alu", column_names(), make_constraints(), make_lookups()) {}

}  // namespace kprove::chip
