// The kprove executable end to end: exit codes, one-line errors on stderr, and the files `run`
// writes (which must parse as JSON).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/files.hpp"
#include "support/json.hpp"
#include "support/paths.hpp"

namespace kprove {
namespace {

namespace fs = std::filesystem;

struct Result {
  int rc = -1;
  std::string out, err;
};

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("kprove_cli_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `kprove ARGS` in the test's directory.
  Result kprove(const std::string& args) const {
    const std::string cmd =
        "cd '" + dir_.string() + "' && '" + test::cli_path() + "' " + args + " > stdout.txt 2> stderr.txt";
    const int status = std::system(cmd.c_str());
    Result r;
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = test::read_file(dir_ / "stdout.txt");
    r.err = test::read_file(dir_ / "stderr.txt");
    return r;
  }

  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }

  static std::string last_line(const std::string& s) {
    const auto end = s.find_last_not_of('\n');
    if (end == std::string::npos) return "";
    const auto start = s.rfind('\n', end);
    return s.substr(start == std::string::npos ? 0 : start + 1,
                    end - (start == std::string::npos ? 0 : start + 1) + 1);
  }

  static std::size_t lines(const std::string& s) { return std::count(s.begin(), s.end(), '\n'); }

  // One shard (the fixed 2^16-row tables dominate the cost), few queries: seconds on Serial.
  static constexpr const char* kSmallJob =
      "job: small\nworkload: {steps: 200, shard_steps: 256}\npcs: {queries: 8, pow_bits: 2}\n"
      "output: {proof: res/p.proof, metrics: res/m.json, timeline: res/t.json}\n"
      "log: {level: warn}\n";

