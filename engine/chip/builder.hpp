// ChipBuilder: how a chip is declared in one place. Columns are named as they are created
// (structured, then preprocessed, then witness; see chip.hpp), constraints and interactions
// are written as expressions over them; a chip type passes the finished builder to
// Chip's constructor. Interactions must be affine in the columns (checked here).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/chip/chip.hpp"

namespace kprove::chip {

// A 32-bit value as two u16 limb columns.
struct Word {
  uint32_t lo = 0, hi = 0;
};

inline Expr col(uint32_t c) { return Expr::col(c); }
inline Expr cst(uint64_t k) { return Expr::constant(Felt::from_u64(k)); }
inline Expr value_of(Word w) { return col(w.lo) + cst(1u << 16) * col(w.hi); }
// x (x - 1): zero iff x is 0 or 1.
inline Expr boolean(const Expr& x) { return x * (x - cst(1)); }

class ChipBuilder {
 public:
  explicit ChipBuilder(std::string name) : name_(std::move(name)) {}

  // New columns; throws std::logic_error when a kind comes after a later kind or a name
  // repeats.
  uint32_t structured(const std::string& name);
  uint32_t preprocessed(const std::string& name);
  uint32_t witness(const std::string& name);
  Word witness_word(const std::string& name);  // name_lo, name_hi

  void constrain(Expr e) { constraints_.push_back(std::move(e)); }
  // multiplicity / (alpha - fingerprint(bus, tuple)) on every row; throws std::logic_error if
  // an entry or the multiplicity is not affine or the tuple does not fit the bus.
  void interact(Bus bus, const std::vector<Expr>& tuple, const Expr& multiplicity);
  void send(Bus bus, const std::vector<Expr>& tuple, const Expr& multiplicity) {
    interact(bus, tuple, multiplicity);
  }
  void receive(Bus bus, const std::vector<Expr>& tuple, const Expr& multiplicity) {
    interact(bus, tuple, -multiplicity);
  }
  // v in [0, 2^16) wherever multiplicity is 1.
  void range16(const Expr& v, const Expr& multiplicity) {
    send(Bus::u16_range, {v}, multiplicity);
  }

  const std::string& name() const { return name_; }
  std::size_t num_columns() const { return columns_.size(); }

 private:
  friend class Chip;
  enum class Kind { structured, preprocessed, witness };
  uint32_t add(const std::string& name, Kind kind);

  std::string name_;
  std::vector<std::string> columns_;
  std::vector<Expr> constraints_;
  std::vector<Interaction> interactions_;
  std::size_t structured_ = 0, preprocessed_ = 0;
  Kind last_ = Kind::structured;
};

}  // namespace kprove::chip
