// The files a job writes and reads: staged, all-or-nothing writes and the checks of output
// paths before any work (engine/jobs/output_paths.hpp); bounded reads of regular files only
// (engine/proof/binary_file.hpp).
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>

#include "config/job_config.hpp"
#include "engine/jobs/output_paths.hpp"
#include "engine/proof/binary_file.hpp"
#include "support/files.hpp"

namespace kprove {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class OutputFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("kprove_outputs_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Names in the directory (temporaries start with '.').
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
  }

  // The ConfigError check_output_paths throws ("" when none).
  static std::string refusal(const std::vector<NamedPath>& outputs,
                             const std::vector<NamedPath>& inputs = {}) {
    try {
      check_output_paths(outputs, inputs);
    } catch (const ConfigError& e) {
      return e.what();
    }
    return "";
  }

  fs::path dir_;
};

TEST_F(OutputFiles, WriteOntoADirectoryFailsAndLeavesNoTemporary) {
  fs::create_directory(dir_ / "p.proof");
  EXPECT_THROW(write_files_atomically({{path("p.proof"), "a proof"}}), std::runtime_error);
  EXPECT_EQ(entries(), std::vector<std::string>{"p.proof"});
  EXPECT_TRUE(fs::is_directory(dir_ / "p.proof"));
}

// A write that fails half way (here a file-size limit, as a full disk would) keeps the old
// proof byte for byte and removes its temporary.
TEST_F(OutputFiles, FailedWriteKeepsTheOldFileAndLeavesNoTemporary) {
  write("p.proof", "the old, good proof");
  const std::string big(4 * 4096, '7');
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  rlimit small = saved;
  small.rlim_cur = 1024;
  auto* previous = std::signal(SIGXFSZ, SIG_IGN);
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  bool threw = false;
  std::string what;
  try {
    write_files_atomically({{path("p.proof"), big}});
  } catch (const std::runtime_error& e) {
    threw = true;
    what = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, previous);
  EXPECT_TRUE(threw);
  EXPECT_NE(what.find("cannot write '" + path("p.proof") + "'"), std::string::npos) << what;
  EXPECT_EQ(test::read_file(dir_ / "p.proof"), "the old, good proof");
  EXPECT_EQ(entries(), std::vector<std::string>{"p.proof"});
}

// Several files: a failure staging any of them replaces none.
TEST_F(OutputFiles, WriteFilesAtomicallyIsAllOrNothing) {
  write("m.json", "old metrics");
  fs::create_directory(dir_ / "sub");
  fs::permissions(dir_ / "sub", fs::perms::owner_read | fs::perms::owner_exec);
  const bool can_refuse = ::geteuid() != 0;  // root writes a read-only directory anyway
  fs::create_directory(dir_ / "in_the_way");
  EXPECT_THROW(write_files_atomically({{path("m.json"), "new metrics"},
                                       {path("in_the_way"), "a directory is in the way"}}),
               std::runtime_error);
  write("in_the_way/t.json", "a file where a directory is needed");
  EXPECT_THROW(write_files_atomically({{path("m.json"), "new metrics"},
                                       {path("in_the_way/t.json/x"), "unreachable"}}),
               std::runtime_error);
  if (can_refuse)
    EXPECT_THROW(write_files_atomically({{path("m.json"), "new"}, {path("sub/p"), "x"}}),
                 std::runtime_error);
  EXPECT_EQ(test::read_file(dir_ / "m.json"), "old metrics");
  fs::permissions(dir_ / "sub", fs::perms::owner_all);
  write_files_atomically({{path("m.json"), "new metrics"}, {path("sub/p"), "proof"}});
  EXPECT_EQ(test::read_file(dir_ / "m.json"), "new metrics");
  EXPECT_EQ(test::read_file(dir_ / "sub/p"), "proof");
  EXPECT_EQ(entries(), (std::vector<std::string>{"in_the_way", "m.json", "sub"}));
  EXPECT_EQ(fs::directory_iterator(dir_ / "in_the_way")->path().filename(), "t.json");
  // The new file gets the usual mode, not mkstemp's 0600.
  const mode_t mask = ::umask(022);
  ::umask(mask);
  EXPECT_EQ(fs::status(dir_ / "sub/p").permissions(), fs::perms(0666 & ~mask));
}

TEST_F(OutputFiles, TemporaryIsRemovedOnSigterm) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string target = path("p.proof");
  EXPECT_EXIT(
      {
        StagedFile f(target);
        f.write("half a proof");
        std::raise(SIGTERM);
      },
      ::testing::KilledBySignal(SIGTERM), "");
  EXPECT_TRUE(entries().empty());
}

