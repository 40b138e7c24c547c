#include "engine/chip/lookup_program.hpp"

#include <stdexcept>

#include "engine/chip/tables.hpp"

namespace kprove::chip {

static_assert(table_arity(TableId::u16_range) <= kMaxTupleArity &&
              table_arity(TableId::and_byte) <= kMaxTupleArity);

namespace {
DeviceAffine compile(const Affine& a) {
  if (a.terms().size() > kMaxAffineTerms)
    throw std::invalid_argument("lookup entry has " + std::to_string(a.terms().size()) +
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

std::vector<DeviceLookup> compile_lookups(const std::vector<Lookup>& lookups) {
  std::vector<DeviceLookup> out;
  for (const auto& l : lookups) {
    if (l.tuple.size() != table_arity(l.table))
      throw std::invalid_argument("lookup into table " +
                                  std::to_string(static_cast<uint32_t>(l.table)) + " has " +
                                  std::to_string(l.tuple.size()) + " entries, the table " +
                                  std::to_string(table_arity(l.table)));
    DeviceLookup d{l.table, uint32_t(l.tuple.size()), compile(l.multiplicity), {}};
    for (std::size_t i = 0; i < kMaxTupleArity; ++i)
      d.tuple[i] = i < l.tuple.size() ? compile(l.tuple[i]) : compile(Affine());
    out.push_back(d);
  }
  return out;
}

}  // namespace kprove::chip
