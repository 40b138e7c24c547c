// The static plan of shards over ranks: every shard owned once, the loads balanced within the
// costliest shard (the LPT bound), the same plan for the same run.
#include "engine/distributed/shard_assignment.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace kprove {
namespace {

TEST(ShardAssignment, OneRankOwnsEveryShard) {
  EXPECT_EQ(assign_shards({5, 1, 9}, 1), (std::vector<int>{0, 0, 0}));
  EXPECT_EQ(shards_of({0, 0, 0}, 0), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_TRUE(assign_shards({}, 3).empty());
}

TEST(ShardAssignment, BalancesUnevenShardsWithinTheCostliest) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const int ranks = 1 + int(rng() % 8);
    std::vector<uint64_t> cost(1 + rng() % 40);
    for (uint64_t& c : cost) c = 1 + rng() % 1000;
    const std::vector<int> owner = assign_shards(cost, ranks);
    ASSERT_EQ(owner.size(), cost.size());
    std::vector<uint64_t> load(ranks, 0);
    uint64_t total = 0;
    for (std::size_t s = 0; s < cost.size(); ++s) {
      ASSERT_GE(owner[s], 0);
      ASSERT_LT(owner[s], ranks);
      load[owner[s]] += cost[s];
      total += cost[s];
    }
    const uint64_t worst = *std::max_element(load.begin(), load.end());
    const uint64_t costliest = *std::max_element(cost.begin(), cost.end());
    EXPECT_LE(worst, total / ranks + costliest) << "trial " << trial;
    EXPECT_EQ(owner, assign_shards(cost, ranks));
  }
}

TEST(ShardAssignment, MoreRanksThanShardsLeavesRanksIdle) {
  const std::vector<int> owner = assign_shards({3, 3}, 4);
  EXPECT_NE(owner[0], owner[1]);
  std::size_t owned = 0;
  for (int r = 0; r < 4; ++r) owned += shards_of(owner, r).size();
  EXPECT_EQ(owned, 2u);
}

TEST(ShardAssignment, RejectsNoRanks) { EXPECT_THROW(assign_shards({1}, 0), std::invalid_argument); }

}  // namespace
}  // namespace kprove
