#include "engine/chip/interaction.hpp"

#include <optional>
#include <span>
#include <stdexcept>

namespace kprove::chip {

const char* to_string(Bus b) {
  switch (b) {
    case Bus::u16_range: return "u16_range";
    case Bus::and_byte: return "and_byte";
    case Bus::program: return "program";
    case Bus::state: return "state";
    case Bus::reg: return "reg";
    case Bus::mem: return "mem";
    case Bus::halt: return "halt";
    case Bus::stream: return "stream";
    case Bus::transfer: return "transfer";
    case Bus::io: return "io";
  }
  return "unknown";
}

Affine operator+(const Affine& x, const Affine& y) {
  // Merge of two column-sorted term lists, dropping coefficients that cancel.
  std::vector<Affine::Term> out;
  auto i = x.terms_.begin(), j = y.terms_.begin();
  while (i != x.terms_.end() || j != y.terms_.end()) {
    Affine::Term t;
    if (j == y.terms_.end() || (i != x.terms_.end() && i->first < j->first)) {
      t = *i++;
    } else if (i == x.terms_.end() || j->first < i->first) {
      t = *j++;
    } else {
      t = {i->first, i->second + j->second};
      ++i, ++j;
    }
    if (!t.second.is_zero()) out.push_back(t);
  }
  return Affine(x.constant_ + y.constant_, std::move(out));
}

Affine operator*(Felt k, const Affine& x) {
  if (k.is_zero()) return Affine();
  std::vector<Affine::Term> out = x.terms_;
  for (auto& t : out) t.second *= k;
  return Affine(k * x.constant_, std::move(out));
}

Affine Affine::from(const Expr& e, const std::string& what) {
  if (e.degree() > 1)
    throw std::logic_error(what + " has degree " + std::to_string(e.degree()) +
                           ", interactions take affine entries");
  const Expr::Node& n = e.node();
  switch (n.op) {
    case Expr::Op::col: return col(n.column);
    case Expr::Op::constant: return constant(n.value);
    case Expr::Op::add: return from(n.lhs, what) + from(n.rhs, what);
    case Expr::Op::sub: return from(n.lhs, what) - from(n.rhs, what);
    case Expr::Op::neg: return -from(n.lhs, what);
    case Expr::Op::mul: {
      // Degree <= 1: one side is a constant expression.
      const bool left_constant = n.lhs.degree() == 0;
      const Expr& k = left_constant ? n.lhs : n.rhs;
      const Affine other = from(left_constant ? n.rhs : n.lhs, what);
      return k.evaluate<Felt>(std::span<const Felt>()) * other;
    }
  }
  throw std::logic_error(what + ": unknown expression node");
}

Expr Affine::to_expr() const {
  std::optional<Expr> e;
  if (!constant_.is_zero() || terms_.empty()) e = Expr::constant(constant_);
  for (const auto& [c, k] : terms_) {
    const Expr term = k == Felt::one() ? Expr::col(c) : k * Expr::col(c);
    e = e ? *e + term : term;
  }
  return *e;
}

Felt Affine::eval(const Felt* row) const {
  Felt v = constant_;
  for (const auto& [c, k] : terms_) v += k * row[c];
  return v;
}

std::vector<Expr> Interaction::tuple_exprs() const {
  std::vector<Expr> out;
  out.reserve(tuple.size());
  for (const auto& a : tuple) out.push_back(a.to_expr());
  return out;
}

}  // namespace kprove::chip
