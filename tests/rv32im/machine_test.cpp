// A whole program proved and verified through the machine: a hand-assembled guest that
// writes, reads (short, to the end of its input) and exits, on every backend with the same
// proof bytes; and the verifier's side of the statement: another exit code, output, input,
// cycle count, program or verifying key is rejected.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/rv32im/run_prover.hpp"
#include "support/backends.hpp"
#include "support/rv32_asm.hpp"

namespace kprove::rv32im {
namespace {

namespace rv32 = test::rv32;
using rv32::Asm;
using vm::Op;

PcsParams test_params() {
  PcsParams p;
  p.queries = 20;
  p.pow_bits = 4;
  return p;
}

// write(1, "hello!", 6); n = read(0, buf, 9); store n; exit(42), with every register value
// loaded from data (t0 = the data page).
vm::Program io_program() {
  Asm a;
  constexpr uint32_t t0 = 5, a0 = 10, a1 = 11, a2 = 12, a7 = 17;
  a.op(Op::lui, t0, 0, 0, int32_t(rv32::kData));
  const auto load = [&](uint32_t rd, int32_t offset) { a.op(Op::lw, rd, t0, 0, offset); };
  load(a7, 0), load(a0, 4), load(a1, 8), load(a2, 12);
  a.op(Op::ecall, 0, 0, 0);
  load(a7, 16), load(a0, 20), load(a1, 24), load(a2, 28);
  a.op(Op::ecall, 0, 0, 0);
  a.op(Op::sw, 0, t0, a0, 32);
  load(a7, 36), load(a0, 40);
  a.op(Op::jal, 0, 0, 0, 4);
  a.op(Op::ecall, 0, 0, 0);
  const uint32_t words[] = {64, 1, rv32::kData + 0x41, 6, 63, 0, rv32::kData + 0x102, 9, 0, 93, 42};
  for (uint32_t w : words)
    for (int b = 0; b < 4; ++b) a.data.push_back(uint8_t(w >> (8 * b)));
  a.data.resize(0x41, 0);
  for (char c : std::string("hello!")) a.data.push_back(uint8_t(c));
  return a.program();
}

const std::vector<uint8_t> kInput = {1, 2, 3, 4, 5};

struct Proved {
  std::unique_ptr<Machine> machine;
  VerifyingKey vk;
  ProgramProof proof;
};

template <class Exec>
Proved prove(const vm::Program& program, const std::vector<uint8_t>& input) {
  MemoryLedger ledger;
  Proved p;
  p.machine = std::make_unique<Machine>(std::make_shared<vm::Guest>(program));
  const auto pre = p.machine->preprocess(Exec(), ledger, test_params());
  p.vk = make_vk(*p.machine, pre, test_params());
  p.proof = prove_program(Exec(), ledger, *p.machine, pre, p.vk, input, 1000);
  return p;
}

const Proved& serial_proof() {
  static const Proved p = prove<Kokkos::Serial>(io_program(), kInput);
  return p;
}

std::string rejection(const ProgramProof& proof, const VerifyingKey& vk) {
  try {
    verify_program(proof, vk);
  } catch (const VerifyError& e) {
    return e.what();
  }
  return "";
}

KPROVE_BACKEND_SUITE(MachineTest);

TYPED_TEST(MachineTest, ProvesAndVerifiesWithTheSameBytesOnEveryBackend) {
  const Proved p = prove<typename TestFixture::Exec>(io_program(), kInput);
  EXPECT_EQ(p.proof.public_values.exit_code, 42u);
  EXPECT_EQ(std::string(p.proof.output.begin(), p.proof.output.end()), "hello!");
  EXPECT_EQ(p.proof.public_values.input_read, 5u);
  EXPECT_TRUE(p.proof.public_values.input_eof);
  EXPECT_EQ(rejection(p.proof, p.vk), "");
  EXPECT_EQ(serialize(p.proof), serialize(serial_proof().proof));
  EXPECT_EQ(serialize(p.vk), serialize(serial_proof().vk));
}

TEST(MachineStatement, AnotherStatementIsRejected) {
  const Proved& p = serial_proof();
  const auto with = [&](auto change) {
    ProgramProof q = p.proof;
    change(q);
    return rejection(q, p.vk);
  };
  EXPECT_NE(with([](ProgramProof& q) { q.public_values.exit_code = 0; }), "");
  EXPECT_NE(with([](ProgramProof& q) { q.public_values.cycles += 1; }), "");
  EXPECT_NE(with([](ProgramProof& q) {
              q.output[0] ^= 1;
              q.public_values.output = bytes_digest(kOutputDomain, q.output);
            }),
            "");
  EXPECT_NE(with([](ProgramProof& q) {
              q.input[2] ^= 1;
              q.public_values.input = bytes_digest(kInputDomain, q.input);
            }),
            "");
  EXPECT_NE(with([](ProgramProof& q) { q.public_values.input_eof = false; }), "");
  EXPECT_NE(with([](ProgramProof& q) { q.output.push_back('x'); }), "");
  VerifyingKey other = p.vk;
  other.shape.entry += 4;
  EXPECT_NE(rejection(p.proof, other), "");
}

// A prover that proves the honest witness under other public values (consistent transcript):
// the boundary terms no longer balance the buses.
TEST(MachineStatement, ABoundaryThatDisagreesWithTheRunDoesNotBalance) {
  const Proved& p = serial_proof();
  const auto cheat = [&](auto change) {
    MemoryLedger ledger;
    const auto pre = p.machine->preprocess(Kokkos::Serial(), ledger, test_params());
    ProgramRun run = run_program(*p.machine, p.vk, kInput, 1000);
    change(run.proof);
    const Kokkos::Serial exec;
    return rejection(prove_run(exec, exec, ledger, *p.machine, pre, p.vk, std::move(run)), p.vk);
  };
  const std::string unbalanced = "do not balance";
  EXPECT_NE(cheat([](ProgramProof& q) { q.public_values.exit_code = 7; }).find(unbalanced),
            std::string::npos);
  EXPECT_NE(cheat([](ProgramProof& q) {
              q.public_values.cycles -= 1;
              q.spans.back().cycles -= 1;
            }).find(unbalanced),
            std::string::npos);
  EXPECT_NE(cheat([](ProgramProof& q) {
              q.output[1] ^= 1;
              q.public_values.output = bytes_digest(kOutputDomain, q.output);
            }).find(unbalanced),
            std::string::npos);
  EXPECT_NE(cheat([](ProgramProof& q) {
              q.input[0] ^= 1;
              q.public_values.input = bytes_digest(kInputDomain, q.input);
            }).find(unbalanced),
            std::string::npos);
  EXPECT_NE(cheat([](ProgramProof& q) {
              q.input.push_back(9);
              q.public_values.input = bytes_digest(kInputDomain, q.input);
              q.public_values.input_eof = false;
            }).find(unbalanced),
            std::string::npos);
}

}  // namespace
}  // namespace kprove::rv32im
