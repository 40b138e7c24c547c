// The device trace generator against the instruction semantics written out independently
// here, and against a sequential machine for memory: every LW returns the last SW to its
// address (or initial memory), on every backend, bit-identical to Serial.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "engine/workload/generator.hpp"
#include "engine/workload/program.hpp"
#include "support/backends.hpp"
#include "support/views.hpp"

namespace kprove::workload {
namespace {

struct HostShard {
  std::vector<StepRecord> records;
  std::array<std::size_t, kNumOpClasses> offset, count;
};

template <class Exec>
std::vector<HostShard> generate_all(const WorkloadConfig& cfg) {
  std::vector<HostShard> out;
  MemoryLedger ledger;
  for (uint64_t s = 0; s < cfg.num_shards(); ++s) {
    const auto shard = generate_shard(Exec(), ledger, cfg, s);
    out.push_back({test::to_host(shard.records.view()), shard.offset, shard.count});
  }
  return out;
}

uint32_t reference_result(Opcode op, uint32_t a, uint32_t b) {
  const int64_t sa = a >= 0x80000000u ? int64_t(a) - (int64_t(1) << 32) : int64_t(a);
  const int64_t sb = b >= 0x80000000u ? int64_t(b) - (int64_t(1) << 32) : int64_t(b);
  switch (op) {
    case Opcode::ADD: return uint32_t((uint64_t(a) + b) % (uint64_t(1) << 32));
    case Opcode::SUB:
      return uint32_t((uint64_t(a) + (uint64_t(1) << 32) - b) % (uint64_t(1) << 32));
    case Opcode::AND: return a & b;
    case Opcode::OR: return a | b;
    case Opcode::XOR: return a ^ b;
    case Opcode::SLT: return sa < sb;
    case Opcode::MUL: return uint32_t((uint64_t(a) * uint64_t(b)) & 0xFFFFFFFFu);
    default: ADD_FAILURE() << "not an ALU opcode"; return 0;
  }
}

WorkloadConfig small_config(uint64_t seed) {
  WorkloadConfig cfg;
  cfg.seed = seed;
  cfg.steps = 5000;
  cfg.shard_steps = 1024;
  const std::map<std::string, unsigned> weights = {{"ADD", 2}, {"SUB", 1}, {"AND", 1},
                                                   {"OR", 1},  {"XOR", 1}, {"SLT", 2},
                                                   {"MUL", 2}, {"LW", 3},  {"SW", 3}};
  cfg.mix = InstructionMix::from_names(weights);
  return cfg;
}

// Flattens shards back into step order, checking the grouping along the way.
std::vector<StepRecord> in_step_order(const WorkloadConfig& cfg,
                                      const std::vector<HostShard>& shards) {
  std::vector<StepRecord> steps(cfg.steps);
  std::vector<bool> seen(cfg.steps, false);
  for (std::size_t s = 0; s < shards.size(); ++s) {
    const auto& sh = shards[s];
    EXPECT_EQ(sh.records.size(), cfg.shard_size(s));
    for (std::size_t c = 0; c < kNumOpClasses; ++c) {
      EXPECT_EQ(sh.offset[c], c == 0 ? 0 : sh.offset[c - 1] + sh.count[c - 1]);
      uint32_t last_clk = 0;
      for (std::size_t i = sh.offset[c]; i < sh.offset[c] + sh.count[c]; ++i) {
        const StepRecord& r = sh.records[i];
        EXPECT_EQ(op_class(Opcode(r.op)), OpClass(c)) << "record " << i << " of shard " << s;
        EXPECT_GT(r.clk, last_clk) << "class group not in step order";
        last_clk = r.clk;
        const uint64_t step = r.clk - 1;
        EXPECT_GE(step, cfg.shard_first_step(s));
        EXPECT_LT(step, cfg.shard_first_step(s) + cfg.shard_size(s));
        if (step >= cfg.steps || seen[step]) {
          ADD_FAILURE() << "step " << step << " missing or repeated";
          continue;
        }
        seen[step] = true;
        steps[step] = r;
      }
    }
  }
  return steps;
}

KPROVE_BACKEND_SUITE(WorkloadGeneratorTest);

TYPED_TEST(WorkloadGeneratorTest, RecordsFollowInstructionSemantics) {
  const WorkloadConfig cfg = small_config(11);
  const auto steps = in_step_order(cfg, generate_all<typename TestFixture::Exec>(cfg));
  std::map<uint32_t, std::pair<uint32_t, uint32_t>> memory;  // addr -> (value, clk of write)
  std::size_t loads_of_stores = 0;
  for (const StepRecord& r : steps) {
    const Opcode op = Opcode(r.op);
    ASSERT_LT(r.op, kNumOpcodes);
    if (op_class(op) != OpClass::mem) {
      EXPECT_EQ(r.c, reference_result(op, r.a, r.b)) << to_string(op) << " at clk " << r.clk;
      continue;
    }
    EXPECT_EQ(r.addr, uint32_t((uint64_t(r.a) + r.imm) & 0xFFFFFFFFu));
    EXPECT_EQ(r.addr % 4, 0u);
    EXPECT_LT(r.imm, 1u << 12);
    const auto it = memory.find(r.addr);
    const uint32_t expect_prev = it == memory.end() ? 0 : it->second.second;
    EXPECT_EQ(r.prev_clk, expect_prev) << "clk " << r.clk;
    if (op == Opcode::SW) {
      EXPECT_EQ(r.mem_value, r.b);
      memory[r.addr] = {r.mem_value, r.clk};
    } else {
      const uint32_t expect =
          it == memory.end() ? initial_memory(cfg.seed, r.addr) : it->second.first;
      EXPECT_EQ(r.mem_value, expect) << "LW at clk " << r.clk << " addr " << r.addr;
      EXPECT_EQ(r.c, r.mem_value);
      loads_of_stores += it != memory.end();
    }
  }
  EXPECT_GT(loads_of_stores, 100u) << "loads should often re-read recent stores";
}

TYPED_TEST(WorkloadGeneratorTest, BitIdenticalToSerial) {
  const WorkloadConfig cfg = small_config(5);
  const auto mine = generate_all<typename TestFixture::Exec>(cfg);
  const auto serial = generate_all<Kokkos::Serial>(cfg);
  ASSERT_EQ(mine.size(), serial.size());
  for (std::size_t s = 0; s < mine.size(); ++s) {
    EXPECT_EQ(mine[s].count, serial[s].count);
    ASSERT_EQ(mine[s].records.size(), serial[s].records.size());
    EXPECT_EQ(0, std::memcmp(mine[s].records.data(), serial[s].records.data(),
                             mine[s].records.size() * sizeof(StepRecord)))
        << "shard " << s;
  }
}

TEST(WorkloadGeneratorTest, MixWeightsAreRespected) {
  WorkloadConfig cfg;
  cfg.steps = cfg.shard_steps = 1 << 14;
  cfg.mix = InstructionMix::from_names({{"add", 3}, {"lw", 1}});
  const auto steps = in_step_order(cfg, generate_all<Kokkos::Serial>(cfg));
  std::array<std::size_t, kNumOpcodes> n{};
  for (const StepRecord& r : steps) ++n[r.op];
  EXPECT_EQ(n[std::size_t(Opcode::ADD)] + n[std::size_t(Opcode::LW)], steps.size());
  // Binomial(2^14, 1/4): standard deviation ~55; allow 6 sigma.
  EXPECT_NEAR(double(n[std::size_t(Opcode::LW)]), steps.size() / 4.0, 6 * 55.0);
}

TEST(WorkloadGeneratorTest, SeedChangesTheProgram) {
  WorkloadConfig a = small_config(1), b = small_config(2);
  const auto ra = generate_all<Kokkos::Serial>(a)[0].records;
  const auto rb = generate_all<Kokkos::Serial>(b)[0].records;
  EXPECT_NE(0, std::memcmp(ra.data(), rb.data(), ra.size() * sizeof(StepRecord)));
}

TEST(WorkloadConfigTest, RejectsBadConfigurations) {
  WorkloadConfig cfg = small_config(1);
  EXPECT_NO_THROW(cfg.validate());
  EXPECT_EQ(cfg.num_shards(), 5u);
  EXPECT_EQ(cfg.shard_size(4), 5000u - 4 * 1024);
  EXPECT_THROW(cfg.shard_size(5), std::invalid_argument);
  auto bad = cfg;
  bad.steps = 0;
  EXPECT_THROW(bad.validate(), std::invalid_argument);
  bad = cfg;
  bad.steps = WorkloadConfig::kMaxSteps + 1;
  EXPECT_THROW(bad.validate(), std::invalid_argument);
  bad = cfg;
  bad.shard_steps = 0;
  EXPECT_THROW(bad.validate(), std::invalid_argument);
  bad = cfg;
  bad.mix = InstructionMix{};
  EXPECT_THROW(bad.validate(), std::invalid_argument);
  bad.mix.weight[0] = WorkloadConfig::kMaxWeight + 1;
  EXPECT_THROW(bad.validate(), std::invalid_argument);
  EXPECT_THROW(InstructionMix::from_names({{"DIV", 1}}), std::invalid_argument);
  MemoryLedger ledger;
  EXPECT_THROW(generate_shard(Kokkos::Serial(), ledger, bad, 0), std::invalid_argument);
}

TEST(WorkloadConfigTest, OpcodeNamesRoundTrip) {
  for (std::size_t i = 0; i < kNumOpcodes; ++i)
    EXPECT_EQ(opcode_from_name(to_string(Opcode(i))), Opcode(i));
  EXPECT_EQ(opcode_from_name("slt"), Opcode::SLT);
  EXPECT_THROW(opcode_from_name("NOP"), std::invalid_argument);
}

}  // namespace
}  // namespace kprove::workload
