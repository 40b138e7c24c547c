// A cheating prover of RV32IM programs, for the soundness tests: the honest witness of a run,
// on the host, changed at will (cells by chip and column name, rows removed or added), then
// proved as a run of one shard is proved (prove_witnesses: committed, the run's challenges
// drawn, proven under the statement of its public values, which the cheater may change too).
// Whatever it proves, verify_program must reject.
//
// rebalance_lookups() recounts the lookup tables' multiplicities (u16_range, and_byte,
// program) from what the chips now look up, so a test's tampering is caught by the argument
// it targets and not by a stale count; unbalanced_buses() names the buses the verifier's
// LogUp check will find unbalanced.
#pragma once

#include <gtest/gtest.h>

#include <Kokkos_Core.hpp>
#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/chip/host_trace.hpp"
#include "engine/rv32im/run_prover.hpp"
#include "support/random.hpp"

namespace kprove::test::rv32 {

using Exec = Kokkos::Serial;
using Mem = Exec::memory_space;

inline PcsParams cheat_params() {
  PcsParams p;
  p.queries = 20;
  p.pow_bits = 4;
  return p;
}

// What proves a program: its prover machine, preprocessed commitment and verifying key.
struct ProvingKey {
  std::unique_ptr<MemoryLedger> ledger = std::make_unique<MemoryLedger>();
  std::unique_ptr<rv32im::Machine> machine;
  rv32im::MachinePreprocessed<Mem> pre;
  rv32im::VerifyingKey vk;

