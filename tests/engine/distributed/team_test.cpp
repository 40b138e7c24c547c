// Collectives that agree on failure: every rank learns of a failure at the next exchange, so
// none waits in a collective for a rank that stopped; one process keeps its own errors.
#include "engine/distributed/team.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>

#include "support/thread_ranks.hpp"

namespace kprove {
namespace {

RankBytes bytes_of(const std::string& s) { return RankBytes(s.begin(), s.end()); }

TEST(Team, GathersEveryRanksBytesInRankOrder) {
  test::ThreadRanks::run(3, [](Communicator& comm) {
    Team team(comm);
    const std::string me = "r" + std::to_string(team.rank());
    const std::vector<RankBytes> all = team.all_gather([&] { return bytes_of(me); });
    ASSERT_EQ(all.size(), 3u);
    for (int r = 0; r < 3; ++r) EXPECT_EQ(all[r], bytes_of("r" + std::to_string(r)));
    const std::vector<RankBytes> at1 = team.gather([&] { return bytes_of(me + me); }, 1);
    if (team.rank() == 1) {
      ASSERT_EQ(at1.size(), 3u);
      EXPECT_EQ(at1[2], bytes_of("r2r2"));
    } else {
      EXPECT_TRUE(at1.empty());
    }
  });
}

// Rank 2 fails in the first exchange's work, rank 1 in the second's: every rank throws at the
// first, naming rank 2 and its message, and no rank reaches the second.
TEST(Team, AFailureOnOneRankIsThrownOnEveryRankAtTheNextExchange) {
  std::atomic<int> failures{0}, second{0};
  std::mutex m;
  std::vector<std::string> messages(3);
  test::ThreadRanks::run(3, [&](Communicator& comm) {
    Team team(comm);
    try {
      team.gather([&] {
        if (team.rank() == 2) throw std::invalid_argument("shard 4 needs more memory");
        return RankBytes{};
      }, 0);
      ++second;
      team.all_gather([&]() -> RankBytes { throw std::runtime_error("not reached"); });
    } catch (const RankFailure& e) {
      ++failures;
      EXPECT_EQ(e.rank(), 2);
      std::lock_guard<std::mutex> lock(m);
      messages[team.rank()] = e.what();
    }
  });
  EXPECT_EQ(failures, 3);
  EXPECT_EQ(second, 0);
  for (const std::string& msg : messages) EXPECT_EQ(msg, "rank 2: shard 4 needs more memory");
}

TEST(Team, TheLowestFailedRankIsNamed) {
  test::ThreadRanks::run(4, [](Communicator& comm) {
    Team team(comm);
    try {
      team.all_gather([&]() -> RankBytes {
        if (team.rank() >= 1) throw std::runtime_error("rank " + std::to_string(team.rank()));
        return {};
      });
      ADD_FAILURE() << "no failure on rank " << team.rank();
    } catch (const RankFailure& e) {
      EXPECT_EQ(e.rank(), 1);
      EXPECT_STREQ(e.what(), "rank 1: rank 1");
    }
  });
}

TEST(Team, OneProcessRethrowsItsOwnError) {
  SingleProcess alone;
  Team team(alone);
  EXPECT_THROW(team.all_gather([]() -> RankBytes { throw std::out_of_range("x"); }),
               std::out_of_range);
  EXPECT_EQ(team.gather([] { return RankBytes{7}; }, 0), std::vector<RankBytes>{RankBytes{7}});
}

}  // namespace
}  // namespace kprove