TEST_F(OutputFiles, ReadRefusesNonRegularFiles) {
  // /dev/zero would never end, a directory reads as empty.
  for (const std::string& p : {std::string("/dev/zero"), dir_.string()}) {
    try {
      read_binary_file(p, "proof", 1 << 20);
      ADD_FAILURE() << p << " was read";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "cannot read proof '" + p + "': not a regular file");
    }
  }
  EXPECT_THROW(read_binary_file(path("absent"), "proof", 1 << 20), std::runtime_error);
}

// A file larger than the cap is refused before it is read, naming what and where it is; one
// at the cap is read whole.
TEST_F(OutputFiles, ReadRefusesFilesLargerThanTheCap) {
  write("k.vk", "0123456789");
  try {
    read_binary_file(path("k.vk"), "verifying key", 9);
    ADD_FAILURE() << "a 10-byte file read under a 9-byte cap";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot read verifying key '" + path("k.vk") +
                                         "': 10 bytes, more than a verifying key has (9)");
  }
  const std::vector<uint8_t> bytes = read_binary_file(path("k.vk"), "verifying key", 10);
  EXPECT_EQ(std::string(bytes.begin(), bytes.end()), "0123456789");
  write("empty", "");
  EXPECT_TRUE(read_binary_file(path("empty"), "proof", 0).empty());
}

TEST_F(OutputFiles, CheckRefusesEveryBadOutputBeforeAnyWork) {
  write("job.yaml", "job: a\n");
  write("old.proof", "good");
  fs::create_directory(dir_ / "d");
  ASSERT_EQ(::mkfifo(path("fifo").c_str(), 0600), 0);
  fs::create_symlink("old.proof", dir_ / "link");
  fs::create_hard_link(dir_ / "job.yaml", dir_ / "hard");
  const std::vector<NamedPath> job = {{"the job file", path("job.yaml")}};
  EXPECT_EQ(refusal({{"--proof", ""}}), "--proof: empty path (expected a file name)");
  EXPECT_EQ(refusal({{"--proof", path("d")}}),
            "--proof: '" + path("d") + "' is a directory (expected a regular file or a new path)");
  EXPECT_NE(refusal({{"--proof", path("fifo")}}).find("' is a FIFO"), std::string::npos);
  EXPECT_NE(refusal({{"--proof", "/dev/null"}}).find("' is a device"), std::string::npos);
  EXPECT_NE(refusal({{"--proof", path("link")}}).find("' is a symbolic link"), std::string::npos);
  EXPECT_EQ(refusal({{"--proof", path("job.yaml")}}, job),
            "--proof: '" + path("job.yaml") + "' is the same file as the job file ('" +
                path("job.yaml") + "')");
  // The same file by another spelling, or by another name (a hard link).
  EXPECT_NE(refusal({{"--proof", path("d/../job.yaml")}}, job).find("the same file as the job"),
            std::string::npos);
  EXPECT_NE(refusal({{"--proof", path("hard")}}, job).find("the same file as the job"),
            std::string::npos);
  EXPECT_EQ(refusal({{"--proof", path("x")}, {"t.yaml:3:12: output.metrics", path("x")}}),
            "t.yaml:3:12: output.metrics: '" + path("x") + "' is the same file as --proof ('" +
                path("x") + "')");
  EXPECT_EQ(refusal({{"--metrics", path("o")}, {"--proof", path("o/p")}}),
            "--proof: '" + path("o/p") + "' and --metrics ('" + path("o") +
                "') cannot both be written: one is a folder of the other");
  EXPECT_EQ(refusal({{"--proof", path("o/p")}, {"--metrics", path("o/pm")}}), "");
  EXPECT_NE(refusal({{"--proof", path("old.proof/x")}}).find("is not a directory"),
            std::string::npos);
  if (::geteuid() != 0) {
    fs::permissions(dir_ / "d", fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_NE(refusal({{"--proof", path("d/new/p")}}).find("is not writable"), std::string::npos);
    fs::permissions(dir_ / "d", fs::perms::owner_all);
  }
  // Fine: absent (with directories to create), or an existing regular file.
  EXPECT_EQ(refusal({{"--proof", path("old.proof")}, {"--metrics", path("new/dir/m.json")}}, job),
            "");
  EXPECT_EQ(test::read_file(dir_ / "old.proof"), "good");
  EXPECT_FALSE(fs::exists(dir_ / "new"));  // checking creates nothing
}

}  // namespace
}  // namespace kprove
