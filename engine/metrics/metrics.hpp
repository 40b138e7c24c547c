// Phase timings and counters for one job run. Thread-safe: shards running concurrently may
// record into the same Metrics. PhaseScope is the normal way to record a phase; it also marks
// the phase as a Kokkos Tools region ("kprove/<phase>") so profilers see the same names.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "config/space_kind.hpp"

namespace kprove {

// Shard index of work that belongs to the job as a whole.
inline constexpr long kNoShard = -1;

// The prover's phases in pipeline order; reports always list these, then any other phase.
inline constexpr std::array<const char*, 5> kStandardPhases = {
    "witness", "commit_traces", "main_constraints", "tower", "pcs_opening"};

struct PhaseRecord {
  std::string phase;
  long shard = kNoShard;
  SpaceKind space = SpaceKind::serial;
  int stream = 0;      // lane within the space; 0 until phases run on several streams
  int depth = 0;       // nesting on the recording thread; only depth 0 counts towards totals
  double start_s = 0;  // seconds since the Metrics was created
  double end_s = 0;
  double seconds() const { return end_s - start_s; }
};

class Metrics {
 public:
  Metrics() : origin_(std::chrono::steady_clock::now()) {}
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Seconds since construction, on the steady clock every record uses.
  double now() const;

  void record(PhaseRecord r);
  // Adds to a byte counter, e.g. add_bytes("h2d_copy", n).
  void add_bytes(const std::string& counter, std::uint64_t n);
  // Peak bytes held in a memory space (from MemoryLedger::stats); keeps the largest reported.
  void set_peak_memory(const std::string& memory_space, std::uint64_t bytes);
  // A fact about the run for the reports (job name, spaces, outcome); last value wins.
  void set_label(const std::string& key, const std::string& value);

  std::vector<PhaseRecord> phases() const;  // in the order they finished
  std::map<std::string, std::uint64_t> bytes() const;
  std::map<std::string, std::uint64_t> peak_memory() const;
  std::map<std::string, std::string> labels() const;

 private:
  std::chrono::steady_clock::time_point origin_;
  mutable std::mutex mutex_;
  std::vector<PhaseRecord> phases_;
  std::map<std::string, std::uint64_t> bytes_;
  std::map<std::string, std::uint64_t> peak_memory_;
  std::map<std::string, std::string> labels_;
};

// Times the enclosing block as one phase. Kernels launched inside must have completed when
// the scope ends (fence the execution-space instance) for the interval to mean anything.
class PhaseScope {
 public:
  PhaseScope(Metrics& metrics, std::string phase, long shard, SpaceKind space, int stream = 0);
  ~PhaseScope();
  PhaseScope(const PhaseScope&) = delete;
  PhaseScope& operator=(const PhaseScope&) = delete;

 private:
  Metrics& metrics_;
  PhaseRecord record_;
};

}  // namespace kprove