  fs::path dir_;
};

TEST_F(Cli, VersionAndHelp) {
  Result v = kprove("version");
  EXPECT_EQ(v.rc, 0) << v.err;
  EXPECT_NE(v.out.find("kprove 0.1.0\nKokkos "), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("execution spaces: serial"), std::string::npos) << v.out;
  Result h = kprove("--help");
  EXPECT_EQ(h.rc, 0);
  EXPECT_NE(h.out.find("usage: kprove <command>"), std::string::npos) << h.out;
  EXPECT_TRUE(h.err.empty()) << h.err;
}

TEST_F(Cli, UsageErrorsExitTwoWithOneLine) {
  for (const char* args : {"", "frobnicate", "run", "run a.yaml b.yaml", "version extra",
                           "validate-config x.yaml --bogus", "run x.yaml --proof"}) {
    SCOPED_TRACE(args);
    Result r = kprove(args);
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("kprove: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("(see 'kprove --help')"), std::string::npos) << r.err;
  }
}

TEST_F(Cli, ValidateConfig) {
  Result ok = kprove("validate-config " + test::source_dir() + "/config/jobs/demo.yaml");
  EXPECT_EQ(ok.rc, 0) << ok.err;
  EXPECT_NE(ok.out.find("demo.yaml: ok"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("16384 steps in 2 shard(s) of 8192"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("booking: the largest shard books "), std::string::npos) << ok.out;

  write("bad.yaml", "job: bad\nworkload: {steps: 0}\n");
  Result bad = kprove("validate-config bad.yaml");
  EXPECT_EQ(bad.rc, 2);
  EXPECT_EQ(bad.err,
            "kprove: bad.yaml:2:19: workload.steps: 0 is out of range (expected 1 .. "
            "1073741824)\n");
  Result missing = kprove("validate-config nope.yaml");
  EXPECT_EQ(missing.rc, 2);
  EXPECT_EQ(missing.err, "kprove: nope.yaml: cannot open job file\n");
}

TEST_F(Cli, RunProvesAndWritesProofTableMetricsAndTimeline) {
  write("small.yaml", kSmallJob);
  Result r = kprove("run small.yaml --kokkos-threads=1");
  ASSERT_EQ(r.rc, 0) << r.err;
  for (const char* phase : {"witness", "commit_traces", "tower", "main_constraints", "pcs_opening"})
    EXPECT_NE(r.out.find(phase), std::string::npos) << phase << "\n" << r.out;
  EXPECT_NE(r.out.find("proved 1 shard(s)"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;  // log level warn: nothing to say
  EXPECT_TRUE(fs::exists(dir_ / "res/p.proof"));

  const test::Json m = test::parse_json(test::read_file(dir_ / "res/m.json"));
  EXPECT_EQ(m["labels"]["job"].str, "small");
  EXPECT_EQ(m["labels"]["job_kind"].str, "prove");
  EXPECT_EQ(m["phases"]["witness"]["count"].num, 1);
  EXPECT_EQ(m["phases"]["pcs_opening"]["count"].num, 1);
  const test::Json t = test::parse_json(test::read_file(dir_ / "res/t.json"));
  EXPECT_GE(t["traceEvents"].arr.size(), 5u);
}

TEST_F(Cli, VerifyAcceptsTheProofAndRejectsTamperingAndOtherJobs) {
  write("small.yaml", kSmallJob);
  ASSERT_EQ(kprove("run small.yaml").rc, 0);
  Result ok = kprove("verify res/p.proof small.yaml");
  EXPECT_EQ(ok.rc, 0) << ok.err;
  EXPECT_NE(ok.out.find("verified: 1 shard(s)"), std::string::npos) << ok.out;

  const std::string proof = test::read_file(dir_ / "res/p.proof");
  for (std::size_t at : {std::size_t(40), proof.size() / 3, proof.size() / 2, proof.size() - 9}) {
    std::string bad = proof;
    bad[at] = char(bad[at] ^ 0x10);
    write("bad.proof", bad);
    Result r = kprove("verify bad.proof small.yaml");
    EXPECT_EQ(r.rc, 1) << "flipped byte " << at;
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("kprove: proof rejected: ", 0), 0u) << r.err;
  }
  write("cut.proof", proof.substr(0, proof.size() / 2));
  Result cut = kprove("verify cut.proof small.yaml");
  EXPECT_EQ(cut.rc, 1);
  EXPECT_NE(cut.err.find("shard proof length"), std::string::npos) << cut.err;

  std::string other = kSmallJob;
  other.replace(other.find("steps: 200"), 10, "steps: 201");
  write("other.yaml", other);
  Result wrong_job = kprove("verify res/p.proof other.yaml");
  EXPECT_EQ(wrong_job.rc, 1);
  EXPECT_NE(wrong_job.err.find("another job statement"), std::string::npos) << wrong_job.err;
  EXPECT_EQ(kprove("verify nothing.proof small.yaml").rc, 1);
}

TEST_F(Cli, RunOptionsOverrideTheJobFile) {
  write("small.yaml", kSmallJob);
  Result r = kprove(
      "run small.yaml --proof o/p2 --metrics=o/m2.json --timeline o/t2.json --log-level info");
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "o/p2"));
  EXPECT_TRUE(fs::exists(dir_ / "o/m2.json"));
  EXPECT_TRUE(fs::exists(dir_ / "o/t2.json"));
  EXPECT_FALSE(fs::exists(dir_ / "res"));
  EXPECT_NE(r.err.find("[info] job small"), std::string::npos) << r.err;
}

TEST_F(Cli, OverBudgetRunExitsOneAndWritesNoProof) {
  write("tight.yaml",
        std::string(kSmallJob) + "memory: {host_budget: 1MiB, device_budget: 1MiB}\n");
  Result r = kprove("run tight.yaml");
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(last_line(r.err).rfind("kprove: job failed: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("more than the whole budget"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "res/p.proof"));
}

TEST_F(Cli, SelfcheckPassesOnTheJobSpaces) {
  write("small.yaml", kSmallJob);
  Result r = kprove("selfcheck small.yaml");
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("self-check passed: 1 shard(s)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kprove
