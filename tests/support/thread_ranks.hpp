// Ranks as threads of one process, for testing code written against Communicator without
// MPI: run(n, body) calls body(comm) on n threads, each with its own rank.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/distributed/communicator.hpp"

namespace kprove::test {

class ThreadRanks {
 public:
  static void run(int n, const std::function<void(Communicator&)>& body) {
    ThreadRanks shared(n);
    std::vector<std::thread> threads;
    for (int r = 0; r < n; ++r)
      threads.emplace_back([&, r] {
        Rank comm(shared, r);
        body(comm);
      });
    for (std::thread& t : threads) t.join();
  }

 private:
  explicit ThreadRanks(int n) : slots_(n) {}

  // Each collective: every rank leaves its bytes, the last to arrive publishes them all.
  std::vector<RankBytes> exchange(int rank, const RankBytes& mine) {
    std::unique_lock<std::mutex> lock(m_);
    const std::size_t round = round_;
    slots_[rank] = mine;
    if (++arrived_ == slots_.size()) {
      published_ = slots_;
      arrived_ = 0;
      ++round_;
      cv_.notify_all();
    } else {
      cv_.wait(lock, [&] { return round_ != round; });
    }
    return published_;
  }

  class Rank final : public Communicator {
   public:
    Rank(ThreadRanks& shared, int rank) : shared_(shared), rank_(rank) {}
    int rank() const override { return rank_; }
    int size() const override { return int(shared_.slots_.size()); }
    std::vector<RankBytes> all_gather(const RankBytes& mine) override {
      return shared_.exchange(rank_, mine);
    }
    std::vector<RankBytes> gather(const RankBytes& mine, int root) override {
      std::vector<RankBytes> all = shared_.exchange(rank_, mine);
      if (rank_ != root) all.clear();
      return all;
    }

   private:
    ThreadRanks& shared_;
    int rank_;
  };

  std::mutex m_;
  std::condition_variable cv_;
  std::vector<RankBytes> slots_, published_;
  std::size_t arrived_ = 0, round_ = 0;
};

}  // namespace kprove::test
