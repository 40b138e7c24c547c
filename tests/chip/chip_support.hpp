// Host copies of a shard's traces and plain host references for the chip tests: constraint
// evaluation row by row, and the LogUp sum with one field inversion per term.
#pragma once

#include <gtest/gtest.h>

#include <span>
#include <vector>

#include "engine/chip/chip_set.hpp"
#include "engine/workload/generator.hpp"
#include "kernels/field/goldilocks_ext2.hpp"
#include "support/views.hpp"

namespace kprove::chip::test {

struct HostTrace {
  const Chip* chip;
  std::size_t rows, cols;
  std::vector<Felt> cells;
  const Felt* row(std::size_t r) const { return cells.data() + r * cols; }
  Felt* row(std::size_t r) { return cells.data() + r * cols; }
  Felt& at(std::size_t r, uint32_t c) { return cells[r * cols + c]; }
};

inline const ChipSet& chip_set() {
  static const ChipSet chips;
  return chips;
}

inline workload::WorkloadConfig test_config(uint64_t seed, uint64_t steps = 3000,
                                            uint64_t shard_steps = 2048) {
  workload::WorkloadConfig cfg;
  cfg.seed = seed;
  cfg.steps = steps;
  cfg.shard_steps = shard_steps;
  return cfg;
}

template <class Mem>
std::vector<HostTrace> to_host(const ShardTraces<Mem>& st) {
  std::vector<HostTrace> out;
  for (std::size_t i = 0; i < st.traces.size(); ++i)
    out.push_back({st.chips[i], st.traces[i].rows(), st.traces[i].cols(),
                   kprove::test::to_host(st.traces[i].view())});
  return out;
}

template <class Exec>
std::vector<HostTrace> shard_traces(const workload::WorkloadConfig& cfg, uint64_t shard) {
  MemoryLedger ledger;
  const auto s = workload::generate_shard(Exec(), ledger, cfg, shard);
  return to_host(witgen_shard(Exec(), ledger, chip_set(), s));
}

// Host evaluation of a constraint on one row of `cols` cells.
inline Felt eval(const Expr& e, const Felt* row, std::size_t cols) {
  return e.evaluate(std::span<const Felt>(row, cols));
}

// Index of the first constraint of `t` that is non-zero on row r, or -1.
inline int failing_constraint(const HostTrace& t, std::size_t r) {
  const auto& cs = t.chip->constraints();
  for (std::size_t i = 0; i < cs.size(); ++i)
    if (!eval(cs[i], t.row(r), t.cols).is_zero()) return int(i);
  return -1;
}

// alpha - (table_id + sum_i beta^(i+1) tuple_i), written out from the definition.
inline Ext host_denominator(const Interaction& l, const Felt* row, Ext alpha, Ext beta) {
  Ext fp = Ext(Felt::from_u64(static_cast<uint32_t>(l.bus)));
  Ext bp = beta;
  for (const Affine& a : l.tuple) {
    fp = fp + bp * a.eval(row);
    bp = bp * beta;
  }
  return alpha - fp;
}

inline Ext host_logup_sum(const std::vector<HostTrace>& traces, Ext alpha, Ext beta) {
  Ext sum = Ext::zero();
  for (const HostTrace& t : traces)
    for (std::size_t r = 0; r < t.rows; ++r)
      for (const Interaction& l : t.chip->interactions()) {
        const Felt m = l.multiplicity.eval(t.row(r));
        if (!m.is_zero()) sum += Ext(m) * host_denominator(l, t.row(r), alpha, beta).inverse();
      }
  return sum;
}

}  // namespace kprove::chip::test
