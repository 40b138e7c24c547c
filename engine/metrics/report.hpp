// What a Metrics recorder turns into: a summary (totals per phase and per shard, wall time,
// overlap), the metrics JSON file, a Chrome-trace / Perfetto timeline, and the CLI's table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "engine/metrics/metrics.hpp"

namespace kprove {

struct PhaseTotal {
  std::string phase;
  double seconds = 0;
  std::size_t count = 0;  // top-level records, normally one per shard
  std::string spaces;     // "openmp", "openmp+cuda" when shards differ, "" when never run
};

struct ShardTimes {
  long shard = 0;
  std::vector<std::pair<std::string, double>> phases;  // seconds per phase, recording order
};

// Only top-level records (depth 0) count; nested scopes are detail inside their parent.
struct MetricsSummary {
  std::vector<PhaseTotal> phases;  // kStandardPhases first, then others by first appearance
  std::vector<ShardTimes> shards;  // ascending shard index; kNoShard work is not listed here
  double wall_s = 0;               // first start to last end
  double phase_sum_s = 0;          // sum of durations
  double busy_s = 0;               // length of the union of the intervals
  // phase_sum_s - busy_s: time during which phases ran concurrently, counted once per extra
  // phase. Equals phase_sum_s - wall_s when phases leave no idle gaps.
  double overlap_s = 0;
};

MetricsSummary summarize(const Metrics& metrics);

// The metrics file: labels, summary, per-shard times, byte counters, peak memory.
void write_metrics_json(std::ostream& os, const Metrics& metrics);

// Chrome trace event format ("traceEvents", ph "X", microseconds), loadable in
// chrome://tracing and ui.perfetto.dev. One lane (tid) per execution space and stream;
// every record is shown, nested scopes included.
void write_timeline_json(std::ostream& os, const Metrics& metrics, const std::string& process_name);

// Fixed-width text table of the summary for the terminal.
std::string phase_table(const Metrics& metrics);

// "512 B", "1.50 KiB", "8.00 GiB".
std::string format_bytes(std::uint64_t bytes);

}  // namespace kprove
