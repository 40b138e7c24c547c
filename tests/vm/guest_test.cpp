// Every guest under kprove's emulator and under qemu-riscv32 (the differential peer): same exit
// code, same output bytes. Program outputs are also checked against host references
// (sha256sum, published Keccak-256 vectors, std::sort, Fibonacci and products recomputed
// here), their records pass the independent record checker, and every fault program stops
// with its named fault. Skipped with a message when the guests or qemu are not installed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "engine/vm/emulator.hpp"
#include "support/files.hpp"
#include "support/paths.hpp"
#include "support/random.hpp"
#include "support/record_check.hpp"

namespace kprove {
namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<std::uint8_t>;

constexpr std::uint64_t kMaxCycles = 1ull << 32;

std::string guest(const std::string& rel) { return test::guest_dir() + "/" + rel + ".elf"; }

bool have_guests() { return !test::guest_dir().empty() && fs::exists(guest("programs/sha256")); }

bool have_qemu() { return std::system("command -v qemu-riscv32 > /dev/null 2>&1") == 0; }

#define REQUIRE_GUESTS()                                                                  \
  if (!have_guests())                                                                     \
  GTEST_SKIP() << "guest ELFs not built (riscv64-unknown-elf-gcc missing; scripts/setup-deps " \
                  "installs it)"

std::string hex(const Bytes& b) {
  std::string s;
  char buf[3];
  for (std::uint8_t c : b) {
    std::snprintf(buf, sizeof buf, "%02x", c);
    s += buf;
  }
  return s;
}

Bytes words_le(const std::vector<std::uint32_t>& w) {
  Bytes b(4 * w.size());
  if (!w.empty()) std::memcpy(b.data(), w.data(), b.size());
  return b;
}

struct Outcome {
  std::uint32_t exit_code;
  Bytes output;
};

Outcome run_kprove(const std::string& elf, const Bytes& input) {
  const vm::Guest g(vm::load_elf_file(elf));
  const vm::Execution e = vm::execute(g, input, kMaxCycles);
  return {e.exit_code, e.output};
}

// qemu-riscv32 ELF < input > output; the exit status is the guest's exit code mod 256.
Outcome run_qemu(const std::string& elf, const Bytes& input) {
  const fs::path dir = fs::path(testing::TempDir()) / ("kprove-qemu-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path in = dir / "in", out = dir / "out";
  std::ofstream(in, std::ios::binary).write(reinterpret_cast<const char*>(input.data()),
                                            static_cast<std::streamsize>(input.size()));
  const std::string cmd = "qemu-riscv32 '" + elf + "' < '" + in.string() + "' > '" + out.string() + "'";
  const int status = std::system(cmd.c_str());
  const std::string text = test::read_file(out.string());
  return {static_cast<std::uint32_t>(WEXITSTATUS(status)), Bytes(text.begin(), text.end())};
}

void expect_same_as_qemu(const std::string& elf, const Bytes& input, const Outcome& k) {
  if (!have_qemu()) return;
  const Outcome q = run_qemu(elf, input);
  EXPECT_EQ(k.exit_code % 256, q.exit_code) << elf << " (input " << input.size() << " bytes)";
  const auto diff = std::mismatch(k.output.begin(), k.output.end(), q.output.begin(), q.output.end());
  EXPECT_TRUE(k.output == q.output)
      << elf << " (input " << input.size() << " bytes): output " << k.output.size() << " bytes, qemu's "
      << q.output.size() << ", first difference at byte " << (diff.first - k.output.begin());
}

// Runs the guest on both machines and checks its records; returns kprove's outcome.
Outcome run_both(const std::string& rel, const Bytes& input, bool check_records = true) {
  const std::string elf = guest(rel);
  const Outcome k = run_kprove(elf, input);
  expect_same_as_qemu(elf, input, k);
  if (check_records) {
    const vm::Guest g(vm::load_elf_file(elf));
    const auto shards = vm::record_all(g, input, kMaxCycles, 1 << 12);
    EXPECT_EQ(test::check_records(shards, g.image(), g.program().entry), "") << rel;
  }
  return k;
}

Bytes random_bytes(test::Rng& rng, std::size_t n) {
  Bytes b(n);
  for (auto& x : b) x = static_cast<std::uint8_t>(rng.u64());
  return b;
}

TEST(Guests, QemuIsThereToCompareWith) {
  REQUIRE_GUESTS();
  if (!have_qemu()) GTEST_SKIP() << "qemu-riscv32 not installed: outputs are checked against host references only";
  const Outcome q = run_qemu(guest("programs/fibonacci"), words_le({10}));
  EXPECT_EQ(q.output, words_le({55}));
}

TEST(Guests, FibonacciMatchesTheRecurrence) {
  REQUIRE_GUESTS();
  for (std::uint32_t n : {0u, 1u, 2u, 47u, 1000u, 123457u}) {
    std::uint32_t a = 0, b = 1;
    for (std::uint32_t i = 0; i < n; ++i) b = a + b, a = b - a;
    const Outcome k = run_both("programs/fibonacci", words_le({n}), n < 2000);
    EXPECT_EQ(k.output, words_le({a})) << "fib(" << n << ")";
    EXPECT_EQ(k.exit_code, 0u);
  }
}

TEST(Guests, Sha256MatchesSha256sum) {
  REQUIRE_GUESTS();
  test::Rng rng(test::test_seed());
  const fs::path in = fs::path(testing::TempDir()) / ("kprove-sha-" + std::to_string(::getpid()));
  for (std::size_t n : {0, 3, 55, 56, 63, 64, 65, 1000, 200000}) {
    const Bytes input = n == 3 ? Bytes{'a', 'b', 'c'} : random_bytes(rng, n);
    const Outcome k = run_both("programs/sha256", input, n <= 1000);
    std::ofstream(in, std::ios::binary).write(reinterpret_cast<const char*>(input.data()), n);
    FILE* p = ::popen(("sha256sum '" + in.string() + "'").c_str(), "r");
    char digest[65] = {};
    ASSERT_EQ(std::fread(digest, 1, 64, p), 64u);
    ::pclose(p);
    EXPECT_EQ(hex(k.output), digest) << n << " bytes";
  }
}

TEST(Guests, Keccak256MatchesPublishedVectors) {
  REQUIRE_GUESTS();
  EXPECT_EQ(hex(run_both("programs/keccak256", {}).output),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  EXPECT_EQ(hex(run_both("programs/keccak256", {'a', 'b', 'c'}).output),
            "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  test::Rng rng(test::test_seed());
  for (std::size_t n : {135, 136, 137, 5000}) run_both("programs/keccak256", random_bytes(rng, n), n < 200);
}

TEST(Guests, SortMatchesStdSort) {
  REQUIRE_GUESTS();
  test::Rng rng(test::test_seed());
  for (std::size_t n : {0, 1, 2, 17, 1000, 20000}) {
    std::vector<std::uint32_t> w(n);
    for (auto& x : w) x = static_cast<std::uint32_t>(rng.u64() % (n % 2 ? 50 : ~0u));
    const Outcome k = run_both("programs/sort", words_le(w), n <= 1000);
    std::sort(w.begin(), w.end());
    EXPECT_EQ(k.output, words_le(w)) << n << " words";
  }
}

// a*b checked modulo a few primes (Horner over the limbs), a method unlike the guest's.
TEST(Guests, BigmulAgreesModuloPrimes) {
  REQUIRE_GUESTS();
  test::Rng rng(test::test_seed());
  for (auto [na, nb] : {std::pair{1, 1}, {3, 5}, {40, 33}, {128, 128}}) {
    std::vector<std::uint32_t> a(na), b(nb);
    for (auto& x : a) x = rng.u64() % 4 ? static_cast<std::uint32_t>(rng.u64()) : ~0u;
    for (auto& x : b) x = static_cast<std::uint32_t>(rng.u64());
    std::vector<std::uint32_t> in = {static_cast<std::uint32_t>(na)};
    in.insert(in.end(), a.begin(), a.end());
    in.push_back(static_cast<std::uint32_t>(nb));
    in.insert(in.end(), b.begin(), b.end());
    const Outcome k = run_both("programs/bigmul", words_le(in), na < 40);
    ASSERT_EQ(k.output.size(), 4u * (na + nb));
    std::vector<std::uint32_t> c(na + nb);
    std::memcpy(c.data(), k.output.data(), k.output.size());
    for (unsigned __int128 p : {(unsigned __int128)((1ull << 61) - 1), (unsigned __int128)0xffffffff00000001ull}) {
      auto mod = [&](const std::vector<std::uint32_t>& v) {
        unsigned __int128 r = 0;
        for (std::size_t i = v.size(); i-- > 0;) r = ((r << 32) + v[i]) % p;
        return r;
      };
      EXPECT_EQ(mod(c), mod(a) * mod(b) % p) << na << "x" << nb;
    }
  }
  EXPECT_EQ(run_both("programs/bigmul", words_le({5, 1})).exit_code, 1u);  // truncated input
}

TEST(Guests, InstructionCoverageAgreesWithQemu) {
  REQUIRE_GUESTS();
  const Outcome k = run_both("programs/insn_coverage", {});
  EXPECT_EQ(k.exit_code, 0u);
  EXPECT_GT(k.output.size(), 100u);
  // Every RV32IM opcode appears among the records.
  const vm::Guest g(vm::load_elf_file(guest("programs/insn_coverage")));
  std::vector<bool> seen(vm::kNumOps);
  for (const auto& s : vm::record_all(g, {}, kMaxCycles, 1 << 20))
    s.for_each_chip([&](vm::ChipKind, const auto& v) {
      for (const auto& r : v) seen[static_cast<int>(vm::decode(r.step.insn).op)] = true;
    });
  for (int o = 0; o < vm::kNumOps; ++o) EXPECT_TRUE(seen[o]) << vm::mnemonic(static_cast<vm::Op>(o)) << " never executed";
}

TEST(Guests, AsmTestsAgreeWithQemu) {
  REQUIRE_GUESTS();
  std::size_t n = 0;
  for (const auto& f : fs::directory_iterator(test::guest_dir() + "/asm")) {
    if (f.path().extension() != ".elf") continue;
    ++n;
    for (const Bytes& input : {Bytes{}, Bytes{'k', 'p', 'r', 'o', 'v', 'e', '\n'}})
      run_both("asm/" + f.path().stem().string(), input);
  }
  EXPECT_GE(n, 10u);
}

// The toolchain flags and linker script keep guests inside RV32IM: no compressed, CSR, FENCE,
// atomic or floating-point word anywhere in their text.
TEST(Guests, EveryTextWordIsRv32im) {
  REQUIRE_GUESTS();
  for (const char* dir : {"programs", "asm"})
    for (const auto& f : fs::directory_iterator(test::guest_dir() + "/" + dir)) {
      if (f.path().extension() != ".elf") continue;
      const vm::Guest g(vm::load_elf_file(f.path().string()));
      for (const auto& code : g.code())
        for (std::size_t i = 0; i < code.words.size(); ++i)
          EXPECT_NE(code.insns[i].op, vm::Op::invalid)
              << f.path() << ": word 0x" << std::hex << code.words[i] << " at 0x" << code.base + 4 * i;
    }
}

TEST(Guests, FaultProgramsStopWithTheirNamedFault) {
  REQUIRE_GUESTS();
  using vm::VmFault;
  const std::pair<const char*, VmFault> cases[] = {
      {"illegal_instruction", VmFault::illegal_instruction},
      {"unknown_ecall", VmFault::unsupported_ecall},
      {"misaligned_load", VmFault::misaligned_load},
      {"misaligned_store", VmFault::misaligned_store},
      {"misaligned_jump", VmFault::misaligned_jump},
      {"store_into_text", VmFault::store_fault},
      {"fetch_outside_text", VmFault::fetch_fault},
      {"load_unmapped", VmFault::load_fault},
      {"infinite_loop", VmFault::max_cycles},
      {"no_exit_falls_off", VmFault::fetch_fault},
  };
  for (const auto& [name, fault] : cases) {
    const vm::Guest g(vm::load_elf_file(guest(std::string("faults/") + name)));
    try {
      vm::execute(g, {}, 100000);
      ADD_FAILURE() << name << " ran to its end";
    } catch (const vm::VmError& e) {
      EXPECT_EQ(e.fault, fault) << name << ": " << e.what();
    }
  }
}

}  // namespace
}  // namespace kprove
