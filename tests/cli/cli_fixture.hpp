// The fixture of the kprove executable's tests: each test in its own directory, `kprove ARGS`
// (or a launcher's command line around it) run there with its exit code, stdout and stderr.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/files.hpp"
#include "support/paths.hpp"

namespace kprove::test {

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

  // Runs `kprove ARGS` in the test's directory, after `launcher` (e.g. "mpirun -np 2").
  Result kprove(const std::string& args, const std::string& launcher = "") const {
    const std::string cmd = "cd '" + dir_.string() + "' && " + launcher + " '" +
                            test::cli_path() + "' " + args + " > stdout.txt 2> stderr.txt";
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

  // A built guest ELF ("" when this build has none).
  static std::string guest_elf(const std::string& rel) {
    return test::guest_dir() + "/" + rel + ".elf";
  }

  // fibonacci(10) in one shard (the fixed 2^16-row tables dominate the cost), few queries:
  // seconds on Serial. The output keys stay on line 4 (tests name their location).
  static std::string small_job(const std::string& name = "small", const std::string& input = "0a000000",
                               const std::string& pcs = "{queries: 8, pow_bits: 2}") {
    return "job: " + name + "\nprogram: " + guest_elf("programs/fibonacci") + "\ninput: {hex: '" +
           input + "'}\noutput: {proof: res/p.proof, metrics: res/m.json, timeline: res/t.json}\n"
           "pcs: " + pcs + "\nshard_cycles: 1024\nlog: {level: warn}\n";
  }

  fs::path dir_;
};

#define SKIP_WITHOUT_GUESTS() \
  if (test::guest_dir().empty()) GTEST_SKIP() << "guest ELFs not built"

}  // namespace kprove::test
