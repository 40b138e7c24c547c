// Metrics recorder and its reports: JSON writer escaping, summary arithmetic (wall, overlap)
// on synthetic intervals, nesting, thread safety, and that both JSON files parse back with the
// documented structure.
#include "engine/metrics/metrics.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "engine/metrics/json_writer.hpp"
#include "engine/metrics/report.hpp"
#include "support/json.hpp"

namespace kprove {
namespace {

using test::Json;
using test::parse_json;

PhaseRecord rec(const std::string& phase, long shard, double start, double end,
                SpaceKind space = SpaceKind::openmp, int depth = 0) {
  PhaseRecord r;
  r.phase = phase;
  r.shard = shard;
  r.space = space;
  r.depth = depth;
  r.start_s = start;
  r.end_s = end;
  return r;
}

const PhaseTotal& total(const MetricsSummary& s, const std::string& phase) {
  for (const auto& t : s.phases)
    if (t.phase == phase) return t;
  throw std::runtime_error("no phase " + phase);
}

std::string metrics_json(const Metrics& m) {
  std::ostringstream os;
  write_metrics_json(os, m);
  return os.str();
}

std::string timeline_json(const Metrics& m) {
  std::ostringstream os;
  write_timeline_json(os, m, "kprove test");
  return os.str();
}

TEST(JsonWriter, EscapesAndRoundTrips) {
  const std::string nasty = std::string("q\"b\\s/n\nt\tc\x01") + "\x1f" + "\xc3\xa9";
  EXPECT_EQ(json_quote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
  for (int indent : {0, 2}) {
    std::ostringstream os;
    JsonWriter w(os, indent);
    w.begin_object();
    w.key(nasty).value(nasty);
    w.key("n").value(std::uint64_t(18446744073709551615ull));
    w.key("neg").value(-42);
    w.key("d").value(0.1);
    w.key("inf").value(1.0 / 0.0);
    w.key("t").value(true).key("f").value(false).key("z").null();
    w.key("empty_a").begin_array().end_array();
    w.key("empty_o").begin_object().end_object();
    w.key("a").begin_array().value(1).begin_object().key("x").value("y").end_object().end_array();
    w.end_object();
    SCOPED_TRACE(os.str());
    const Json j = parse_json(os.str());
    EXPECT_EQ(j[nasty].str, nasty);
    EXPECT_EQ(j["n"].num, 18446744073709551615.0);
    EXPECT_EQ(j["neg"].num, -42);
    EXPECT_EQ(j["d"].num, 0.1);  // shortest round-trip form
    EXPECT_EQ(j["inf"].kind, Json::Kind::null);
    EXPECT_TRUE(j["t"].b);
    EXPECT_EQ(j["f"].kind, Json::Kind::boolean);
    EXPECT_FALSE(j["f"].b);
    EXPECT_EQ(j["z"].kind, Json::Kind::null);
    EXPECT_TRUE(j["empty_a"].arr.empty());
    EXPECT_TRUE(j["empty_o"].obj.empty());
    EXPECT_EQ(j["a"][1]["x"].str, "y");
  }
}

TEST(MetricsSummary, SequentialPhasesHaveNoOverlap) {
  Metrics m;
  m.record(rec("witness", 0, 1.0, 2.0));
  m.record(rec("commit_traces", 0, 2.0, 4.5));
  m.record(rec("witness", 1, 4.5, 5.0));
  const MetricsSummary s = summarize(m);
  EXPECT_DOUBLE_EQ(s.wall_s, 4.0);
  EXPECT_DOUBLE_EQ(s.phase_sum_s, 4.0);
  EXPECT_DOUBLE_EQ(s.busy_s, 4.0);
  EXPECT_DOUBLE_EQ(s.overlap_s, 0.0);
  EXPECT_DOUBLE_EQ(total(s, "witness").seconds, 1.5);
  EXPECT_EQ(total(s, "witness").count, 2u);
  EXPECT_DOUBLE_EQ(total(s, "commit_traces").seconds, 2.5);
}

TEST(MetricsSummary, ConcurrentPhasesOverlap) {
  Metrics m;
  // Shard 1's witness runs while shard 0 commits: [0,2] + [1,3] + [2.5,4] within [0,4].
  m.record(rec("witness", 0, 0.0, 2.0));
  m.record(rec("commit_traces", 0, 1.0, 3.0, SpaceKind::cuda));
  m.record(rec("witness", 1, 2.5, 4.0));
  const MetricsSummary s = summarize(m);
  EXPECT_DOUBLE_EQ(s.wall_s, 4.0);
  EXPECT_DOUBLE_EQ(s.phase_sum_s, 5.5);
  EXPECT_DOUBLE_EQ(s.busy_s, 4.0);
  EXPECT_DOUBLE_EQ(s.overlap_s, 1.5);  // = phase sum - wall, since there is no idle gap
}

TEST(MetricsSummary, IdleGapsAreNotOverlap) {
  Metrics m;
  m.record(rec("witness", 0, 0.0, 1.0));
  m.record(rec("witness", 1, 2.0, 3.0));
  m.record(rec("tower", 1, 2.5, 3.5));
  const MetricsSummary s = summarize(m);
  EXPECT_DOUBLE_EQ(s.wall_s, 3.5);
  EXPECT_DOUBLE_EQ(s.busy_s, 2.5);
  EXPECT_DOUBLE_EQ(s.overlap_s, 0.5);
}

TEST(MetricsSummary, NestedRecordsDoNotCount) {
  Metrics m;
  m.record(rec("commit_traces", 0, 0.0, 2.0));
  m.record(rec("lde", 0, 0.5, 1.5, SpaceKind::openmp, 1));
  const MetricsSummary s = summarize(m);
  EXPECT_DOUBLE_EQ(s.phase_sum_s, 2.0);
  EXPECT_DOUBLE_EQ(s.overlap_s, 0.0);
  for (const auto& t : s.phases) EXPECT_NE(t.phase, "lde");
}

TEST(MetricsSummary, StandardPhasesFirstThenOthersPerShard) {
  Metrics m;
  m.record(rec("selfcheck", 1, 0.0, 1.0));
  m.record(rec("witness", 1, 1.0, 2.0, SpaceKind::serial));
  m.record(rec("witness", 0, 2.0, 3.0, SpaceKind::cuda));
  m.record(rec("aggregate", kNoShard, 3.0, 4.0));
  const MetricsSummary s = summarize(m);
  ASSERT_EQ(s.phases.size(), kStandardPhases.size() + 2);
  for (std::size_t i = 0; i < kStandardPhases.size(); ++i)
    EXPECT_EQ(s.phases[i].phase, kStandardPhases[i]);
  EXPECT_EQ(s.phases[5].phase, "selfcheck");
  EXPECT_EQ(s.phases[6].phase, "aggregate");
  EXPECT_EQ(total(s, "witness").spaces, "serial+cuda");
  EXPECT_EQ(total(s, "tower").count, 0u);
  EXPECT_EQ(total(s, "tower").spaces, "");
  ASSERT_EQ(s.shards.size(), 2u);  // the kNoShard record is job-level
  EXPECT_EQ(s.shards[0].shard, 0);
  ASSERT_EQ(s.shards[1].phases.size(), 2u);
  EXPECT_EQ(s.shards[1].phases[0].first, "selfcheck");
  EXPECT_EQ(s.shards[1].phases[1].first, "witness");
}

TEST(PhaseScope, RecordsNestedScopesInsideTheirParent) {
  Metrics m;
  {
    PhaseScope outer(m, "commit_traces", 3, SpaceKind::serial);
    PhaseScope inner(m, "merkle", 3, SpaceKind::serial);
  }
  const auto phases = m.phases();
  ASSERT_EQ(phases.size(), 2u);
  const PhaseRecord& inner = phases[0];  // finishes first
  const PhaseRecord& outer = phases[1];
  EXPECT_EQ(outer.phase, "commit_traces");
  EXPECT_EQ(outer.depth, 0);
  EXPECT_EQ(inner.depth, 1);
  EXPECT_EQ(inner.shard, 3);
  EXPECT_LE(outer.start_s, inner.start_s);
  EXPECT_GE(outer.end_s, inner.end_s);
  EXPECT_LE(inner.start_s, inner.end_s);
}

TEST(Metrics, ConcurrentRecordingIsSafe) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&m, t] {
      for (int i = 0; i < 100; ++i) {
        PhaseScope scope(m, "witness", t * 100 + i, SpaceKind::openmp);
        m.add_bytes("h2d_copy", 3);
      }
    });
  for (auto& th : threads) th.join();
  const MetricsSummary s = summarize(m);
  EXPECT_EQ(total(s, "witness").count, 400u);
  EXPECT_EQ(s.shards.size(), 400u);
  EXPECT_EQ(m.bytes().at("h2d_copy"), 1200u);
  for (const auto& r : m.phases()) EXPECT_EQ(r.depth, 0);  // depth is per thread
}

