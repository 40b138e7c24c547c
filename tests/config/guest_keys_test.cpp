// The guest-program keys of a job file (program, input, max_cycles, shard_cycles): defaults,
// paths taken from the job file's folder, both input forms, and each error with its location.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "config/job_config.hpp"

namespace kprove {
namespace {

namespace fs = std::filesystem;

std::string error_of(const std::string& yaml) {
  try {
    parse_job_text(yaml, "t.yaml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no ConfigError for:\n" << yaml;
  return "";
}

void expect_error(const std::string& yaml, const std::string& part) {
  const std::string msg = error_of(yaml);
  EXPECT_NE(msg.find(part), std::string::npos) << "'" << part << "' not in: " << msg;
}

// A folder with a job file, a program and an input file beside it.
class GuestKeys : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) / ("kprove-guest-keys-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "bin");
    std::ofstream(dir_ / "bin" / "prog.elf") << "ELF";
    std::ofstream(dir_ / "in.bin", std::ios::binary).write("\x01\x02\x03", 3);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string job(const std::string& body) {
    std::ofstream(dir_ / "job.yaml") << "job: g\n" << body;
    return (dir_ / "job.yaml").string();
  }
  fs::path dir_;
};

// The guest keys without a program are no job: the program is the one required key besides
// `job`, reported at the top of the file.
TEST_F(GuestKeys, NoProgramIsAnError) {
  expect_error("job: a\ninput: {hex: '00'}\n", "t.yaml:1:1: program: required key missing");
  expect_error("job: a\nmax_cycles: 5\n", "t.yaml:1:1: program: required key missing");
  const std::string msg = error_of("job: a\nshard_cycles: 16\n");
  EXPECT_EQ(msg, "t.yaml:1:1: program: required key missing (the guest ELF to prove)");
}

TEST_F(GuestKeys, PathsAreTakenFromTheJobFilesFolder) {
  const JobConfig c = parse_job_file(job("program: bin/prog.elf\ninput: {file: in.bin}\n"));
  EXPECT_EQ(fs::path(c.guest.program), (dir_ / "bin" / "prog.elf").lexically_normal());
  EXPECT_EQ(c.guest.input, (std::vector<std::uint8_t>{1, 2, 3}));
  EXPECT_EQ(c.guest.max_cycles, 1ull << 32);
  EXPECT_EQ(c.guest.shard_cycles, 1ull << 20);
  const std::string abs = (dir_ / "bin" / "prog.elf").string();
  EXPECT_EQ(parse_job_text("job: a\nprogram: " + abs + "\n", "t.yaml").guest.program, abs);
}

TEST_F(GuestKeys, HexInput) {
  const std::string prog = "job: a\nprogram: " + (dir_ / "bin" / "prog.elf").string() + "\n";
  EXPECT_EQ(parse_job_text(prog + "input: {hex: '00fF10'}\n", "t.yaml").guest.input,
            (std::vector<std::uint8_t>{0x00, 0xff, 0x10}));
  expect_error(prog + "input: {hex: ''}\n", "input.hex: must not be empty");  // leave input out
  expect_error(prog + "input: {hex: '0f1'}\n", "t.yaml:3:14: input.hex: odd number of hex digits");
  expect_error(prog + "input: {hex: '0g'}\n", "input.hex: 'g' at offset 1 is not a hex digit");
  expect_error(prog + "input: {hex: '00', file: x}\n", "input: give either 'file' or 'hex'");
  expect_error(prog + "input: {}\n", "input: expected 'file' or 'hex'");
  expect_error(prog + "input: {hx: '00'}\n", "did you mean 'hex'");
}

TEST_F(GuestKeys, BadValuesAreLocated) {
  const std::string prog = "job: a\nprogram: " + (dir_ / "bin" / "prog.elf").string() + "\n";
  expect_error("job: a\nprogram: /nonexistent/p.elf\n",
               "t.yaml:2:10: program: '/nonexistent/p.elf' is not a readable file");
  expect_error("job: a\nprogram: " + dir_.string() + "\n", "is not a readable file");
  expect_error(prog + "input: {file: /nonexistent/in}\n", "input.file: '/nonexistent/in' is not a readable file");
  expect_error(prog + "max_cycles: 0\n", "t.yaml:3:13: max_cycles: 0 is out of range");
  expect_error(prog + "max_cycles: 281474976710657\n", "max_cycles: 281474976710657 is out of range");
  expect_error(prog + "shard_cycles: 1000\n", "shard_cycles: 1000 is not a power of two");
  expect_error(prog + "shard_cycles: 8\n", "shard_cycles: 8 is out of range");
  expect_error(prog + "shard_cycles: 134217728\n", "shard_cycles: 134217728 is out of range");
}

TEST_F(GuestKeys, InputFilesOverOneGibAreRefused) {
  const fs::path big = dir_ / "big.bin";
  std::ofstream(big).close();
  fs::resize_file(big, kMaxInputBytes + 1);  // sparse: costs no disk
  const std::string prog = "job: a\nprogram: " + (dir_ / "bin" / "prog.elf").string() + "\n";
  expect_error(prog + "input: {file: " + big.string() + "}\n", "is larger than 1 GiB");
  EXPECT_THROW(read_input_file(big.string()), ConfigError);
}

}  // namespace
}  // namespace kprove
