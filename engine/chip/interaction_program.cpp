#include "engine/chip/interaction_program.hpp"

#include <stdexcept>

#include <string>

namespace kprove::chip {

static_assert(bus_arity(Bus::mem) == kMaxTupleArity);

namespace {
DeviceAffine compile(const Affine& a) {
  if (a.terms().size() > kMaxAffineTerms)
    throw std::invalid_argument("interaction entry has " + std::to_string(a.terms().size()) +
                                " terms, more than the device limit " +
                                std::to_string(kMaxAffineTerms));
  DeviceAffine d{a.constant(), uint32_t(a.terms().size()), 0, {}, {}};
  for (std::size_t t = 0; t < kMaxAffineTerms; ++t) {
    d.col[t] = t < a.terms().size() ? a.terms()[t].first : 0;
    d.coef[t] = t < a.terms().size() ? a.terms()[t].second : Felt::zero();
    if (d.coef[t] == Felt::one()) d.unit |= 1u << t;
  }
  return d;
}
}  // namespace

std::vector<DeviceInteraction> compile_interactions(const std::vector<Interaction>& lookups) {
  std::vector<DeviceInteraction> out;
  for (const auto& l : lookups) {
    if (static_cast<uint32_t>(l.bus) == 0 || static_cast<uint32_t>(l.bus) >= kNumBuses)
      throw std::invalid_argument("interaction on unknown bus " +
                                  std::to_string(static_cast<uint32_t>(l.bus)));
    if (l.tuple.size() != bus_arity(l.bus))
      throw std::invalid_argument(std::string("interaction on bus ") + to_string(l.bus) +
                                  " has " + std::to_string(l.tuple.size()) +
                                  " entries, the bus carries " +
                                  std::to_string(bus_arity(l.bus)));
    DeviceInteraction d{l.bus, uint32_t(l.tuple.size()), compile(l.multiplicity), {}};
    for (std::size_t i = 0; i < kMaxTupleArity; ++i)
      d.tuple[i] = i < l.tuple.size() ? compile(l.tuple[i]) : compile(Affine());
    out.push_back(d);
  }
  return out;
}

}  // namespace kprove::chip
