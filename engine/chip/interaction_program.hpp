// Interactions compiled for the device: fixed-size POD records the LogUp and multiplicity
// kernels evaluate against a row. Limits (checked when compiling) keep each record small.
#pragma once

#include <Kokkos_Core.hpp>
#include <string>
#include <vector>

#include "engine/chip/interaction.hpp"
#include "views/owned.hpp"

namespace kprove::chip {

inline constexpr std::size_t kMaxAffineTerms = 16;
inline constexpr std::size_t kMaxTupleArity = 5;

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

struct DeviceInteraction {
  Bus bus;
  uint32_t arity;
  DeviceAffine multiplicity;
  DeviceAffine tuple[kMaxTupleArity];
};

template <class Mem>
using InteractionProgram = Owned<Vec<DeviceInteraction, Mem>>;

// Throws std::invalid_argument if a lookup has more than kMaxTupleArity entries, an affine
// form has more than kMaxAffineTerms terms, or the arity does not match the table.
std::vector<DeviceInteraction> compile_interactions(const std::vector<Interaction>& lookups);

template <class Exec, class Mem = typename Exec::memory_space>
InteractionProgram<Mem> upload_interactions(const Exec& exec, MemoryLedger& ledger,
                                  const std::string& label, const std::vector<Interaction>& lookups) {
  return upload_vec<Mem>(exec, ledger, label + ":lookups", compile_interactions(lookups));
}

}  // namespace kprove::chip
