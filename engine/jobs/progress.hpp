// Progress of a long proving job on stderr: on a terminal one line rewritten in place (shards
// proven of the total, cycles proven, rate, time left), otherwise a log line per shard.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <vector>

namespace kprove {

class Progress {
 public:
  // cycles[s]: the cycles of shard s.
  explicit Progress(std::vector<uint64_t> cycles);
  // Shard s is proven (any thread).
  void proven(std::size_t s);
  // Ends the terminal line.
  ~Progress();

 private:
  std::vector<uint64_t> cycles_;
  uint64_t total_ = 0, done_cycles_ = 0;
  std::size_t done_ = 0;
  bool tty_;
  std::chrono::steady_clock::time_point start_;
  std::mutex m_;
};

}  // namespace kprove
