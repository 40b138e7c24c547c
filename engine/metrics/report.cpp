#include "engine/metrics/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "engine/metrics/json_writer.hpp"

namespace kprove {
namespace {

PhaseTotal& total_for(std::vector<PhaseTotal>& totals, const std::string& phase) {
  auto it = std::find_if(totals.begin(), totals.end(),
                         [&](const PhaseTotal& t) { return t.phase == phase; });
  if (it != totals.end()) return *it;
  totals.push_back(PhaseTotal{phase, 0, 0, ""});
  return totals.back();
}

void add_space(std::string& spaces, SpaceKind k) {
  const std::string name = to_string(k);
  if (("+" + spaces + "+").find("+" + name + "+") != std::string::npos) return;
  spaces += (spaces.empty() ? "" : "+") + name;
}

// Length of the union of [start, end) intervals.
double union_length(std::vector<std::pair<double, double>> iv) {
  std::sort(iv.begin(), iv.end());
  double total = 0, lo = 0, hi = 0;
  bool open = false;
  for (const auto& [s, e] : iv) {
    if (open && s <= hi) {
      hi = std::max(hi, e);
      continue;
    }
    if (open) total += hi - lo;
    lo = s, hi = e, open = true;
  }
  return open ? total + (hi - lo) : total;
}

// Whole nanoseconds: finer digits are clock noise and only clutter the file.
double ns_round(double seconds) { return std::round(seconds * 1e9) / 1e9; }

}  // namespace

MetricsSummary summarize(const Metrics& metrics) {
  MetricsSummary s;
  for (const char* p : kStandardPhases) s.phases.push_back(PhaseTotal{p, 0, 0, ""});
  std::map<long, ShardTimes> shards;
  std::vector<std::pair<double, double>> intervals;
  for (const PhaseRecord& r : metrics.phases()) {
    if (r.depth != 0) continue;
    PhaseTotal& t = total_for(s.phases, r.phase);
    t.seconds += r.seconds();
    ++t.count;
    add_space(t.spaces, r.space);
    if (r.shard != kNoShard) {
      ShardTimes& st = shards[r.shard];
      st.shard = r.shard;
      st.phases.emplace_back(r.phase, r.seconds());
    }
    intervals.emplace_back(r.start_s, r.end_s);
    s.phase_sum_s += r.seconds();
  }
  for (auto& [index, st] : shards) s.shards.push_back(std::move(st));
  if (!intervals.empty()) {
    double first = intervals[0].first, last = intervals[0].second;
    for (const auto& [a, b] : intervals) first = std::min(first, a), last = std::max(last, b);
    s.wall_s = last - first;
  }
  s.busy_s = union_length(std::move(intervals));
  s.overlap_s = std::max(0.0, s.phase_sum_s - s.busy_s);
  return s;
}

void write_metrics_json(std::ostream& os, const Metrics& metrics) {
  const MetricsSummary s = summarize(metrics);
  JsonWriter w(os);
  w.begin_object();
  w.key("labels").begin_object();
  for (const auto& [k, v] : metrics.labels()) w.key(k).value(v);
  w.end_object();
  w.key("wall_s").value(ns_round(s.wall_s));
  w.key("phase_sum_s").value(ns_round(s.phase_sum_s));
  w.key("busy_s").value(ns_round(s.busy_s));
  w.key("overlap_s").value(ns_round(s.overlap_s));
  w.key("phases").begin_object();
  for (const PhaseTotal& t : s.phases) {
    w.key(t.phase).begin_object();
    w.key("seconds")
        .value(ns_round(t.seconds))
        .key("count")
        .value(t.count)
        .key("spaces")
        .value(t.spaces);
    w.end_object();
  }
  w.end_object();
  w.key("shards").begin_array();
  for (const ShardTimes& st : s.shards) {
    w.begin_object().key("shard").value(st.shard).key("phases").begin_object();
    for (const auto& [phase, secs] : st.phases) w.key(phase).value(ns_round(secs));
    w.end_object().end_object();
  }
  w.end_array();
  w.key("bytes").begin_object();
  for (const auto& [k, v] : metrics.bytes()) w.key(k).value(v);
  w.end_object();
  w.key("peak_memory_bytes").begin_object();
  for (const auto& [k, v] : metrics.peak_memory()) w.key(k).value(v);
  w.end_object();
  w.end_object();
}

std::string format_bytes(std::uint64_t bytes) {
  static const char* const units[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + " B";
  double v = double(bytes);
  int u = -1;
  while (v >= 1024 && u < 3) v /= 1024, ++u;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f %s", v, units[u]);
  return buf;
}

std::string phase_table(const Metrics& metrics) {
  const MetricsSummary s = summarize(metrics);
  std::ostringstream out;
  char line[160];
  std::snprintf(line, sizeof line, "%-18s %-12s %6s %12s %12s %7s\n", "phase", "space", "runs",
                "total ms", "mean ms", "share");
  out << line << std::string(72, '-') << '\n';
  for (const PhaseTotal& t : s.phases) {
    if (t.count == 0) continue;
    const double share = s.phase_sum_s > 0 ? 100 * t.seconds / s.phase_sum_s : 0;
    std::snprintf(line, sizeof line, "%-18s %-12s %6zu %12.3f %12.3f %6.1f%%\n", t.phase.c_str(),
                  t.spaces.c_str(), t.count, 1e3 * t.seconds, 1e3 * t.seconds / t.count, share);
    out << line;
  }
  out << std::string(72, '-') << '\n';
  std::snprintf(line, sizeof line, "wall %.3f ms, phase sum %.3f ms, overlap %.3f ms\n",
                1e3 * s.wall_s, 1e3 * s.phase_sum_s, 1e3 * s.overlap_s);
  out << line;
  for (const auto& [k, v] : metrics.bytes()) out << k << ": " << format_bytes(v) << '\n';
  for (const auto& [k, v] : metrics.peak_memory())
    out << "peak " << k << ": " << format_bytes(v) << '\n';
  return out.str();
}

}  // namespace kprove
