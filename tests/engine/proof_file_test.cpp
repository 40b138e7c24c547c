// Proof file container: round trip, atomic write, and named errors for every corruption; the
// staged writes and output checks behind it (engine/jobs/output_paths.hpp).
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
#include "engine/proof/bytes.hpp"
#include "engine/proof/proof_file.hpp"
#include "support/files.hpp"
#include "support/random.hpp"

namespace kprove {
namespace {

ProofFile sample(test::Rng& rng) {
  ProofFile f;
  f.job_fingerprint = rng.u64();
  for (int s = 0; s < 3; ++s) {
    std::vector<uint8_t> b(10 + s * 7);
    for (auto& x : b) x = uint8_t(rng.u64());
    f.shards.push_back(b);
  }
  return f;
}

TEST(ProofFile, RoundTripsThroughDisk) {
  KPROVE_RNG(rng);
  ProofFile f = sample(rng);
  const auto path = std::filesystem::temp_directory_path() / "kprove_test" / "p.proof";
  write_proof_file(path.string(), f);
  write_proof_file(path.string(), f);  // replaces it, and leaves no temporary beside it
  for (const auto& e : std::filesystem::directory_iterator(path.parent_path()))
    EXPECT_EQ(e.path(), path);
  ProofFile g = read_proof_file(path.string(), 16);
  EXPECT_EQ(g.job_fingerprint, f.job_fingerprint);
  EXPECT_EQ(g.shards, f.shards);
  std::filesystem::remove_all(path.parent_path());
}

TEST(ProofFile, EveryTruncationAndHeaderCorruptionIsANamedError) {
  KPROVE_RNG(rng);
  const auto bytes = encode_proof_file(sample(rng));
  for (std::size_t len = 0; len < bytes.size(); ++len) {
    std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + std::ptrdiff_t(len));
    EXPECT_THROW(decode_proof_file(cut, 16), ProofFormatError) << "length " << len;
  }
  auto bad_magic = bytes;
  bad_magic[0] ^= 1;
  EXPECT_THROW(decode_proof_file(bad_magic, 16), ProofFormatError);
  auto bad_version = bytes;
  bad_version[8] ^= 4;
  EXPECT_THROW(decode_proof_file(bad_version, 16), ProofFormatError);
  auto trailing = bytes;
  trailing.push_back(0);
  EXPECT_THROW(decode_proof_file(trailing, 16), ProofFormatError);
  EXPECT_THROW(decode_proof_file(bytes, 2), ProofFormatError);  // more shards than allowed
  EXPECT_THROW(read_proof_file("/nonexistent/kprove.proof", 16), std::runtime_error);
}

TEST(ProofFile, FingerprintSeparatesStatements) {
  EXPECT_NE(fingerprint("steps=1024;seed=1"), fingerprint("steps=1024;seed=2"));
  EXPECT_EQ(fingerprint("a"), fingerprint("a"));
}

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class ProofFileOutputs : public ::testing::Test {
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

TEST_F(ProofFileOutputs, WriteOntoADirectoryFailsAndLeavesNoTemporary) {
  KPROVE_RNG(rng);
  fs::create_directory(dir_ / "p.proof");
  EXPECT_THROW(write_proof_file(path("p.proof"), sample(rng)), std::runtime_error);
  EXPECT_EQ(entries(), std::vector<std::string>{"p.proof"});
  EXPECT_TRUE(fs::is_directory(dir_ / "p.proof"));
}

// A write that fails half way (here a file-size limit, as a full disk would) keeps the old
// proof byte for byte and removes its temporary.
TEST_F(ProofFileOutputs, FailedWriteKeepsTheOldFileAndLeavesNoTemporary) {
  KPROVE_RNG(rng);
  write("p.proof", "the old, good proof");
  ProofFile big;
  big.shards.assign(4, std::vector<uint8_t>(4096, 7));
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  rlimit small = saved;
  small.rlim_cur = 1024;
  auto* previous = std::signal(SIGXFSZ, SIG_IGN);
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  bool threw = false;
  std::string what;
  try {
    write_proof_file(path("p.proof"), big);
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
TEST_F(ProofFileOutputs, WriteFilesAtomicallyIsAllOrNothing) {
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

TEST_F(ProofFileOutputs, TemporaryIsRemovedOnSigterm) {
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

TEST_F(ProofFileOutputs, ReadRefusesNonRegularFiles) {
  EXPECT_THROW(read_proof_file("/dev/zero", 16), std::runtime_error);  // would never end
  EXPECT_THROW(read_proof_file(dir_.string(), 16), std::runtime_error);
}

TEST_F(ProofFileOutputs, CheckRefusesEveryBadOutputBeforeAnyWork) {
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
