// Lookups compiled for the device: fixed-size POD records the LogUp and multiplicity
// kernels evaluate against a row. Limits (checked when compiling) keep each record small.
#pragma once

#include <Kokkos_Core.hpp>
#include <string>
#include <vector>

#include "engine/chip/lookup.hpp"
#include "views/owned.hpp"

namespace kprove::chip {

inline constexpr std::size_t kMaxAffineTerms = 4;
inline constexpr std::size_t kMaxTupleArity = 4;

struct DeviceAffine {
  Felt constant;
  uint32_t num_terms;
  uint32_t unit;  // bit t set: coef[t] == 1, added without a multiplication (most terms)
  uint32_t col[kMaxAffineTerms];
  Felt coef[kMaxAffineTerms];

  // row(c) returns column c of the row being evaluated.
  template <class Row>
  KOKKOS_INLINE_FUNCTION Felt eval(const Row& row) const {
    Felt v = constant;
    for (uint32_t t = 0; t < num_terms; ++t)
      v += (unit >> t & 1) ? row(col[t]) : coef[t] * row(col[t]);
    return v;
  }
};

struct DeviceLookup {
  TableId table;
  uint32_t arity;
  DeviceAffine multiplicity;
  DeviceAffine tuple[kMaxTupleArity];
};

template <class Mem>
using LookupProgram = Owned<Vec<DeviceLookup, Mem>>;

// Throws std::invalid_argument if a lookup has more than kMaxTupleArity entries, an affine
// form has more than kMaxAffineTerms terms, or the arity does not match the table.
std::vector<DeviceLookup> compile_lookups(const std::vector<Lookup>& lookups);

template <class Exec, class Mem = typename Exec::memory_space>
LookupProgram<Mem> upload_lookups(const Exec& exec, MemoryLedger& ledger,
                                  const std::string& label, const std::vector<Lookup>& lookups) {
  return upload_vec<Mem>(exec, ledger, label + ":lookups", compile_lookups(lookups));
}

}  // namespace kprove::chip
