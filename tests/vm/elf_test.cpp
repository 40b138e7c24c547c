// The ELF loader on hand-written ELFs (support/rv32_asm.hpp's writer) with one field broken
// at a time, each rejected with a message naming the problem; and on random truncations and
// byte flips of a valid ELF, which must load or throw ElfError, never crash.
#include "engine/vm/program.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "support/random.hpp"
#include "support/rv32_asm.hpp"

namespace kprove {
namespace {

using Bytes = std::vector<std::uint8_t>;

void put(Bytes& b, std::size_t at, std::uint32_t v, int n) {
  for (int i = 0; i < n; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

vm::Program two_segments() {
  test::rv32::Asm a;
  a.exit(0);
  a.data = {1, 2, 3};
  return a.program();
}

void expect_rejected(const Bytes& b, const std::string& says) {
  try {
    vm::load_elf(b, "guest.elf");
    ADD_FAILURE() << "accepted; expected: " << says;
  } catch (const vm::ElfError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("guest.elf"), std::string::npos) << what;
    EXPECT_NE(what.find(says), std::string::npos) << what;
  }
}

TEST(Elf, LoadsWhatTheWriterWrote) {
  const vm::Program p = vm::load_elf(test::rv32::write_elf(two_segments()), "guest.elf");
  EXPECT_EQ(p.entry, test::rv32::kText);
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_TRUE(p.segments[0].exec && !p.segments[0].write);
  EXPECT_TRUE(p.segments[1].write && !p.segments[1].exec);
  EXPECT_EQ(p.segments[1].data, (Bytes{1, 2, 3}));
  EXPECT_EQ(p.segments[1].memsz, 4096u);
}

TEST(Elf, EachBrokenFieldIsNamed) {
  const Bytes good = test::rv32::write_elf(two_segments());
  const std::size_t ph0 = 52, ph1 = 84;
  const std::pair<std::function<void(Bytes&)>, std::string> cases[] = {
      {[](Bytes& b) { b[1] = 'X'; }, "no ELF magic"},
      {[](Bytes& b) { b[4] = 2; }, "ELF class 2"},
      {[](Bytes& b) { b[5] = 2; }, "data encoding 2"},
      {[](Bytes& b) { b[7] = 9; }, "OS ABI 9"},
      {[](Bytes& b) { put(b, 16, 3, 2); }, "e_type 3"},
      {[](Bytes& b) { put(b, 18, 62, 2); }, "e_machine 62"},
      {[](Bytes& b) { put(b, 36, 1, 4); }, "RVC"},
      {[](Bytes& b) { put(b, 36, 4, 4); }, "hard-float"},
      {[](Bytes& b) { put(b, 36, 8, 4); }, "RV32E"},
      {[](Bytes& b) { put(b, 36, 0x100, 4); }, "unknown e_flags"},
      {[](Bytes& b) { b.resize(40); }, "truncated ELF header"},
      {[](Bytes& b) { put(b, 28, 0xfffffff0, 4); }, "program headers run past the end"},
      {[](Bytes& b) { put(b, 42, 56, 2); }, "e_phentsize 56"},
      {[](Bytes& b) { put(b, 44, 0, 2); }, "no program headers"},
      {[](Bytes& b) { put(b, ph0, 3, 4); }, "dynamically linked"},
      {[&](Bytes& b) { put(b, ph0, 4, 4); put(b, ph1, 4, 4); }, "no loadable segments"},
      {[&](Bytes& b) { put(b, ph1 + 16, 5000, 4); }, "p_filesz"},
      {[&](Bytes& b) { put(b, ph1 + 4, 0x7ffffff0, 4); }, "past the end of the file"},
      {[&](Bytes& b) { put(b, ph1 + 8, 0xfffff800, 4); }, "past the 32-bit address space"},
      {[&](Bytes& b) { put(b, ph1 + 8, 0x10000, 4); }, "overlap"},
      {[&](Bytes& b) { put(b, ph1 + 8, 0x10010, 4); }, "overlap"},
      {[&](Bytes& b) { put(b, ph0 + 20, 0x10004, 4); }, "overlap"},
      {[&](Bytes& b) { put(b, ph1 + 8, 0x10800, 4); }, "share a 4 KiB page"},
      {[&](Bytes& b) { put(b, ph1 + 8, 0x100, 4); }, "zero page"},
      {[&](Bytes& b) { put(b, ph1 + 24, 2, 4); }, "not readable"},
      {[&](Bytes& b) { put(b, ph1 + 20, 0x90000000, 4); }, "maps"},
      {[](Bytes& b) { put(b, 24, 0x20000, 4); }, "not in an executable segment"},
      {[](Bytes& b) { put(b, 24, 0x10002, 4); }, "not 4-byte aligned"},
  };
  for (const auto& [breaks, says] : cases) {
    Bytes b = good;
    breaks(b);
    expect_rejected(b, says);
  }
}

// An out-of-memory in tests/fuzz/fuzz_elf (corpus/fuzz_elf/oom_huge_exec_segment.elf): a small
// ELF whose executable segment claims 2 GiB made vm::Guest decode 6 GiB of code words;
// executable segments now have a budget of 64 MiB of their own.
TEST(Elf, ExecutableBytesAreBounded) {
  test::rv32::Asm a;
  a.exit(0);
  const Bytes good = test::rv32::write_elf(a.program());
  const std::size_t ph1 = 84;
  auto with_exec_data = [&](std::uint32_t memsz) {
    Bytes b = good;
    put(b, ph1 + 20, memsz, 4);
    put(b, ph1 + 24, 7, 4);  // R W X
    return b;
  };
  expect_rejected(with_exec_data(0x7ff00000), "executable segments map");
  expect_rejected(with_exec_data(std::uint32_t(1) << 26), "executable segments map");
  const vm::Program p = vm::load_elf(with_exec_data((std::uint32_t(1) << 26) - 4096), "guest.elf");
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_TRUE(p.segments[1].exec);
}

TEST(Elf, MissingAndUnreadableFilesAreNamed) {
  EXPECT_THROW(vm::load_elf_file("/nonexistent/guest.elf"), vm::ElfError);
  EXPECT_THROW(vm::load_elf_file("/"), vm::ElfError);
}

TEST(Elf, RandomDamageNeverCrashes) {
  test::Rng rng(test::test_seed());
  const Bytes good = test::rv32::write_elf(two_segments());
  for (int trial = 0; trial < 20000; ++trial) {
    Bytes b = good;
    if (trial % 3 == 0) b.resize(rng.u64() % b.size());
    for (int f = 0; f < 1 + trial % 4; ++f)
      if (!b.empty()) b[rng.u64() % b.size()] ^= static_cast<std::uint8_t>(1 + rng.u64() % 255);
    try {
      const vm::Program p = vm::load_elf(b, "damaged.elf");
      for (const vm::Segment& s : p.segments) ASSERT_LE(s.data.size(), s.memsz);
    } catch (const vm::ElfError&) {
    }
  }
}

}  // namespace
}  // namespace kprove
