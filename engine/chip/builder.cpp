#include "engine/chip/builder.hpp"

#include <algorithm>
#include <stdexcept>

namespace kprove::chip {

uint32_t ChipBuilder::add(const std::string& name, Kind kind) {
  if (kind < last_)
    throw std::logic_error("chip " + name_ + ": column " + name +
                           " comes after a column of a later kind");
  if (std::find(columns_.begin(), columns_.end(), name) != columns_.end())
    throw std::logic_error("chip " + name_ + ": column " + name + " declared twice");
  last_ = kind;
  if (kind == Kind::structured) ++structured_;
  if (kind == Kind::preprocessed) ++preprocessed_;
  columns_.push_back(name);
  return uint32_t(columns_.size() - 1);
}

uint32_t ChipBuilder::structured(const std::string& name) { return add(name, Kind::structured); }
uint32_t ChipBuilder::preprocessed(const std::string& name) {
  return add(name, Kind::preprocessed);
}
uint32_t ChipBuilder::witness(const std::string& name) { return add(name, Kind::witness); }
Word ChipBuilder::witness_word(const std::string& name) {
  const uint32_t lo = witness(name + "_lo");
  return Word{lo, witness(name + "_hi")};
}

void ChipBuilder::interact(Bus bus, const std::vector<Expr>& tuple, const Expr& multiplicity) {
  const std::string what = "chip " + name_ + ": interaction " +
                           std::to_string(interactions_.size()) + " on bus " + to_string(bus);
  if (tuple.size() != bus_arity(bus))
    throw std::logic_error(what + " has " + std::to_string(tuple.size()) +
                           " entries, the bus carries " + std::to_string(bus_arity(bus)));
  Interaction i{bus, {}, Affine::from(multiplicity, what + " multiplicity")};
  for (const Expr& e : tuple) i.tuple.push_back(Affine::from(e, what + " entry"));
  interactions_.push_back(std::move(i));
}

}  // namespace kprove::chip
