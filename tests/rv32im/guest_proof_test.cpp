// Every guest proved and verified: the program proof of each guest (programs/ and the asm
// tests, on inputs that exercise them) verifies against the program's verifying key, with the
// same bytes on every backend, and states the emulator's exit code and output.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "engine/rv32im/run_prover.hpp"
#include "support/backends.hpp"
#include "support/paths.hpp"

namespace kprove::rv32im {
namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

PcsParams test_params() {
  PcsParams p;
  p.queries = 20;
  p.pow_bits = 4;
  return p;
}

Bytes words_le(std::initializer_list<uint32_t> w) {
  Bytes b;
  for (uint32_t x : w)
    for (int i = 0; i < 4; ++i) b.push_back(uint8_t(x >> (8 * i)));
  return b;
}

struct Case {
  std::string guest;  // under the guest directory, without .elf
  Bytes input;
};

std::vector<Case> cases() {
  std::vector<Case> out = {
      {"programs/fibonacci", words_le({30})},
      {"programs/sha256", Bytes{'a', 'b', 'c'}},
      {"programs/keccak256", Bytes(137, 0x5a)},
      {"programs/sort", words_le({5, 9, 1, 7, 3, 3})},
      {"programs/bigmul", words_le({2, 2, 0xffffffffu, 7, 0x12345678u, 0xfedcba98u})},
      {"programs/insn_coverage", {}},
  };
  const fs::path asm_dir = fs::path(test::guest_dir()) / "asm";
  if (fs::exists(asm_dir))
    for (const auto& f : fs::directory_iterator(asm_dir))
      if (f.path().extension() == ".elf")
        out.push_back({"asm/" + f.path().stem().string(), Bytes{'k', 'p', 'r', 'o', 'v', 'e'}});
  return out;
}

bool have_guests() {
  return !test::guest_dir().empty() &&
         fs::exists(fs::path(test::guest_dir()) / "programs/sha256.elf");
}

struct Proved {
  VerifyingKey vk;
  ProgramProof proof;
  vm::Execution run;
};

template <class Exec>
Proved prove(const Case& c) {
  const auto guest = std::make_shared<vm::Guest>(
      vm::load_elf_file(test::guest_dir() + "/" + c.guest + ".elf"));
  const Machine machine(guest);
  MemoryLedger ledger;
  const auto pre = machine.preprocess(Exec(), ledger, test_params());
  Proved p;
  p.vk = make_vk(machine, pre, test_params());
  p.proof = prove_program(Exec(), ledger, machine, pre, p.vk, c.input, 1u << 24);
  p.run = vm::execute(*guest, c.input, 1u << 24);
  return p;
}

// The Serial proof of each case, made once.
const Proved& reference(const Case& c) {
  static std::map<std::string, Proved> done;
  auto it = done.find(c.guest);
  if (it == done.end()) it = done.emplace(c.guest, prove<Kokkos::Serial>(c)).first;
  return it->second;
}

KPROVE_BACKEND_SUITE(GuestProofTest);

TYPED_TEST(GuestProofTest, EveryGuestProvesAndVerifiesWithTheSameBytes) {
  if (!have_guests()) GTEST_SKIP() << "guest ELFs not built";
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.guest);
    const Proved& ref = reference(c);
    const Proved p = std::is_same_v<typename TestFixture::Exec, Kokkos::Serial>
                         ? ref
                         : prove<typename TestFixture::Exec>(c);
    EXPECT_EQ(p.proof.public_values.exit_code, p.run.exit_code);
    EXPECT_EQ(p.proof.output, p.run.output);
    EXPECT_EQ(p.proof.public_values.cycles, p.run.cycles);
    EXPECT_NO_THROW(verify_program(p.proof, p.vk));
    EXPECT_EQ(serialize(p.proof), serialize(ref.proof));
    EXPECT_EQ(serialize(p.vk), serialize(ref.vk));
  }
}

}  // namespace
}  // namespace kprove::rv32im
