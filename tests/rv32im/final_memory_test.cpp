// The run's final memory: its shards' boundaries in any grouping and order merge to what
// adding them in shard order gives (ranks merge what each recorded), and the bytes a rank
// sends come back as they were, malformed ones refused.
#include "engine/rv32im/final_memory.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "engine/proof/bytes.hpp"

namespace kprove::rv32im {
namespace {

// Shards touching random addresses, each within its own timestamp window.
std::vector<vm::ShardRecords> random_shards(std::mt19937_64& rng, std::size_t count) {
  std::vector<vm::ShardRecords> shards(count);
  for (std::size_t s = 0; s < count; ++s) {
    for (Boundary* b : {&shards[s].registers, &shards[s].memory}) {
      std::map<uint32_t, vm::BoundaryEntry> touched;
      for (int i = 0; i < 20; ++i) {
        const uint32_t addr = uint32_t(rng() % 64) * (b == &shards[s].memory ? 4 : 1);
        touched[addr] = {addr, uint32_t(rng()), uint32_t(s + 1), uint32_t(rng()),
                         uint32_t(1000 * (s + 1) + rng() % 1000)};
      }
      for (const auto& [addr, e] : touched) b->push_back(e);
    }
  }
  return shards;
}

// Each address's entry from the last shard that touched it.
Boundary reference(const std::vector<vm::ShardRecords>& shards, bool memory) {
  std::map<uint32_t, vm::BoundaryEntry> last;
  for (const auto& s : shards)
    for (const auto& e : memory ? s.memory : s.registers) last[e.addr] = e;
  Boundary out;
  for (const auto& [addr, e] : last) out.push_back(e);
  return out;
}

bool same(const Boundary& a, const Boundary& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
           return x.addr == y.addr && x.init_value == y.init_value &&
                  x.init_shard == y.init_shard && x.final_value == y.final_value &&
                  x.final_ts == y.final_ts;
         });
}

TEST(FinalMemory, RanksMergingTheirShardsInAnyOrderGetTheRunsFinalMemory) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 50; ++trial) {
    const std::vector<vm::ShardRecords> shards = random_shards(rng, 1 + rng() % 9);
    FinalMemory in_order;
    for (const auto& s : shards) in_order.add(s);
    ASSERT_TRUE(same(in_order.registers, reference(shards, false)));
    ASSERT_TRUE(same(in_order.memory, reference(shards, true)));

    const int ranks = 1 + int(rng() % 4);
    std::vector<FinalMemory> per_rank(ranks);
    std::vector<std::size_t> order(shards.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t s : order) per_rank[rng() % ranks].add(shards[s]);
    FinalMemory merged = deserialize_final_memory(serialize(per_rank.back()));
    for (int r = ranks - 1; r-- > 0;) merged.merge(per_rank[r]);
    EXPECT_TRUE(same(merged.registers, in_order.registers)) << "trial " << trial;
    EXPECT_TRUE(same(merged.memory, in_order.memory)) << "trial " << trial;
  }
}

TEST(FinalMemory, MalformedBytesAreRefused) {
  std::mt19937_64 rng(3);
  FinalMemory f;
  for (const auto& s : random_shards(rng, 3)) f.add(s);
  std::vector<uint8_t> bytes = serialize(f);
  std::vector<uint8_t> cut(bytes.begin(), bytes.end() - 1);
  EXPECT_THROW(deserialize_final_memory(cut), ProofFormatError);
  bytes.push_back(0);
  EXPECT_THROW(deserialize_final_memory(bytes), ProofFormatError);
  std::swap(f.memory[0], f.memory[1]);  // unsorted
  EXPECT_THROW(deserialize_final_memory(serialize(f)), ProofFormatError);
}

}  // namespace
}  // namespace kprove::rv32im
