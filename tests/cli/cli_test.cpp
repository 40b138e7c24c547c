// The kprove executable end to end: exit codes, one-line errors on stderr, and the files `run`
// writes (which must parse as JSON).
#include "cli/cli_fixture.hpp"
#include "support/json.hpp"

namespace kprove {
namespace {

using test::Cli;
using test::Result;
namespace fs = std::filesystem;

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
  SKIP_WITHOUT_GUESTS();
  write("small.yaml", small_job());
  Result ok = kprove("validate-config small.yaml");
  EXPECT_EQ(ok.rc, 0) << ok.err;
  EXPECT_NE(ok.out.find("small.yaml: ok\n  job small: program "), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("input 4 bytes (hex), max_cycles 4294967296, shard_cycles 1024 (at most "),
            std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("pcs: rate_bits 1, queries 8, pow_bits 2"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("security: "), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("shards of 2^10 rows book at most "), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("budget unlimited"), std::string::npos) << ok.out;
  // With a host budget: the largest shard that fits it; below the last shard's fixed tables
  // (2^16 rows), none does.
  write("roomy.yaml", small_job("roomy") + "memory: {host_budget: 300MiB}\n");
  Result roomy = kprove("validate-config roomy.yaml");
  EXPECT_EQ(roomy.rc, 0) << roomy.err;
  EXPECT_NE(roomy.out.find("of host memory"), std::string::npos) << roomy.out;
  EXPECT_NE(roomy.out.find("within the budget of 300.00 MiB; the largest shard that fits it: 2^"),
            std::string::npos) << roomy.out;
  write("tight.yaml", small_job("tight") + "memory: {host_budget: 50MiB}\n");
  Result tight = kprove("validate-config tight.yaml");
  EXPECT_EQ(tight.rc, 0) << tight.err;
  EXPECT_NE(tight.out.find("OVER the budget of 50.00 MiB; the largest shard that fits it: none"),
            std::string::npos) << tight.out;

  write("bad.yaml", "job: bad\nprogram: " + guest_elf("programs/fibonacci") + "\nmax_cycles: 0\n");
  Result bad = kprove("validate-config bad.yaml");
  EXPECT_EQ(bad.rc, 2);
  EXPECT_EQ(bad.err,
            "kprove: bad.yaml:3:13: max_cycles: 0 is out of range (expected 1 .. "
            "281474976710656)\n");
  write("none.yaml", "job: none\npcs: {queries: 8}\n");
  Result none = kprove("validate-config none.yaml");
  EXPECT_EQ(none.rc, 2);
  EXPECT_EQ(none.err,
            "kprove: none.yaml:1:1: program: required key missing (the guest ELF to prove)\n");
  Result missing = kprove("validate-config nope.yaml");
  EXPECT_EQ(missing.rc, 2);
  EXPECT_EQ(missing.err, "kprove: nope.yaml: cannot open job file\n");
}

// A run of several shards (fibonacci(100), 582 cycles, in shards of 255 cycles) end to end: run proves it,
// prints the phase table of both passes and writes proof, metrics and timeline; verify
// accepts it and prints its statement, and rejects it tampered, cut, for another program or
// against another job's parameters. One proof for every check.
TEST_F(Cli, RunProvesSeveralShardsThatVerifyAccepts) {
  SKIP_WITHOUT_GUESTS();
  std::string job = small_job("multi", "64000000");
  job.replace(job.find("shard_cycles: 1024"), 18, "shard_cycles: 256");
  write("multi.yaml", job);
  Result r = kprove("run multi.yaml --kokkos-threads=1");
  ASSERT_EQ(r.rc, 0) << r.err;
  for (const char* phase : {"emulate", "witness", "precommit", "commit_traces", "tower",
                            "main_constraints", "pcs_opening"})
    EXPECT_NE(r.out.find(phase), std::string::npos) << phase << "\n" << r.out;
  // fib(100) mod 2^32 = 0xc594bfc3, little-endian.
  EXPECT_NE(r.out.find("proved: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("c3bf94c5"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;  // log level warn: nothing to say
  ASSERT_TRUE(fs::exists(dir_ / "res/p.proof"));

  const test::Json m = test::parse_json(test::read_file(dir_ / "res/m.json"));
  EXPECT_EQ(m["labels"]["job"].str, "multi");
  EXPECT_EQ(m["labels"]["job_kind"].str, "prove");
  EXPECT_EQ(m["labels"]["shard_cycles"].str, "256");
  const int shards = std::stoi(m["labels"]["shards"].str);
  EXPECT_GE(shards, 3);
  EXPECT_NE(r.out.find("  " + std::to_string(shards) + " shard(s), "), std::string::npos) << r.out;
  EXPECT_EQ(m["phases"]["pcs_opening"]["count"].num, shards);
  EXPECT_EQ(m["phases"]["precommit"]["count"].num, shards - 1);
  EXPECT_EQ(m["phases"]["witness"]["count"].num, 2 * shards - 1);
  const test::Json t = test::parse_json(test::read_file(dir_ / "res/t.json"));
  EXPECT_GE(t["traceEvents"].arr.size(), 7u * shards);

  Result ok = kprove("verify res/p.proof multi.yaml");
  EXPECT_EQ(ok.rc, 0) << ok.err;
  EXPECT_NE(ok.out.find("proof res/p.proof verified: "), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("c3bf94c5"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("provable bits"), std::string::npos) << ok.out;
  Result by_elf = kprove("verify res/p.proof --program " + guest_elf("programs/fibonacci"));
  EXPECT_EQ(by_elf.rc, 0) << by_elf.err;

  const std::string proof = test::read_file(dir_ / "res/p.proof");
  for (std::size_t at : {std::size_t(40), proof.size() / 3, proof.size() / 2, proof.size() - 9}) {
    std::string bad = proof;
    bad[at] = char(bad[at] ^ 0x10);
    write("bad.proof", bad);
    Result b = kprove("verify bad.proof multi.yaml");
    EXPECT_EQ(b.rc, 1) << "flipped byte " << at;
    EXPECT_EQ(lines(b.err), 1u) << b.err;
    EXPECT_EQ(b.err.rfind("kprove: proof rejected: ", 0), 0u) << b.err;
  }
  write("cut.proof", proof.substr(0, proof.size() / 2));
  Result cut = kprove("verify cut.proof multi.yaml");
  EXPECT_EQ(cut.rc, 1);
  EXPECT_EQ(cut.err.rfind("kprove: proof rejected: ", 0), 0u) << cut.err;

  // Another job's parameters (one more query), another program: another verifying key.
  std::string other = job;
  other.replace(other.find("queries: 8"), 10, "queries: 9");
  write("other.yaml", other);
  Result wrong_job = kprove("verify res/p.proof other.yaml");
  EXPECT_EQ(wrong_job.rc, 1);
  EXPECT_NE(wrong_job.err.find("the proof is for another verifying key"), std::string::npos)
      << wrong_job.err;
  Result wrong_program = kprove("verify res/p.proof --program " + guest_elf("programs/sort"));
  EXPECT_EQ(wrong_program.rc, 1);
  EXPECT_NE(wrong_program.err.find("proof rejected: "), std::string::npos) << wrong_program.err;
  EXPECT_EQ(kprove("verify nothing.proof multi.yaml").rc, 1);

  // 8 queries at rate 1/2 with 2 PoW bits, over several shards: under 9 conjectured bits.
  Result weak = kprove("verify res/p.proof multi.yaml --min-security-bits 9 "
                       "--security-regime conjectured");
  EXPECT_EQ(weak.rc, 1);
  EXPECT_NE(weak.err.find("conjectured bits, below --min-security-bits 9"), std::string::npos)
      << weak.err;
  Result enough = kprove("verify res/p.proof multi.yaml --min-security-bits 5 "
                         "--security-regime conjectured");
  EXPECT_EQ(enough.rc, 0) << enough.err;
  Result provable = kprove("verify res/p.proof multi.yaml --min-security-bits 9");
  EXPECT_EQ(provable.rc, 1);
  EXPECT_NE(provable.err.find("provable bits"), std::string::npos) << provable.err;
  EXPECT_EQ(kprove("verify res/p.proof multi.yaml --security-regime hopeful").rc, 2);
  EXPECT_EQ(kprove("verify res/p.proof multi.yaml --min-security-bits -3").rc, 2);
}

TEST_F(Cli, RunOptionsOverrideTheJobFile) {
  SKIP_WITHOUT_GUESTS();
  write("small.yaml", small_job());
  Result r = kprove(
      "run small.yaml --proof o/p2 --metrics=o/m2.json --timeline o/t2.json --log-level info");
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("  1 shard(s), "), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(dir_ / "o/p2"));
  EXPECT_TRUE(fs::exists(dir_ / "o/m2.json"));
  EXPECT_TRUE(fs::exists(dir_ / "o/t2.json"));
  EXPECT_FALSE(fs::exists(dir_ / "res"));
  EXPECT_NE(r.err.find("[info] job small"), std::string::npos) << r.err;
  Result v = kprove("verify o/p2 small.yaml");
  EXPECT_EQ(v.rc, 0) << v.err;
  EXPECT_NE(v.out.find("verified: "), std::string::npos) << v.out;
}

TEST_F(Cli, OverBudgetRunExitsOneAndWritesNoProof) {
  SKIP_WITHOUT_GUESTS();
  write("tight.yaml", small_job() + "memory: {host_budget: 1MiB, device_budget: 1MiB}\n");
  Result r = kprove("run tight.yaml");
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(last_line(r.err).rfind("kprove: job failed: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("budget"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "res/p.proof"));
}

TEST_F(Cli, SelfcheckPassesOnTheJobSpaces) {
  SKIP_WITHOUT_GUESTS();
  write("small.yaml", small_job());
  Result r = kprove("selfcheck small.yaml");
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("self-check passed: 1 shard(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" 0 mismatching trace(s)"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(dir_ / "res/m.json"));
  EXPECT_FALSE(fs::exists(dir_ / "res/p.proof"));
}


TEST_F(Cli, ExecuteRunsTheGuestAndPrintsItsOutput) {
  if (test::guest_dir().empty()) GTEST_SKIP() << "guest ELFs not built";
  write("sha.yaml", "job: sha\nprogram: " + guest_elf("programs/sha256") + "\ninput: {hex: '616263'}\n");
  const Result r = kprove("execute sha.yaml");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("exit code: 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("hex: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" MHz (one core)"), std::string::npos) << r.out;

  write("hello.txt", "hello\n");
  const Result echo = kprove("execute sha.yaml --program " + guest_elf("asm/ecall_io") +
                             " --input hello.txt --records 2");
  EXPECT_EQ(echo.rc, 0) << echo.err;
  EXPECT_NE(echo.out.find("exit code: 42"), std::string::npos) << echo.out;
  EXPECT_NE(echo.out.find("text: hello"), std::string::npos) << echo.out;
  EXPECT_NE(echo.out.find("records: 1 shard(s)"), std::string::npos) << echo.out;
  EXPECT_NE(echo.out.find(" ecall="), std::string::npos) << echo.out;
}

TEST_F(Cli, ExecuteReportsFaultsAndBadInputsInOneLine) {
  if (test::guest_dir().empty()) GTEST_SKIP() << "guest ELFs not built";
  write("f.yaml", "job: f\nprogram: " + guest_elf("faults/illegal_instruction") + "\n");
  Result r = kprove("execute f.yaml");
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("kprove: guest stopped: illegal instruction at pc 0x"), std::string::npos) << r.err;

  write("loop.yaml", "job: l\nprogram: " + guest_elf("faults/infinite_loop") + "\nmax_cycles: 1000\n");
  r = kprove("execute loop.yaml");
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("no exit within max_cycles = 1000"), std::string::npos) << r.err;

  write("notelf.bin", "not an elf");
  write("bad.yaml", "job: b\nprogram: notelf.bin\n");
  r = kprove("execute bad.yaml");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("notelf.bin: not a supported RV32 guest ELF: no ELF magic"), std::string::npos) << r.err;

  write("none.yaml", "job: n\n");
  r = kprove("execute none.yaml");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "kprove: none.yaml:1:1: program: required key missing (the guest ELF to prove)\n");
  r = kprove("execute f.yaml --records many");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("--records: 'many' is not a thread count"), std::string::npos) << r.err;
  r = kprove("run f.yaml");
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("kprove: guest stopped: illegal instruction"), std::string::npos) << r.err;
}