  explicit ProvingKey(const vm::Program& program)
      : machine(std::make_unique<rv32im::Machine>(std::make_shared<vm::Guest>(program))),
        pre(machine->preprocess(Exec(), *ledger, cheat_params())),
        vk(rv32im::make_vk(*machine, pre, cheat_params())) {}
};

// The verifier's message, or "" when it accepts.
inline std::string rejection(const rv32im::ProgramProof& proof, const rv32im::VerifyingKey& vk) {
  try {
    rv32im::verify_program(proof, vk);
  } catch (const VerifyError& e) {
    return e.what();
  }
  return "";
}

// The boundary terms of `p`'s one shard under `vk`, as verify_program makes them.
inline std::vector<BoundaryTerm> boundary(const rv32im::ProgramProof& p,
                                          const rv32im::VerifyingKey& vk) {
  return rv32im::shard_statement(p.public_values, p.spans, 0, p.input, p.output,
                                 vk.shape.max_log_rows, vk.preprocessed_root, {})
      .boundary;
}

// ALU scratch cells (the ALU and branch chips' t0..t7, w, rest, d_lo, d_hi): free on the rows
// of opcodes that do not use them, the one exception to "every cell is bound".
inline bool is_alu_scratch(const chip::Chip& chip, const std::string& column) {
  static const std::set<std::string> scratch = {"t0", "t1", "t2", "t3", "t4", "t5", "t6",
                                                "t7", "w",  "rest", "d_lo", "d_hi"};
  const std::string& name = chip.name();
  return (name == "alu_reg" || name == "alu_imm" || name == "branch") && scratch.count(column) > 0;
}

// A row's share of a shard's LogUp sum per bus: over its interactions,
// multiplicity / (alpha - (bus + sum_i beta^(i+1) tuple_i)).
using kprove::detail::BusSums;
inline void add_logup_share(BusSums& sums, const chip::Chip& chip, const Felt* row, Ext alpha,
                            Ext beta) {
  for (const chip::Interaction& l : chip.interactions()) {
    Ext fingerprint(Felt::from_u64(uint32_t(l.bus))), beta_i = beta;
    for (const chip::Affine& a : l.tuple)
      fingerprint = fingerprint + beta_i * a.eval(row), beta_i = beta_i * beta;
    Ext& sum = sums[uint32_t(l.bus)];
    sum = sum + l.multiplicity.eval(row) * (alpha - fingerprint).inverse();
  }
}

class Cheat {
 public:
  // The honest witness of the program's run on `input`.
  Cheat(const ProvingKey& key, const std::vector<uint8_t>& input) : key_(&key) {
    rv32im::ProgramRun run = rv32im::run_program(*key.machine, key.vk, input, 1000);
    if (run.plan.num_shards() != 1) throw std::invalid_argument("a cheat runs in one shard");
    statement = std::move(run.proof);
    MemoryLedger ledger;
    const vm::ShardRecords records = vm::record_shard(run.plan, 0);
    rv32im::FinalMemory final;
    final.add(records);
    auto shard = key.machine->witgen(Exec(), ledger, records, &final);
    for (const Trace<Mem>& t : shard.traces) {
      auto h = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), t.view());
      chip::HostTrace host(t.rows(), t.cols());
      for (std::size_t r = 0; r < t.rows(); ++r)
        for (std::size_t c = 0; c < t.cols(); ++c) host.cells[r * t.cols() + c] = h(r, c);
      traces.push_back(std::move(host));
    }
  }

  // The claimed public values and bytes (no shard proofs): the statement proved.
  rv32im::ProgramProof statement;
  // The witness, one trace per chip in chips() order.
  std::vector<chip::HostTrace> traces;

  const ChipList& chips() const { return key_->machine->chips(); }
  std::size_t chip(const std::string& name) const {
    for (std::size_t k = 0; k < chips().size(); ++k)
      if (chips()[k]->name() == name) return k;
    throw std::invalid_argument("no chip " + name);
  }
  chip::HostTrace& trace(const std::string& name) { return traces[chip(name)]; }
  const chip::HostTrace& trace(const std::string& name) const { return traces[chip(name)]; }
  uint32_t column(const std::string& chip_name, const std::string& col) const {
    const auto& cols = chips()[chip(chip_name)]->columns();
    const auto it = std::find(cols.begin(), cols.end(), col);
    if (it == cols.end())
      throw std::invalid_argument("chip " + chip_name + " has no column " + col);
    return uint32_t(it - cols.begin());
  }
  bool has_column(std::size_t k, const std::string& col) const {
    const auto& cols = chips()[k]->columns();
    return std::find(cols.begin(), cols.end(), col) != cols.end();
  }
  Felt& at(const std::string& chip_name, std::size_t row, const std::string& col) {
    return trace(chip_name).cells[cell(chip_name, row, col)];
  }
  Felt at(const std::string& chip_name, std::size_t row, const std::string& col) const {
    return trace(chip_name).cells[cell(chip_name, row, col)];
  }
  void set(const std::string& chip_name, std::size_t row, const std::string& col, Felt v) {
    at(chip_name, row, col) = v;
  }
  void set(const std::string& chip_name, std::size_t row, const std::string& col, uint64_t v) {
    set(chip_name, row, col, Felt::from_u64(v));
  }
  // Columns prefix_lo, prefix_hi: the u16 limbs of v.
  void set_word(const std::string& chip_name, std::size_t row, const std::string& prefix,
                uint32_t v) {
    set(chip_name, row, prefix + "_lo", uint64_t(v & 0xFFFFu));
    set(chip_name, row, prefix + "_hi", uint64_t(v >> 16));
  }
  // The row of chip_name whose column `col` holds v (a step by its pc, a table row by its
  // address or index).
  std::size_t row_where(const std::string& chip_name, const std::string& col, uint64_t v) const {
    const chip::HostTrace& t = trace(chip_name);
    const uint32_t c = column(chip_name, col);
    for (std::size_t r = 0; r < t.rows; ++r)
      if (t.cells[r * t.cols + c] == Felt::from_u64(v)) return r;
    throw std::invalid_argument("chip " + chip_name + ": no row with " + col + " = " +
                                std::to_string(v));
  }
  std::size_t step_row(const std::string& chip_name, uint32_t pc) const {
    return row_where(chip_name, "pc", pc);
  }
  // Row r removed: the rows below move up, a zero (padding) row fills the end.
  void remove_row(const std::string& chip_name, std::size_t r) {
    chip::HostTrace& t = trace(chip_name);
    const auto first = t.cells.begin() + std::ptrdiff_t(r * t.cols);
    std::rotate(first, first + std::ptrdiff_t(t.cols), t.cells.end());
    std::fill(t.cells.end() - std::ptrdiff_t(t.cols), t.cells.end(), Felt::zero());
  }
  // A copy of row r in the first padding (all-zero) row; the trace doubles when it has none.
  void duplicate_row(const std::string& chip_name, std::size_t r) {
    chip::HostTrace& t = trace(chip_name);
    std::size_t free = 0;
    while (free < t.rows && !is_padding(t, free)) ++free;
    if (free == t.rows) t.rows *= 2, t.cells.resize(t.rows * t.cols, Felt::zero());
    std::copy_n(t.cells.begin() + std::ptrdiff_t(r * t.cols), t.cols,
                t.cells.begin() + std::ptrdiff_t(free * t.cols));
  }
  static bool is_padding(const chip::HostTrace& t, std::size_t r) {
    return std::all_of(t.cells.begin() + std::ptrdiff_t(r * t.cols),
                       t.cells.begin() + std::ptrdiff_t((r + 1) * t.cols),
                       [](Felt x) { return x.is_zero(); });
  }
  // The memory table (image, heap or stack) row of the word at addr.
  std::pair<std::string, std::size_t> memory_row(uint32_t addr) const {
    for (const chip::Chip* c : chips()) {
      const auto& cols = c->columns();
      if (cols.empty() || cols[0] != "addr") continue;
      const chip::HostTrace& t = trace(c->name());
      for (std::size_t r = 0; r < t.rows; ++r)
        if (t.cells[r * t.cols] == Felt::from_u64(addr) &&
            (c->name() != "image" || at("image", r, "is_real") == Felt::one()))
          return {c->name(), r};
    }
    throw std::invalid_argument("no memory table holds word " + std::to_string(addr));
  }
  // The final value of a register (the registers table), its timestamp unchanged.
  void set_final_register(uint32_t index, uint32_t value) {
    set_word("registers", index, "final", value);
  }

  // Recounts every lookup table's mult column from the chips' lookups; tuples not in the
  // table are left unmatched.
  void rebalance_lookups() {
    for (std::size_t k = 0; k < chips().size(); ++k) {
      const chip::Chip& table = *chips()[k];
      if (!is_lookup_table(table)) continue;
      const chip::Interaction& side = table.interactions()[0];
      chip::HostTrace& t = traces[k];
      std::map<std::vector<uint64_t>, std::size_t> row_of;
      for (std::size_t r = 0; r < t.rows; ++r) {
        t.cells[r * t.cols + t.cols - 1] = Felt::zero();
        row_of.emplace(tuple(side, &t.cells[r * t.cols]), r);
      }
      for (std::size_t j = 0; j < chips().size(); ++j) {
        if (j == k) continue;
        const chip::HostTrace& u = traces[j];
        for (const chip::Interaction& l : chips()[j]->interactions()) {
          if (l.bus != side.bus) continue;
          for (std::size_t r = 0; r < u.rows; ++r) {
            const Felt* row = &u.cells[r * u.cols];
            const Felt m = l.multiplicity.eval(row);
            if (m.is_zero()) continue;
            if (const auto it = row_of.find(tuple(l, row)); it != row_of.end())
              t.cells[it->second * t.cols + t.cols - 1] += m;
          }
        }
      }
    }
  }

  // The buses whose LogUp sum, the statement's boundary terms included, is not zero (random
  // alpha, beta): the ones that make the verifier's LogUp check fail.
  std::vector<std::string> unbalanced_buses() const {
    Rng rng(test_seed());
    const Ext alpha = rng.ext(), beta = rng.ext();
    BusSums sums{};
    for (std::size_t k = 0; k < traces.size(); ++k)
      for (std::size_t r = 0; r < traces[k].rows; ++r)
        add_logup_share(sums, *chips()[k], &traces[k].cells[r * traces[k].cols], alpha, beta);
    const detail::BusSums edges = *detail::boundary_sums(boundary(statement, key_->vk), alpha, beta);
    for (uint32_t b = 1; b < chip::kNumBuses; ++b) sums[b] = sums[b] + edges[b];
    std::vector<std::string> out;
    for (uint32_t b = 1; b < chip::kNumBuses; ++b)
      if (!sums[b].is_zero()) out.push_back(chip::to_string(chip::Bus(b)));
    return out;
  }

  // Proves the witness under `statement`'s public values, or as a proof of `as`'s program
  // (its verifying key and preprocessed commitment; the machines' shapes must agree).
  rv32im::ProgramProof prove() const { return prove_as(*key_); }
  rv32im::ProgramProof prove_as(const ProvingKey& as) const {
    const rv32im::VerifyingKey& vk = as.vk;
    rv32im::ProgramProof out = statement;
    if (&as != key_) out.public_values.vk = vk.digest(), out.public_values.program = vk.program;
    MemoryLedger ledger;
    const ChipList& chips = as.machine->chips();
    std::vector<chip::ShardTraces<Mem>> shard(1);
    shard[0].chips = chips;
    for (std::size_t k = 0; k < traces.size(); ++k)
      shard[0].traces.push_back(chip::upload_trace(Exec(), ledger, chips[k]->name(), traces[k]));
    rv32im::prove_witnesses(Exec(), ledger, *as.machine, as.pre, vk, out, std::move(shard));
    return out;
  }
  std::string rejection() const { return rv32::rejection(prove(), key_->vk); }

 private:
  std::size_t cell(const std::string& chip_name, std::size_t row, const std::string& col) const {
    return row * trace(chip_name).cols + column(chip_name, col);
  }
  static bool is_lookup_table(const chip::Chip& c) {
    if (c.interactions().size() != 1) return false;
    const chip::Interaction& l = c.interactions()[0];
    const bool lookup = l.bus == chip::Bus::u16_range || l.bus == chip::Bus::and_byte ||
                        l.bus == chip::Bus::program;
    const auto& terms = l.multiplicity.terms();
    return lookup && terms.size() == 1 && terms[0].first == c.num_columns() - 1 &&
           terms[0].second == -Felt::one();
  }
  static std::vector<uint64_t> tuple(const chip::Interaction& l, const Felt* row) {
    std::vector<uint64_t> v;
    for (const chip::Affine& a : l.tuple) v.push_back(a.eval(row).value());
    return v;
  }

  const ProvingKey* key_;
};

// The verifier rejects `cheat`'s proof naming `check`, the argument that catches it.
#define KPROVE_EXPECT_REJECTED(cheat, check)                \
  do {                                                      \
    const std::string why_ = (cheat).rejection();           \
    EXPECT_NE(why_, "") << "the verifier accepted";         \
    EXPECT_NE(why_.find(check), std::string::npos) << why_; \
  } while (0)

}  // namespace kprove::test::rv32
