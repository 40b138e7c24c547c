// Progress of a long proving job on stderr: on a terminal one line rewritten in place (shards
// proven of the total, cycles proven, rate, time left), otherwise a log line per shard.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace kprove {

class Progress {
 public:
  // cycles[s]: the cycles of shard s; `shards`: those counted (a rank's); `who` prefixes
  // the terminal line (log lines name their source already).
  Progress(const std::vector<uint64_t>& cycles, const std::vector<std::size_t>& shards,
           std::string who = "");
  // Shard s is proven (any thread).
  void proven(std::size_t s);
  // Ends the terminal line.
  ~Progress();

 private:
  std::vector<uint64_t> cycles_;
  std::string who_;
  uint64_t total_ = 0, done_cycles_ = 0;
  std::size_t shards_ = 0, done_ = 0;
  bool tty_;
  std::chrono::steady_clock::time_point start_;
  std::mutex m_;
};

}  // namespace kprove
