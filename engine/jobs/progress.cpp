#include "engine/jobs/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

#include "engine/log.hpp"

namespace kprove {

Progress::Progress(const std::vector<uint64_t>& cycles, const std::vector<std::size_t>& shards,
                   std::string who)
    : cycles_(cycles), who_(std::move(who)), shards_(shards.size()),
      tty_(::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {
  for (std::size_t s : shards) total_ += cycles_.at(s);
}

void Progress::proven(std::size_t s) {
  std::lock_guard<std::mutex> lock(m_);
  ++done_;
  done_cycles_ += cycles_.at(s);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? double(done_cycles_) / elapsed : 0;
  const double left = done_cycles_ ? elapsed * double(total_ - done_cycles_) / double(done_cycles_) : 0;
  char line[160];
  std::snprintf(line, sizeof line, "%zu/%zu shards proven, %.2f of %.2f M cycles, %.2f MHz, %.1f s left",
                done_, shards_, double(done_cycles_) / 1e6, double(total_) / 1e6,
                rate / 1e6, left);
  if (tty_) {
    std::fprintf(stderr, "\r%s%s\x1b[K", who_.c_str(), line);
    std::fflush(stderr);
  } else {
    log::info(std::string("shard ") + std::to_string(s) + " proven: " + line);
  }
}

Progress::~Progress() {
  if (tty_ && done_ > 0) std::fputc('\n', stderr);
}

}  // namespace kprove
