// Chrome trace event format:
// https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/metrics/json_writer.hpp"
#include "engine/metrics/report.hpp"

namespace kprove {
namespace {

// Lanes sort by space, then stream: serial, openmp, cuda stream 0, cuda stream 1, ...
int lane_of(const PhaseRecord& r) { return 1 + static_cast<int>(r.space) * 100 + r.stream; }

std::string lane_name(const PhaseRecord& r) {
  return to_string(r.space) + (r.stream ? " stream " + std::to_string(r.stream) : "");
}

// Microseconds (the format's unit), rounded to whole nanoseconds.
double us(double seconds) { return std::round(seconds * 1e9) / 1e3; }

}  // namespace

void write_timeline_json(std::ostream& os, const Metrics& metrics,
                         const std::string& process_name) {
  std::vector<PhaseRecord> events = metrics.phases();
  // Parents before their children: by start, then longest first.
  std::stable_sort(events.begin(), events.end(), [](const PhaseRecord& a, const PhaseRecord& b) {
    return a.start_s != b.start_s ? a.start_s < b.start_s : a.seconds() > b.seconds();
  });
  std::map<int, std::string> lanes;
  for (const PhaseRecord& r : events) lanes.emplace(lane_of(r), lane_name(r));

  const long pid = static_cast<long>(::getpid());
  JsonWriter w(os, 0);
  w.begin_object().key("displayTimeUnit").value("ms").key("traceEvents").begin_array();
  w.begin_object().key("name").value("process_name").key("ph").value("M");
  w.key("pid").value(pid).key("tid").value(0);
  w.key("args").begin_object().key("name").value(process_name).end_object().end_object();
  for (const auto& [tid, name] : lanes) {
    w.begin_object().key("name").value("thread_name").key("ph").value("M");
    w.key("pid").value(pid).key("tid").value(tid);
    w.key("args").begin_object().key("name").value(name).end_object().end_object();
    w.begin_object().key("name").value("thread_sort_index").key("ph").value("M");
    w.key("pid").value(pid).key("tid").value(tid);
    w.key("args").begin_object().key("sort_index").value(tid).end_object().end_object();
  }
  for (const PhaseRecord& r : events) {
    w.begin_object().key("name").value(r.phase).key("cat").value("phase").key("ph").value("X");
    w.key("ts").value(us(r.start_s)).key("dur").value(us(r.seconds()));
    w.key("pid").value(pid).key("tid").value(lane_of(r));
    w.key("args").begin_object().key("shard").value(r.shard).end_object().end_object();
  }
  w.end_array().end_object();
  os << '\n';
}

}  // namespace kprove
