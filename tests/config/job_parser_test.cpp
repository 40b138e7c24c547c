// Job-file parser: defaults, every accepted form, and one test per error the parser reports
// (each checks location, key path and wording, so a regression in any message fails).
#include <gtest/gtest.h>

#include "support/paths.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>

#include "config/job_config.hpp"

namespace kprove {
namespace {

// Runs `parse`, expects a ConfigError and returns its message.
template <class Parse>
std::string error_from(const Parse& parse, const std::string& input) {
  try {
    parse();
  } catch (const ConfigError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no ConfigError for:\n" << input;
  return "";
}

// An existing file for `program:` (the parser only checks that it is a readable file; the ELF
// is loaded by the commands that run it).
const std::string& program_path() {
  static const std::string path = [] {
    const auto p = std::filesystem::path(::testing::TempDir()) / "kprove_job_parser_prog.elf";
    std::ofstream(p) << "ELF";
    return p.string();
  }();
  return path;
}

// The job text with a `program:` line appended (after every other key, so the lines and
// columns of the keys it gives stay as written).
std::string with_program(const std::string& yaml) {
  return yaml + (yaml.empty() || yaml.back() == '\n' ? "" : "\n") + "program: " + program_path() +
         "\n";
}

JobConfig parse(const std::string& yaml, const std::string& source = "t.yaml") {
  return parse_job_text(with_program(yaml), source);
}

// The error of the text as written (no program appended).
std::string raw_error_of(const std::string& yaml) {
  return error_from([&] { parse_job_text(yaml, "t.yaml"); }, yaml);
}

std::string error_of(const std::string& yaml) {
  return error_from([&] { parse_job_text(with_program(yaml), "t.yaml"); }, yaml);
}

std::string file_error_of(const std::string& path) {
  return error_from([&] { parse_job_file(path); }, path);
}

void expect_error(const std::string& yaml, std::initializer_list<const char*> parts) {
  const std::string msg = error_of(yaml);
  for (const char* p : parts)
    EXPECT_NE(msg.find(p), std::string::npos) << "'" << p << "' not in: " << msg;
}

void expect_raw_error(const std::string& yaml, std::initializer_list<const char*> parts) {
  const std::string msg = raw_error_of(yaml);
  for (const char* p : parts)
    EXPECT_NE(msg.find(p), std::string::npos) << "'" << p << "' not in: " << msg;
}

// A space this build lacks, or "" when every space is compiled in.
std::string missing_space() {
  for (SpaceKind k : {SpaceKind::serial, SpaceKind::openmp, SpaceKind::cuda})
    if (!is_compiled(k)) return to_string(k);
  return "";
}

TEST(JobParser, MinimalJobGetsDocumentedDefaults) {
  JobConfig c = parse("job: tiny\n", "tiny.yaml");
  const SpaceKind host = is_compiled(SpaceKind::openmp) ? SpaceKind::openmp : SpaceKind::serial;
  EXPECT_EQ(c.job, "tiny");
  EXPECT_EQ(c.source, "tiny.yaml");
  EXPECT_EQ(c.field, "goldilocks");
  EXPECT_EQ(c.spaces.witgen, host);
  EXPECT_EQ(c.spaces.commit, host);
  EXPECT_EQ(c.spaces.prove, host);
  EXPECT_EQ(c.guest.program, program_path());
  EXPECT_TRUE(c.guest.input.empty());
  EXPECT_EQ(c.guest.input_source, "empty");
  EXPECT_EQ(c.guest.max_cycles, 1ull << 32);
  EXPECT_EQ(c.guest.shard_cycles, 1ull << 20);
  EXPECT_EQ(c.pcs.rate_bits, 1u);
  EXPECT_EQ(c.pcs.queries, 100u);
  EXPECT_EQ(c.pcs.pow_bits, 16u);
  EXPECT_FALSE(c.pcs.security.has_value());
  EXPECT_EQ(c.memory.device_budget, 0u);
  EXPECT_EQ(c.memory.host_budget, 0u);
  EXPECT_TRUE(c.pipeline.overlap);
  EXPECT_EQ(c.pipeline.max_inflight_shards, 2u);
  EXPECT_TRUE(c.pipeline.keep_commitments);
  EXPECT_EQ(c.output.proof, "out/tiny.proof");
  EXPECT_EQ(c.output.metrics, "out/tiny.metrics.json");
  EXPECT_EQ(c.output.timeline, "out/tiny.timeline.json");
  EXPECT_EQ(c.log_level, log::Level::info);
}

// Every job proves a guest program: a job without one is a located error, whatever else it
// gives.
TEST(JobParser, ProgramIsRequired) {
  EXPECT_EQ(raw_error_of("job: a\n"),
            "t.yaml:1:1: program: required key missing (the guest ELF to prove)");
  EXPECT_EQ(raw_error_of("job: a\npcs: {queries: 5}\nmax_cycles: 100\n"),
            "t.yaml:1:1: program: required key missing (the guest ELF to prove)");
  expect_raw_error("job: a\nprogram: [x]\n", {"t.yaml:2:10: program: expected a string"});
  expect_raw_error("job: a\nprogram: ''\n", {"program: must not be empty"});
}

TEST(JobParser, EmptySectionsMeanDefaults) {
  JobConfig c = parse("job: a\nspaces:\npipeline: {}\npcs:\n");
  EXPECT_EQ(c.pipeline.max_inflight_shards, 2u);
  EXPECT_EQ(c.pcs.queries, 100u);
}

TEST(JobParser, ReadsEveryKey) {
  JobConfig c = parse(R"(
job: full_job-2
field: goldilocks
spaces: { witgen: serial, commit: serial, prove: serial }
input: { hex: '0a0B' }
max_cycles: 281474976710656
shard_cycles: 67108864
pcs: { rate_bits: 4, queries: 1000, pow_bits: 0 }
memory: { device_budget: 3 GiB, host_budget: 1500 }
pipeline: { overlap: false, max_inflight_shards: 16, keep_commitments: false }
output: { proof: p.bin, metrics: m.json, timeline: t.json }
log: { level: off }
)");
  EXPECT_EQ(c.job, "full_job-2");
  EXPECT_EQ(c.spaces.witgen, SpaceKind::serial);
  EXPECT_EQ(c.spaces.commit, SpaceKind::serial);
  EXPECT_EQ(c.spaces.prove, SpaceKind::serial);
  EXPECT_EQ(c.guest.program, program_path());
  EXPECT_EQ(c.guest.input, (std::vector<std::uint8_t>{0x0a, 0x0b}));
  EXPECT_EQ(c.guest.input_source, "hex");
  EXPECT_EQ(c.guest.max_cycles, 1ull << 48);
  EXPECT_EQ(c.guest.shard_cycles, 1ull << 26);
  EXPECT_EQ(c.pcs.rate_bits, 4u);
  EXPECT_EQ(c.pcs.queries, 1000u);
  EXPECT_EQ(c.pcs.pow_bits, 0u);
  EXPECT_EQ(c.memory.device_budget, 3ull << 30);
  EXPECT_EQ(c.memory.host_budget, 1500u);
  EXPECT_FALSE(c.pipeline.overlap);
  EXPECT_EQ(c.pipeline.max_inflight_shards, 16u);
  EXPECT_FALSE(c.pipeline.keep_commitments);
  EXPECT_EQ(c.output.proof, "p.bin");
  EXPECT_EQ(c.output.metrics, "m.json");
  EXPECT_EQ(c.output.timeline, "t.json");
  EXPECT_EQ(c.log_level, log::Level::off);
}

TEST(JobParser, SizeSuffixes) {
  auto budget = [](const std::string& s) {
    return parse("job: a\nmemory: {device_budget: " + s + "}").memory.device_budget;
  };
  EXPECT_EQ(budget("0"), 0u);
  EXPECT_EQ(budget("7B"), 7u);
  EXPECT_EQ(budget("2KB"), 2000u);
  EXPECT_EQ(budget("2MB"), 2000000u);
  EXPECT_EQ(budget("2GB"), 2000000000u);
  EXPECT_EQ(budget("2KiB"), 2048u);
  EXPECT_EQ(budget("2MiB"), 2u << 20);
  EXPECT_EQ(budget("8GiB"), 8ull << 30);
  EXPECT_EQ(budget("8 GiB"), 8ull << 30);
}

TEST(JobParser, ErrorMessageNamesFileLineColumnAndKey) {
  EXPECT_EQ(error_of("job: demo\nspaces:\n  witgen: openmp\n  commit: cdua\n"),
            "t.yaml:4:11: spaces.commit: unknown execution space 'cdua' "
            "(expected serial, openmp or cuda)");
}

TEST(JobParser, MalformedYaml) {
  expect_raw_error("job: demo\nspaces: {witgen: openmp\n", {"t.yaml:3:1: ", "invalid YAML"});
  expect_raw_error("job: demo\n  bad indent: 1\n", {"t.yaml:2:", "invalid YAML"});
}

TEST(JobParser, TopLevelShape) {
  expect_raw_error("", {"t.yaml", "empty job file"});
  expect_raw_error("- job: a\n", {"t.yaml:1:1: ", "expected a mapping at the top level"});
  expect_error("field: goldilocks\n", {"t.yaml:1:1: job: required key missing"});
}

TEST(JobParser, JobName) {
  expect_error("job: 'my job'\n", {"t.yaml:1:6: job: invalid job name 'my job'"});
  expect_error("job: ''\n", {"job: must not be empty"});
  expect_error("job: {a: 1}\n", {"job: expected a string, got a mapping"});
}

TEST(JobParser, UnknownKeysWithSuggestion) {
  expect_error("job: a\nprogam: x.elf\n",
               {"t.yaml:2:1: progam: unknown key (did you mean 'program'?)"});
  expect_error("job: a\npcs:\n  queires: 5\n",
               {"t.yaml:3:3: pcs.queires: unknown key (did you mean 'queries'?)"});
  expect_error(
      "job: a\npipeline: {overlap: true, inflight: 2}\n",
      {"pipeline.inflight: unknown key;",
       "expected one of overlap, max_inflight_shards or keep_commitments"});
  const std::string far = error_of("job: a\ncolour: red\n");
  EXPECT_NE(far.find("colour: unknown key"), std::string::npos) << far;
  EXPECT_EQ(far.find("did you mean"), std::string::npos) << far;
  for (const char* section : {"spaces", "pcs", "memory", "output", "log"})
    expect_error("job: a\n" + std::string(section) + ": {bogus: 1}\n",
                 {(std::string(section) + ".bogus: unknown key").c_str()});
}

TEST(JobParser, DuplicateKey) {
  expect_error("job: a\npcs: {queries: 5, queries: 6}\n",
               {"t.yaml:2:", "pcs.queries: duplicate key"});
}

TEST(JobParser, WrongTypes) {
  expect_error("job: a\nspaces: openmp\n",
               {"t.yaml:2:9: spaces: expected a mapping, got a scalar"});
  expect_error("job: a\npcs: [1]\n", {"pcs: expected a mapping, got a sequence"});
  expect_error("job: a\nmax_cycles: lots\n",
               {"t.yaml:2:13: max_cycles: expected an integer, got 'lots'"});
  expect_error("job: a\nmax_cycles: 65536.0\n", {"expected an integer, got '65536.0'"});
  expect_error("job: a\nmax_cycles: [1]\n", {"max_cycles: expected an integer, got a sequence"});
  expect_error("job: a\npcs: {queries: }\n", {"pcs.queries: expected an integer, got nothing"});
  expect_error("job: a\npipeline: {overlap: maybe}\n",
               {"pipeline.overlap: expected true or false, got 'maybe'"});
  expect_error("job: a\nspaces: {witgen: [openmp]}\n", {"spaces.witgen: expected a string"});
  expect_error("job: a\nlog: {level: [info]}\n", {"log.level: expected a string"});
  expect_error("job: a\noutput: {proof: {a: 1}}\n", {"output.proof: expected a string"});
}

TEST(JobParser, UnsupportedField) {
  expect_error("job: a\nfield: babybear\n",
               {"t.yaml:2:8: field: unsupported field 'babybear' (expected goldilocks)"});
}

TEST(JobParser, SpaceNotCompiledIn) {
  const std::string missing = missing_space();
  if (missing.empty()) GTEST_SKIP() << "every execution space is compiled into this build";
  expect_error("job: a\nspaces: {prove: " + missing + "}\n",
               {"spaces.prove: execution space '", "is not compiled into this kprove build"});
}

TEST(JobParser, IntegerRanges) {
  const char* out_of_range = "is out of range";
  expect_error("job: a\nmax_cycles: 0\n",
               {"max_cycles: 0 is out of range (expected 1 .. 281474976710656)"});
  expect_error("job: a\nmax_cycles: -5\n", {"max_cycles: -5 is out of range"});
  expect_error("job: a\nmax_cycles: 99999999999999999999999\n",
               {"max_cycles: expected an integer"});
  expect_error("job: a\nshard_cycles: 8\n", {"shard_cycles", out_of_range});
  expect_error("job: a\nshard_cycles: 134217728\n", {"shard_cycles", out_of_range});
  expect_error("job: a\npcs: {rate_bits: 0}\n", {"pcs.rate_bits", out_of_range});
  expect_error("job: a\npcs: {rate_bits: 5}\n", {"pcs.rate_bits", out_of_range});
  expect_error("job: a\npcs: {queries: 0}\n", {"pcs.queries", out_of_range});
  expect_error("job: a\npcs: {queries: 1001}\n", {"pcs.queries", out_of_range});
  expect_error("job: a\npcs: {pow_bits: 31}\n", {"pcs.pow_bits", out_of_range});
  expect_error("job: a\npipeline: {max_inflight_shards: 0}\n",
               {"pipeline.max_inflight_shards", out_of_range});
  expect_error("job: a\npipeline: {max_inflight_shards: 17}\n",
               {"pipeline.max_inflight_shards", out_of_range});
}

TEST(JobParser, ShardCycles) {
  expect_error("job: a\nshard_cycles: 3000\n",
               {"t.yaml:2:15: shard_cycles: 3000 is not a power of two"});
  EXPECT_EQ(parse("job: a\nshard_cycles: 16\n").guest.shard_cycles, 16u);
}

TEST(JobParser, BadSizes) {
  for (const char* bad : {"8XB", "GiB", "-1", "1.5GiB", "8 gib", "''"})
    expect_error("job: a\nmemory: {host_budget: " + std::string(bad) + "}\n",
                 {"memory.host_budget: bad size", "expected bytes, or an integer with suffix"});
  expect_error("job: a\nmemory: {device_budget: 99999999999GiB}\n",
               {"t.yaml:2:25: memory.device_budget: size '99999999999GiB' is too large"});
}

TEST(JobParser, EmptyOutputPathAndBadLogLevel) {
  expect_error("job: a\noutput: {metrics: ''}\n", {"output.metrics: must not be empty"});
  expect_error("job: a\nlog: {level: loud}\n",
               {"t.yaml:2:14: log.level: unknown log level 'loud' (expected trace"});
}

TEST(JobParser, UnreadableFiles) {
  EXPECT_EQ(file_error_of("/nonexistent/job.yaml"), "/nonexistent/job.yaml: cannot open job file");
  const std::string dir = test::source_dir() + "/config/jobs";
  EXPECT_EQ(file_error_of(dir), dir + ": is a directory");
}

// Every shipped job (examples and E2E benchmark jobs) parses, except that one naming a space this
// build lacks fails with the not-compiled error, and one whose guest lives in a build folder
// that was not built (build-cuda on an OpenMP-only machine) fails naming that file.
TEST(JobParser, ShippedJobs) {
  const std::filesystem::path root(test::source_dir());
  std::vector<std::filesystem::path> files;
  for (const auto& dir : {root / "config" / "jobs", root / "perf" / "jobs"})
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 3u);
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    try {
      JobConfig c = parse_job_file(f.string());
      EXPECT_EQ(c.job, f.stem().string());
    } catch (const ConfigError& e) {
      const std::string msg = e.what();
      // Guests a build makes, inputs scripts/device-run writes.
      const bool built = msg.find("/build-") != std::string::npos &&
                         msg.find("/guests/programs/") != std::string::npos &&
                         msg.find("is not a readable file") != std::string::npos;
      const bool generated = msg.find("/perf/inputs/") != std::string::npos &&
                             msg.find("input.file") != std::string::npos;
      if (built || generated) continue;
      EXPECT_FALSE(missing_space().empty()) << msg;
      EXPECT_NE(msg.find("is not compiled into this kprove build"), std::string::npos) << msg;
    }
  }
}

// Problems found across keys, or against the engine's own limits, are parse errors with a
// location (so validate-config reports them), not failures of a later run.
TEST(JobParser, CrossFieldAndEngineLimits) {
  if (is_compiled(SpaceKind::openmp)) {
    EXPECT_EQ(error_of("job: a\nspaces: {commit: serial, prove: openmp}\n"),
              "t.yaml:2:18: spaces.commit: 'serial' must equal spaces.prove ('openmp'): the "
              "committed codewords are opened where they live");
    expect_error("job: a\nspaces:\n  prove: serial\n",
                 {"t.yaml:3:10: spaces.prove: 'serial' must equal spaces.commit ('openmp', the "
                  "default)"});
  }
  // A program that is not there is refused when the job is parsed, not when it runs.
  EXPECT_EQ(raw_error_of("job: a\nprogram: /nonexistent/p.elf\n"),
            "t.yaml:2:10: program: '/nonexistent/p.elf' is not a readable file");
}

TEST(JobParser, OutputKeysAreLocatedForLaterChecks) {
  const JobConfig c = parse("job: a\noutput:\n  proof: p.bin\n");
  EXPECT_EQ(c.where("output.proof"), "t.yaml:3:10: output.proof");
  EXPECT_EQ(c.where("output.metrics"), "t.yaml: output.metrics");  // a default
}

TEST(JobParser, JobFilesAreCappedAndMustBeRegularFiles) {
  namespace fs = std::filesystem;
  // A device never ends: refused at once instead of read without bound.
  EXPECT_EQ(file_error_of("/dev/zero"),
            "/dev/zero: is not a regular file (a job file must be one)");
  const fs::path big = fs::path(::testing::TempDir()) / "kprove_big_job.yaml";
  {
    std::ofstream out(big);
    out << "job: a\nprogram: " << program_path() << "\n";
  }
  fs::resize_file(big, kMaxJobFileBytes + 1);  // a valid start, then a MiB of NULs
  EXPECT_EQ(file_error_of(big.string()), big.string() + ": job file larger than 1 MiB");
  fs::resize_file(big, 7 + 10 + program_path().size());
  EXPECT_EQ(parse_job_file(big.string()).job, "a");
  fs::remove(big);
}

}  // namespace
}  // namespace kprove