// A program job end to end through the CLI: run proves it, verify checks it against the ELF,
// against a key written by `kprove vk` and against the job; another program or a corrupted
// proof is rejected with exit 1.
TEST_F(Cli, RunProvesAProgramThatVerifyChecks) {
  if (test::guest_dir().empty()) GTEST_SKIP() << "guest ELFs not built";
  write("sha.yaml", "job: sha\nprogram: " + guest_elf("programs/sha256") +
                        "\ninput: {hex: '616263'}\nshard_cycles: 16384\n"
                        "pcs: {queries: 20, pow_bits: 4}\noutput: {proof: sha.proof}\n");
  Result r = kprove("run sha.yaml");
  ASSERT_EQ(r.rc, 0) << r.err;
  const std::string digest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  EXPECT_NE(r.out.find("exited with code 0, writing 32 bytes: " + digest), std::string::npos)
      << r.out;
  r = kprove("verify sha.proof --program " + guest_elf("programs/sha256"));
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("verified: program "), std::string::npos) << r.out;
  r = kprove("verify sha.proof sha.yaml");
  EXPECT_EQ(r.rc, 0) << r.err;
  // Against a job, the job's parameters hold: a proof made with fewer queries is rejected.
  write("sha21.yaml", "job: sha21\nprogram: " + guest_elf("programs/sha256") +
                          "\ninput: {hex: '616263'}\nshard_cycles: 16384\n"
                          "pcs: {queries: 21, pow_bits: 4}\n");
  r = kprove("verify sha.proof sha21.yaml");
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("the proof is for another verifying key"), std::string::npos) << r.err;
  r = kprove("vk " + guest_elf("programs/sha256") + " --job sha.yaml --out sha.vk");
  ASSERT_EQ(r.rc, 0) << r.err;
  r = kprove("verify sha.proof --vk sha.vk --min-security-bits 10");
  EXPECT_EQ(r.rc, 0) << r.err;
  r = kprove("verify sha.proof --vk sha.vk --min-security-bits 100");
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("below --min-security-bits 100"), std::string::npos) << r.err;

  r = kprove("verify sha.proof --program " + guest_elf("programs/fibonacci"));
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("proof rejected: program proof rejected: the proof is for another "),
            std::string::npos) << r.err;
  std::string bytes = test::read_file(dir_ / "sha.proof");
  bytes[bytes.size() / 2] ^= 0x10;
  write("bad.proof", bytes);
  r = kprove("verify bad.proof --vk sha.vk");
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("kprove: proof rejected: "), std::string::npos) << r.err;
  r = kprove("verify sha.proof --vk sha.vk --program " + guest_elf("programs/sha256"));
  EXPECT_EQ(r.rc, 2);
  r = kprove("vk " + guest_elf("programs/sha256"));
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("--out PATH is required"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kprove

// Bad input never costs data (issue 13): every output is checked before any work, written
// under a unique temporary and renamed into place last; job files are capped; configuration
// problems are located and exit 2.
namespace kprove {
namespace {

// Runs a shell line in `dir`, $KPROVE naming the binary; returns its exit status.
int sh(const fs::path& dir, const std::string& line) {
  const std::string cmd = "cd '" + dir.string() + "' && KPROVE='" + test::cli_path() + "'; " + line;
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Files a write left behind: dot files (temporaries) and the old "<proof>.partial".
std::vector<std::string> leftovers(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name[0] == '.' || name.find(".partial") != std::string::npos ||
        name.find(".tmp") != std::string::npos)
      found.push_back(e.path().string());
  }
  return found;
}

// Two runs of different jobs onto one proof path: each renames a whole proof of its own job
// into place (or fails); the file left verifies against exactly one of them.
TEST_F(Cli, ConcurrentRunsOnOneProofPathNeverMixProofs) {
  SKIP_WITHOUT_GUESTS();
  // Another input and another query count: b's proof is for another verifying key.
  write("a.yaml", small_job("a"));
  write("b.yaml", small_job("b", "0b000000", "{queries: 9, pow_bits: 2}"));
  // One thread each: two OpenMP pools spinning on two cores would only slow both down.
  const std::string run = "$KPROVE run JOB.yaml --proof shared.proof --metrics JOB/m.json "
                          "--timeline JOB/t.json --kokkos-threads=1 > JOB.out 2>&1; "
                          "echo $? > JOB.rc";
  auto for_job = [&](const std::string& job) {
    std::string line = run;
    for (std::size_t at; (at = line.find("JOB")) != std::string::npos;) line.replace(at, 3, job);
    return "(" + line + ") & ";
  };
  ASSERT_EQ(sh(dir_, for_job("a") + for_job("b") + "wait"), 0);
  const std::string rc_a = test::read_file(dir_ / "a.rc"), rc_b = test::read_file(dir_ / "b.rc");
  EXPECT_TRUE(rc_a == "0\n" || rc_a == "1\n") << rc_a << test::read_file(dir_ / "a.out");
  EXPECT_TRUE(rc_b == "0\n" || rc_b == "1\n") << rc_b << test::read_file(dir_ / "b.out");
  const bool is_a = kprove("verify shared.proof a.yaml").rc == 0;
  const bool is_b = kprove("verify shared.proof b.yaml").rc == 0;
  EXPECT_NE(is_a, is_b) << "the proof must be one job's, whole";
  EXPECT_EQ(is_a ? rc_a : rc_b, "0\n");
  EXPECT_TRUE(leftovers(dir_).empty()) << leftovers(dir_).front();
}

// Each refusal: exit 2 and one line naming the option (or located key) and the path, before
// any work (no phase table), with every existing file as it was and nothing left behind.
TEST_F(Cli, BadOutputPathsAreRefusedBeforeWorkAndCostNoFile) {
  SKIP_WITHOUT_GUESTS();
  const std::string job = small_job();
  write("small.yaml", job);
  // What an earlier run left (each refusal must leave it as it is).
  fs::create_directory(dir_ / "res");
  const std::string proof = "an earlier proof", metrics = "{\"earlier\": 1}";
  write("res/p.proof", proof);
  write("res/m.json", metrics);
  fs::create_directory(dir_ / "mdir");
  ASSERT_EQ(sh(dir_, "mkfifo fifo"), 0);
  fs::create_symlink("res/p.proof", dir_ / "link");
  const std::pair<const char*, const char*> cases[] = {
      {"run small.yaml --metrics mdir",
       "kprove: --metrics: 'mdir' is a directory (expected a regular file or a new path)"},
      {"selfcheck small.yaml --timeline mdir", "kprove: --timeline: 'mdir' is a directory"},
      {"run small.yaml --proof ''", "kprove: --proof: empty path"},
      {"run small.yaml --proof mdir", "kprove: --proof: 'mdir' is a directory"},
      {"run small.yaml --proof fifo", "kprove: --proof: 'fifo' is a FIFO"},
      {"run small.yaml --proof link", "kprove: --proof: 'link' is a symbolic link"},
      {"run small.yaml --proof /dev/null", "kprove: --proof: '/dev/null' is a device"},
      {"run small.yaml --proof small.yaml",
       "kprove: --proof: 'small.yaml' is the same file as the job file ('small.yaml')"},
      {"run small.yaml --proof mdir/../small.yaml", "is the same file as the job file"},
      {"run small.yaml --proof res/m.json",
       "kprove: small.yaml:4:39: output.metrics: 'res/m.json' is the same file as --proof "
       "('res/m.json')"},
      {"run small.yaml --metrics x.json --timeline x.json",
       "kprove: --timeline: 'x.json' is the same file as --metrics ('x.json')"},
      {"run small.yaml --proof res/p.proof/x", "res/p.proof' is not a directory"},
      {"run small.yaml --metrics o --proof o/p",
       "kprove: --metrics: 'o' and --proof ('o/p') cannot both be written"},
  };
  for (const auto& [args, message] : cases) {
    SCOPED_TRACE(args);
    const Result r = kprove(args);
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(test::read_file(dir_ / "res/p.proof"), proof);
    EXPECT_EQ(test::read_file(dir_ / "res/m.json"), metrics);
    EXPECT_EQ(test::read_file(dir_ / "small.yaml"), job);
  }
  EXPECT_TRUE(fs::is_fifo(dir_ / "fifo"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
  EXPECT_TRUE(fs::is_empty(dir_ / "mdir"));
  EXPECT_FALSE(fs::exists(dir_ / "x.json"));
  EXPECT_TRUE(leftovers(dir_).empty()) << leftovers(dir_).front();
  // The job file's own output paths are checked by validate-config, located.
  write("same.yaml", "job: a\noutput: {proof: same, metrics: same}\nprogram: " +
                        guest_elf("programs/fibonacci") + "\n");
  const Result v = kprove("validate-config same.yaml");
  EXPECT_EQ(v.rc, 2);
  EXPECT_EQ(v.err,
            "kprove: same.yaml:2:32: output.metrics: 'same' is the same file as "
            "same.yaml:2:17: output.proof ('same')\n");
}

// A write that fails (a file-size limit, as a full disk) fails the run after the proving, but
// replaces nothing: metrics and timeline are only renamed once all are written, the proof last.
TEST_F(Cli, FailedWritesKeepTheOldFilesAndLeaveNoTemporary) {
  SKIP_WITHOUT_GUESTS();
  write("small.yaml", small_job());
  // What an earlier run left.
  fs::create_directory(dir_ / "res");
  const std::string proof = "an earlier proof", metrics = "{}", timeline = "{\"traceEvents\": []}";
  write("res/p.proof", proof);
  write("res/m.json", metrics);
  write("res/t.json", timeline);
  // bash's ulimit -f counts KiB: 1 stops the metrics, 40 the proof (the metrics and timeline
  // are written, not renamed). Not less than 1 KiB: LLVM's OpenMP runtime (the sanitizer
  // build's) sizes a 1 KiB registration file at start-up.
  for (const char* kib : {"1", "40"}) {
    SCOPED_TRACE(kib);
    EXPECT_EQ(sh(dir_, std::string("bash -c 'ulimit -f ") + kib +
                           "; exec \"$0\" run small.yaml --kokkos-threads=1' \"$KPROVE\""
                           " > out.txt 2> err.txt"),
              1);
    const std::string err = test::read_file(dir_ / "err.txt");
    EXPECT_NE(last_line(err).find(std::string("kprove: job failed: cannot write 'res/") +
                                  (kib[0] == '1' ? "m.json" : "p.proof") + "': "),
              std::string::npos)
        << err;
    EXPECT_EQ(test::read_file(dir_ / "res/p.proof"), proof);
    EXPECT_EQ(test::read_file(dir_ / "res/m.json"), metrics);
    EXPECT_EQ(test::read_file(dir_ / "res/t.json"), timeline);
    EXPECT_TRUE(leftovers(dir_).empty()) << leftovers(dir_).front();
  }
}

TEST_F(Cli, JobFilesAreCappedAndMustBeRegularFilesOrPipes) {
  Result zero = kprove("validate-config /dev/zero");
  EXPECT_EQ(zero.rc, 2);
  EXPECT_EQ(zero.err, "kprove: /dev/zero: is not a regular file (a job file must be one)\n");
  EXPECT_EQ(sh(dir_, "yes | \"$KPROVE\" validate-config /dev/stdin 2> err.txt"), 2);
  EXPECT_EQ(test::read_file(dir_ / "err.txt"), "kprove: /dev/stdin: job file larger than 1 MiB\n");
  write("small.yaml", small_job());
  EXPECT_EQ(sh(dir_, "cat small.yaml | \"$KPROVE\" validate-config /dev/stdin > out.txt"), 0);
  EXPECT_NE(test::read_file(dir_ / "out.txt").find("/dev/stdin: ok"), std::string::npos);
}

// Problems across keys, or past the engine's own limits, are caught by validate-config (and by
// run, before any work), located and with exit 2, not by a failing run with exit 1.
TEST_F(Cli, ValidateConfigReportsCrossFieldProblemsLocatedWithExitTwo) {
  SKIP_WITHOUT_GUESTS();
  const std::string program = "program: " + guest_elf("programs/fibonacci") + "\n";
  write("notelf.bin", "not an elf");
  const std::pair<std::string, std::string> cases[] = {
      {"job: a\nspaces: {commit: serial, prove: openmp}\n" + program,
       "kprove: bad.yaml:2:18: spaces.commit: 'serial' must equal spaces.prove ('openmp'): the "
       "committed codewords are opened where they live\n"},
      {"job: a\n" + program + "shard_cycles: 3000\n",
       "kprove: bad.yaml:3:15: shard_cycles: 3000 is not a power of two\n"},
      {"job: a\nmax_cycles: 1000\n", "kprove: bad.yaml:1:1: program: required key missing "
                                     "(the guest ELF to prove)\n"},
      {"job: a\n" + program + "pcs: {security: {bits: 120}}\n",
       "pcs.security: 120 provable bits are out of reach"},
  };
  for (const auto& [yaml, message] : cases) {
    SCOPED_TRACE(yaml);
    if (yaml.find("openmp") != std::string::npos &&
        kprove("version").out.find("openmp") == std::string::npos)
      continue;
    write("bad.yaml", yaml);
    for (const char* command : {"validate-config", "run"}) {
      const Result r = kprove(std::string(command) + " bad.yaml");
      EXPECT_EQ(r.rc, 2) << command;
      // run may log the job (log.level info) before the error line.
      if (std::string(command) == "validate-config") EXPECT_EQ(lines(r.err), 1u) << r.err;
      EXPECT_NE(last_line(r.err).find(message.substr(0, message.size() - (message.back() == '\n'))),
                std::string::npos)
          << command << ": " << r.err;
      EXPECT_TRUE(r.out.empty()) << command << ": " << r.out;
    }
  }
}

TEST_F(Cli, MalformedKokkosOptionsAreUsageErrors) {
  SKIP_WITHOUT_GUESTS();
  write("small.yaml", small_job());
  for (const char* args :
       {"run small.yaml --kokkos-threads=abc", "run small.yaml --kokkos-threads",
        "selfcheck small.yaml --kokkos-threads=99999999999", "run small.yaml --kokkos-numa=-1",
        "verify p small.yaml --kokkos-device-id=gpu0",
        "validate-config small.yaml --kokkos-threads=2x",
        "run small.yaml --kokkos-num-devices=2,x"}) {
    SCOPED_TRACE(args);
    const Result r = kprove(args);
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find("is not a non-negative integer (give --kokkos-"), std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find("stoi"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  EXPECT_EQ(kprove("validate-config small.yaml --kokkos-threads=2 --kokkos-device-id=0").rc, 0);
}

}  // namespace
}  // namespace kprove
