#include "engine/metrics/metrics.hpp"

#include <Kokkos_Core.hpp>
#include <algorithm>

namespace kprove {
namespace {
// Open PhaseScopes on this thread: nested scopes are detail of their parent's time.
thread_local int scope_depth = 0;
}  // namespace

double Metrics::now() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - origin_).count();
}

void Metrics::record(PhaseRecord r) {
  std::lock_guard<std::mutex> lock(mutex_);
  phases_.push_back(std::move(r));
}

void Metrics::add_bytes(const std::string& counter, std::uint64_t n) {
  std::lock_guard<std::mutex> lock(mutex_);
  bytes_[counter] += n;
}

void Metrics::set_peak_memory(const std::string& memory_space, std::uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& peak = peak_memory_[memory_space];
  peak = std::max(peak, bytes);
}

void Metrics::set_label(const std::string& key, const std::string& value) {
  std::lock_guard<std::mutex> lock(mutex_);
  labels_[key] = value;
}

std::vector<PhaseRecord> Metrics::phases() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return phases_;
}

std::map<std::string, std::uint64_t> Metrics::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

std::map<std::string, std::uint64_t> Metrics::peak_memory() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return peak_memory_;
}

std::map<std::string, std::string> Metrics::labels() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return labels_;
}

PhaseScope::PhaseScope(Metrics& metrics, std::string phase, long shard, SpaceKind space, int stream)
    : metrics_(metrics) {
  record_.phase = std::move(phase);
  record_.shard = shard;
  record_.space = space;
  record_.stream = stream;
  record_.depth = scope_depth++;
  Kokkos::Profiling::pushRegion("kprove/" + record_.phase);
  record_.start_s = metrics_.now();
}

PhaseScope::~PhaseScope() {
  record_.end_s = metrics_.now();
  Kokkos::Profiling::popRegion();
  --scope_depth;
  metrics_.record(std::move(record_));
}

}  // namespace kprove