TEST(Metrics, PeakMemoryKeepsTheMaximum) {
  Metrics m;
  m.set_peak_memory("HostSpace", 100);
  m.set_peak_memory("HostSpace", 50);
  m.set_peak_memory("CudaSpace", 7);
  EXPECT_EQ(m.peak_memory().at("HostSpace"), 100u);
  EXPECT_EQ(m.peak_memory().at("CudaSpace"), 7u);
}

TEST(MetricsJson, ParsesBackWithTotalsShardsAndCounters) {
  Metrics m;
  m.set_label("job", "demo \"quoted\"");
  m.record(rec("witness", 0, 0.0, 0.25));
  m.record(rec("witness", 1, 0.25, 0.5));
  m.record(rec("selfcheck", 0, 0.5, 1.0, SpaceKind::cuda));
  m.add_bytes("h2d_copy", 4096);
  m.set_peak_memory("HostSpace", 1 << 20);
  const std::string text = metrics_json(m);
  SCOPED_TRACE(text);
  const Json j = parse_json(text);
  EXPECT_EQ(j["labels"]["job"].str, "demo \"quoted\"");
  EXPECT_DOUBLE_EQ(j["wall_s"].num, 1.0);
  EXPECT_DOUBLE_EQ(j["phase_sum_s"].num, 1.0);
  EXPECT_DOUBLE_EQ(j["overlap_s"].num, 0.0);
  for (const char* p : kStandardPhases) EXPECT_TRUE(j["phases"].has(p)) << p;
  EXPECT_DOUBLE_EQ(j["phases"]["witness"]["seconds"].num, 0.5);
  EXPECT_EQ(j["phases"]["witness"]["count"].num, 2);
  EXPECT_EQ(j["phases"]["selfcheck"]["spaces"].str, "cuda");
  EXPECT_EQ(j["phases"]["tower"]["count"].num, 0);
  ASSERT_EQ(j["shards"].arr.size(), 2u);
  EXPECT_EQ(j["shards"][0]["shard"].num, 0);
  EXPECT_DOUBLE_EQ(j["shards"][0]["phases"]["selfcheck"].num, 0.5);
  EXPECT_DOUBLE_EQ(j["shards"][1]["phases"]["witness"].num, 0.25);
  EXPECT_EQ(j["bytes"]["h2d_copy"].num, 4096);
  EXPECT_EQ(j["peak_memory_bytes"]["HostSpace"].num, 1 << 20);
}

