// Leaves of the LogUp GKR tower for one trace: for lookup l and row r,
//     p[l * rows + r] = multiplicity_l(row r)
//     q[l * rows + r] = alpha - (table_id_l + sum_i beta^(i+1) * tuple_l,i(row r))
// so the trace's share of the LogUp sum is sum p / q. Chips read with their selectors, tables
// contribute -mult: over all chips and tables of a shard the sum is zero iff every lookup is
// matched. The lookup count is padded to a power of two with p = 0, q = 1 leaves, so both
// Views are MLEs over log2(lookups) high (lookup) and log2(rows) low (row) variables.
#pragma once

#include <Kokkos_Core.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/chip/interaction_program.hpp"
#include "kernels/field/goldilocks_ext2.hpp"
#include "views/trace.hpp"

namespace kprove::chip {

struct LogupChallenges {
  Ext alpha;
  Kokkos::Array<Ext, kMaxTupleArity + 1> beta_pow;  // beta^0 .. beta^kMaxTupleArity

  static LogupChallenges make(Ext alpha, Ext beta) {
    LogupChallenges c{alpha, {}};
    c.beta_pow[0] = Ext::one();
    for (std::size_t i = 1; i <= kMaxTupleArity; ++i) c.beta_pow[i] = c.beta_pow[i - 1] * beta;
    return c;
  }
  template <class Row>
  KOKKOS_INLINE_FUNCTION Ext denominator(const DeviceInteraction& l, const Row& row) const {
    Ext fingerprint = Ext(Felt::from_canonical(static_cast<uint32_t>(l.bus)));
    for (uint32_t i = 0; i < l.arity; ++i) fingerprint += beta_pow[i + 1] * l.tuple[i].eval(row);
    return alpha - fingerprint;
  }
};

template <class Mem>
struct LogupLeaves {
  Owned<Vec<Ext, Mem>> numerators, denominators;
  std::size_t rows = 0;
  std::size_t lookups = 0;  // padded: a power of two, >= 1
};

namespace detail {
template <class Mem>
struct TraceRow {
  TraceView<Mem> trace;
  std::size_t r;
  KOKKOS_INLINE_FUNCTION Felt operator()(uint32_t c) const { return trace(r, c); }
};

template <class Mem>
struct LogupLeavesKernel {
  TraceView<Mem> trace;
  Kokkos::View<const DeviceInteraction*, Mem> lookups;
  LogupChallenges ch;
  std::size_t padded_lookups;
  Vec<Ext, Mem> p, q;

  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    const std::size_t rows = trace.extent(0);
    const TraceRow<Mem> row{trace, r};
    for (std::size_t l = 0; l < padded_lookups; ++l) {
      const bool real = l < lookups.extent(0);
      p(l * rows + r) = real ? Ext(lookups(l).multiplicity.eval(row)) : Ext::zero();
      q(l * rows + r) = real ? ch.denominator(lookups(l), row) : Ext::one();
    }
  }
};

// Throws std::invalid_argument unless rows is a power of two and every lookup column exists.
void check_logup_input(const std::string& trace, std::size_t rows, std::size_t cols,
                       const std::vector<Interaction>& lookups);
}  // namespace detail

template <class Exec>
LogupLeaves<typename Exec::memory_space> logup_leaves(
    const Exec& exec, MemoryLedger& ledger, const Trace<typename Exec::memory_space>& trace,
    const std::vector<Interaction>& lookups, Ext alpha, Ext beta) {
  using Mem = typename Exec::memory_space;
  detail::check_logup_input(trace.name(), trace.rows(), trace.cols(), lookups);
  const auto program = upload_interactions(exec, ledger, trace.name(), lookups);
  LogupLeaves<Mem> out;
  out.rows = trace.rows();
  out.lookups = 1;
  while (out.lookups < lookups.size()) out.lookups <<= 1;
  const std::size_t n = out.rows * out.lookups;
  out.numerators = alloc_vec<Ext, Mem>(ledger, "logup:" + trace.name() + ":p", n);
  out.denominators = alloc_vec<Ext, Mem>(ledger, "logup:" + trace.name() + ":q", n);
  Kokkos::parallel_for(
      "kprove::chip::logup_leaves:" + trace.name(), Kokkos::RangePolicy<Exec>(exec, 0, out.rows),
      detail::LogupLeavesKernel<Mem>{trace.view(), program.view(),
                                     LogupChallenges::make(alpha, beta), out.lookups,
                                     out.numerators.view(), out.denominators.view()});
  exec.fence();  // the lookup program is released on return
  return out;
}

}  // namespace kprove::chip
