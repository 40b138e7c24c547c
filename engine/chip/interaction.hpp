// Bus interactions of a chip: every row of a trace sends or receives tuples on named buses,
// and a shard is consistent iff every bus balances.
//
// An interaction is (bus, tuple, multiplicity): on every row it adds
//     multiplicity / (alpha - (bus + sum_i beta^(i+1) * tuple_i))
// to one LogUp sum over the whole shard (the tower), which must come out zero once the
// verifier's boundary terms (engine/protocol/shard_protocol.hpp) are added. Multiplicities are
// signed: +m sends, -m receives. Lookup buses (the fixed tables and the program) are
// "looked up" by chips with multiplicity = a selector and "received" by their table with
// -mult, a witness column counted at witgen; state, register and memory buses are balanced
// by the chips themselves (each access receives the previous tuple and sends the new one).
// The bus id takes the beta^0 slot so equal tuples of different buses never cancel.
//
// Tuple entries and multiplicities are affine in the columns (constant + sum coef * col):
// enough for selectors, limbs, shifted limbs and packed fields, and simple enough to be
// evaluated on the device without an expression interpreter (LogUp leaves, multiplicities).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <Kokkos_Macros.hpp>

#include "kernels/expr/expr.hpp"
#include "kernels/field/goldilocks.hpp"

namespace kprove::chip {

// Buses, with the tuple each carries (limbs are u16 halves of a 32-bit word):
//   u16_range (v)                          v < 2^16                    lookup: table u16_range
//   and_byte  (a, b, a & b)                a, b bytes                  lookup: table and_byte
//   program   (pc, fields, imm_lo, imm_hi) an instruction of P         lookup: program table
//   state     (pc, ts)                     the machine between steps
//   reg       (index, lo, hi, ts)          a register's value and last access
//   mem       (word address, lo, hi, ts, writable)  a memory word's value and last access
//   halt      (exit_lo, exit_hi, ts)       the exit ecall's code and final timestamp
//   stream    (which, cursor, eof)         the input (0) or output (1) stream's position
//   transfer  (ts, byte address, offset)   a read/write ecall's bytes still to move
//   io        (which, offset, byte)        a byte of the public input or output   lookup
enum class Bus : uint32_t {
  u16_range = 1, and_byte = 2, program = 3, state = 4, reg = 5, mem = 6, halt = 7, stream = 8,
  transfer = 9, io = 10
};
inline constexpr uint32_t kNumBuses = 11;  // ids 1..10; 0 is never a bus

// Tuple length of each bus (index by the bus id).
KOKKOS_INLINE_FUNCTION constexpr uint32_t bus_arity(Bus b) {
  constexpr uint32_t arity[kNumBuses] = {0, 1, 3, 4, 2, 4, 5, 3, 3, 3, 3};
  return arity[static_cast<uint32_t>(b)];
}
const char* to_string(Bus b);

class Affine {
 public:
  using Term = std::pair<uint32_t, Felt>;  // (column, coefficient)

  Affine() : constant_(Felt::zero()) {}
  static Affine col(uint32_t c) { return Affine(Felt::zero(), {{c, Felt::one()}}); }
  static Affine constant(Felt k) { return Affine(k, {}); }
  // The affine form of e; throws std::logic_error naming `what` if e has degree > 1.
  static Affine from(const Expr& e, const std::string& what);

  friend Affine operator+(const Affine& x, const Affine& y);
  friend Affine operator-(const Affine& x, const Affine& y) { return x + (-y); }
  friend Affine operator*(Felt k, const Affine& x);
  Affine operator-() const { return (-Felt::one()) * *this; }

  Felt constant() const { return constant_; }
  // Distinct columns, ascending, nonzero coefficients.
  const std::vector<Term>& terms() const { return terms_; }
  Expr to_expr() const;
  // Value on one row; row[c] is column c.
  Felt eval(const Felt* row) const;

 private:
  Affine(Felt k, std::vector<Term> terms) : constant_(k), terms_(std::move(terms)) {}
  Felt constant_;
  std::vector<Term> terms_;
};

struct Interaction {
  Bus bus;
  std::vector<Affine> tuple;
  Affine multiplicity;

  std::vector<Expr> tuple_exprs() const;
  Expr multiplicity_expr() const { return multiplicity.to_expr(); }
};

}  // namespace kprove::chip