TEST(Timeline, ChromeTraceEventsAreOrderedAndLaned) {
  Metrics m;
  m.record(rec("lde", 1, 1.5, 1.75, SpaceKind::cuda, 1));  // finishes before its parent
  m.record(rec("commit_traces", 1, 1.0, 2.0, SpaceKind::cuda));
  m.record(rec("witness", 0, 0.0, 1.0));
  m.record(rec("witness", 1, 1.0, 1.5));
  const std::string text = timeline_json(m);
  SCOPED_TRACE(text);
  const Json j = parse_json(text);
  const auto& ev = j["traceEvents"].arr;
  std::vector<const Json*> x;
  std::map<double, std::string> lane_names;
  for (const Json& e : ev) {
    EXPECT_TRUE(e.has("pid"));
    if (e["ph"].str == "X") x.push_back(&e);
    if (e["ph"].str == "M" && e["name"].str == "thread_name")
      lane_names[e["tid"].num] = e["args"]["name"].str;
  }
  ASSERT_EQ(x.size(), 4u);
  for (std::size_t i = 1; i < x.size(); ++i) EXPECT_LE((*x[i - 1])["ts"].num, (*x[i])["ts"].num);
  EXPECT_EQ((*x[0])["name"].str, "witness");
  EXPECT_DOUBLE_EQ((*x[0])["dur"].num, 1e6);  // microseconds
  // At ts 1s: the longer commit_traces (parent) precedes witness, and lde lies inside it.
  EXPECT_EQ((*x[1])["name"].str, "commit_traces");
  EXPECT_EQ((*x[3])["name"].str, "lde");
  EXPECT_EQ((*x[3])["tid"].num, (*x[1])["tid"].num);
  EXPECT_GE((*x[3])["ts"].num, (*x[1])["ts"].num);
  EXPECT_LE((*x[3])["ts"].num + (*x[3])["dur"].num, (*x[1])["ts"].num + (*x[1])["dur"].num);
  EXPECT_NE((*x[0])["tid"].num, (*x[1])["tid"].num);  // openmp and cuda lanes
  EXPECT_EQ((*x[1])["args"]["shard"].num, 1);
  EXPECT_EQ(lane_names[(*x[0])["tid"].num], "openmp");
  EXPECT_EQ(lane_names[(*x[1])["tid"].num], "cuda");
}

TEST(PhaseTable, ListsRecordedPhasesAndTotals) {
  Metrics m;
  m.record(rec("witness", 0, 0.0, 0.002));
  m.record(rec("selfcheck", 0, 0.002, 0.003));
  m.add_bytes("h2d_copy", 3 << 20);
  const std::string t = phase_table(m);
  EXPECT_NE(t.find("witness"), std::string::npos) << t;
  EXPECT_NE(t.find("selfcheck"), std::string::npos) << t;
  EXPECT_EQ(t.find("tower"), std::string::npos) << t;  // never ran: not in the table
  EXPECT_NE(t.find("wall 3.000 ms"), std::string::npos) << t;
  EXPECT_NE(t.find("h2d_copy: 3.00 MiB"), std::string::npos) << t;
}

TEST(FormatBytes, Units) {
  EXPECT_EQ(format_bytes(0), "0 B");
  EXPECT_EQ(format_bytes(1023), "1023 B");
  EXPECT_EQ(format_bytes(1536), "1.50 KiB");
  EXPECT_EQ(format_bytes(8ull << 30), "8.00 GiB");
}

}  // namespace
}  // namespace kprove
