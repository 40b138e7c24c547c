// The emulator on programs assembled in the test: every ALU opcode against RV32IM semantics
// written out afresh (support/record_check.hpp) on random and edge operands, every fault with
// its pc and cycle, the syscalls, and records checked by the independent record checker;
// records from the checkpointed parallel path equal the one-pass records.
#include "engine/vm/emulator.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "support/random.hpp"
#include "support/record_check.hpp"
#include "support/rv32_asm.hpp"

namespace kprove {
namespace {

using test::rv32::Asm;
using test::rv32::kData;
using test::rv32::kText;
using vm::Op;
using vm::VmFault;

constexpr std::uint32_t kA0 = 10, kA1 = 11, kA2 = 12, kA7 = 17;

// write(1, kData, n) then exit(0).
Asm& write_data_and_exit(Asm& a, std::uint32_t n) {
  a.li(kA0, 1).li(kA1, kData).li(kA2, n).li(kA7, 64).op(Op::ecall, 0, 0, 0);
  return a.exit(0);
}

vm::Execution run(const Asm& a, std::vector<std::uint8_t> input = {},
                  std::uint64_t max_cycles = 1 << 20) {
  const vm::Guest g(a.program());
  return vm::execute(g, input, max_cycles);
}

std::uint32_t out_word(const vm::Execution& e, std::size_t i) {
  std::uint32_t w;
  std::memcpy(&w, e.output.data() + 4 * i, 4);
  return w;
}

std::vector<std::uint32_t> operands(test::Rng& rng) {
  std::vector<std::uint32_t> v = {0, 1, 2, 31, 32, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe};
  for (int i = 0; i < 23; ++i) v.push_back(static_cast<std::uint32_t>(rng.u64()));
  return v;
}

TEST(Emulator, RegisterOpsMatchRv32imSemantics) {
  test::Rng rng(test::test_seed());
  const auto vals = operands(rng);
  const Op ops[] = {Op::add,  Op::sub,  Op::sll,    Op::slt,   Op::sltu, Op::xor_,
                    Op::srl,  Op::sra,  Op::or_,    Op::and_,  Op::mul,  Op::mulh,
                    Op::mulhsu, Op::mulhu, Op::div, Op::divu,  Op::rem,  Op::remu};
  for (Op op : ops) {
    Asm a;
    std::vector<std::uint32_t> want;
    for (std::uint32_t x : vals)
      for (std::uint32_t y : {vals[rng.u64() % vals.size()], vals[rng.u64() % vals.size()], x}) {
        a.li(5, x).li(6, y).op(op, 7, 5, 6).li(8, kData + 4 * static_cast<std::uint32_t>(want.size()))
            .op(Op::sw, 0, 8, 7, 0);
        want.push_back(test::record_check_detail::expected(op, x, y));
      }
    const auto e = run(write_data_and_exit(a, 4 * static_cast<std::uint32_t>(want.size())));
    ASSERT_EQ(e.output.size(), 4 * want.size());
    for (std::size_t i = 0; i < want.size(); ++i) ASSERT_EQ(out_word(e, i), want[i]) << vm::mnemonic(op) << " #" << i;
  }
}

TEST(Emulator, ImmediateOpsMatchRv32imSemantics) {
  test::Rng rng(test::test_seed());
  const auto vals = operands(rng);
  const Op ops[] = {Op::addi, Op::slti, Op::sltiu, Op::xori, Op::ori, Op::andi, Op::slli, Op::srli, Op::srai};
  for (Op op : ops) {
    Asm a;
    std::vector<std::uint32_t> want;
    const bool shift = op == Op::slli || op == Op::srli || op == Op::srai;
    for (std::uint32_t x : vals)
      for (std::int32_t imm : {0, 1, -1, 31, 2047, -2048, static_cast<std::int32_t>(rng.u64() % 4096) - 2048}) {
        if (shift) imm &= 31;
        a.li(5, x).op(op, 7, 5, 0, imm).li(8, kData + 4 * static_cast<std::uint32_t>(want.size()))
            .op(Op::sw, 0, 8, 7, 0);
        want.push_back(test::record_check_detail::expected(op, x, static_cast<std::uint32_t>(imm)));
      }
    const auto e = run(write_data_and_exit(a, 4 * static_cast<std::uint32_t>(want.size())));
    for (std::size_t i = 0; i < want.size(); ++i) ASSERT_EQ(out_word(e, i), want[i]) << vm::mnemonic(op) << " #" << i;
  }
}

TEST(Emulator, X0ReadsZeroAndIgnoresWrites) {
  Asm a;
  a.op(Op::addi, 0, 0, 0, 5).op(Op::lui, 0, 0, 0, 0x12345000).op(Op::add, 5, 0, 0)
      .li(8, kData).op(Op::sw, 0, 8, 5, 0);
  const auto e = run(write_data_and_exit(a, 4));
  EXPECT_EQ(out_word(e, 0), 0u);
}

TEST(Emulator, ReadReturnsWhatIsLeftAndWriteAppends) {
  Asm a;
  // read(0, kData+1, 5) twice (the second gets the last 2 bytes of 7), then 0 at EOF.
  for (int i = 0; i < 3; ++i) a.li(kA0, 0).li(kA1, kData + 1 + 5 * i).li(kA2, 5).li(kA7, 63).op(Op::ecall, 0, 0, 0).op(Op::add, 20 + i, kA0, 0);
  // write(1, kData + 1, 3) returns 3.
  a.li(kA0, 1).li(kA1, kData + 1).li(kA2, 3).li(kA7, 64).op(Op::ecall, 0, 0, 0).op(Op::add, 23, kA0, 0);
  a.li(8, kData + 16).op(Op::sw, 0, 8, 20, 0).op(Op::sw, 0, 8, 21, 4).op(Op::sw, 0, 8, 22, 8)
      .op(Op::sw, 0, 8, 23, 12);
  const auto e = run(write_data_and_exit(a, 32), {1, 2, 3, 4, 5, 6, 7});
  ASSERT_EQ(e.output.size(), 35u);
  const std::uint8_t want_bytes[] = {1, 2, 3, 0, 1, 2, 3, 4, 5, 6, 7};
  EXPECT_EQ(0, std::memcmp(e.output.data(), want_bytes, 11));
  std::uint32_t counts[4];
  std::memcpy(counts, e.output.data() + 3 + 16, 16);
  EXPECT_EQ(counts[0], 5u);
  EXPECT_EQ(counts[1], 2u);
  EXPECT_EQ(counts[2], 0u);
  EXPECT_EQ(counts[3], 3u);
  EXPECT_EQ(e.input_read, 7u);
  EXPECT_EQ(e.exit_code, 0u);
}

struct FaultCase {
  const char* name;
  VmFault fault;
  std::uint64_t cycle;  // of the faulting instruction
};

void expect_fault(const Asm& a, const FaultCase& c, std::uint64_t max_cycles = 1000) {
  try {
    run(a, {}, max_cycles);
    ADD_FAILURE() << c.name << ": no fault";
  } catch (const vm::VmError& e) {
    EXPECT_EQ(e.fault, c.fault) << c.name << ": " << e.what();
    EXPECT_EQ(e.cycle, c.cycle) << c.name << ": " << e.what();
    if (c.fault != VmFault::fetch_fault && c.fault != VmFault::max_cycles)
      EXPECT_EQ(e.pc, kText + 4 * c.cycle) << c.name;
    EXPECT_NE(std::string(e.what()).find(vm::to_string(c.fault)), std::string::npos) << e.what();
  }
}

TEST(Emulator, FaultsNameTheirKindPcAndCycle) {
  expect_fault(Asm().op(Op::addi, 1, 0, 0, 1).word(0), {"all-zero word", VmFault::illegal_instruction, 1});
  expect_fault(Asm().word(0x30002573), {"csr", VmFault::illegal_instruction, 0});
  expect_fault(Asm().word(0x00100073), {"ebreak", VmFault::illegal_instruction, 0});
  expect_fault(Asm().li(kA7, 1234).op(Op::ecall, 0, 0, 0), {"ecall 1234", VmFault::unsupported_ecall, 2});
  expect_fault(Asm().li(kA0, 2).li(kA7, 64).op(Op::ecall, 0, 0, 0), {"write fd 2", VmFault::bad_file_descriptor, 4});
  expect_fault(Asm().li(kA0, 3).li(kA7, 63).op(Op::ecall, 0, 0, 0), {"read fd 3", VmFault::bad_file_descriptor, 4});
  expect_fault(Asm().li(5, kData + 2).op(Op::lw, 6, 5, 0), {"lw +2", VmFault::misaligned_load, 2});
  expect_fault(Asm().li(5, kData + 1).op(Op::lh, 6, 5, 0), {"lh +1", VmFault::misaligned_load, 2});
  expect_fault(Asm().li(5, kData + 3).op(Op::sh, 0, 5, 6), {"sh +3", VmFault::misaligned_store, 2});
  expect_fault(Asm().li(5, kData + 1).op(Op::sw, 0, 5, 6), {"sw +1", VmFault::misaligned_store, 2});
  expect_fault(Asm().li(5, 0x80000000).op(Op::lw, 6, 5, 0), {"unmapped load", VmFault::load_fault, 2});
  expect_fault(Asm().li(5, 0x80000000).op(Op::sb, 0, 5, 6), {"unmapped store", VmFault::store_fault, 2});
  expect_fault(Asm().li(5, kText).op(Op::sw, 0, 5, 6), {"store into text", VmFault::store_fault, 2});
  expect_fault(Asm().li(5, kText + 2).op(Op::jalr, 1, 5, 0), {"jalr to +2", VmFault::misaligned_jump, 2});
  expect_fault(Asm().op(Op::jal, 1, 0, 0, 6), {"jal +6", VmFault::misaligned_jump, 0});
  expect_fault(Asm().op(Op::beq, 0, 0, 0, 10), {"beq +10", VmFault::misaligned_jump, 0});
  expect_fault(Asm().li(5, kData).op(Op::jalr, 0, 5, 0), {"jump to data", VmFault::fetch_fault, 3});
  expect_fault(Asm().op(Op::addi, 1, 0, 0, 1), {"runs off the end", VmFault::fetch_fault, 1});
  expect_fault(Asm().op(Op::jal, 0, 0, 0, 0), {"spins", VmFault::max_cycles, 1000});
  // A taken branch with an odd offset only in bit 1 and a JALR to an odd address are fine:
  // JALR clears bit 0.
  Asm ok;
  ok.li(5, kText + 4 * 3 + 1).op(Op::jalr, 0, 5, 0).exit(9);
  EXPECT_EQ(run(ok).exit_code, 9u);
}

// A loop with loads, stores and a syscall, long enough for many shards.
Asm loop_program(std::uint32_t iterations) {
  Asm a;
  a.li(5, 0).li(6, iterations).li(8, kData);
  const std::uint32_t top = a.here();
  a.op(Op::andi, 9, 5, 0, 63).op(Op::slli, 9, 9, 0, 2).op(Op::add, 9, 9, 8)
      .op(Op::lw, 10, 9, 0).op(Op::mul, 10, 10, 5).op(Op::addi, 10, 10, 0, 7).op(Op::sw, 0, 9, 10, 0)
      .op(Op::sb, 0, 9, 5, 1).op(Op::lhu, 11, 9, 0, 2).op(Op::divu, 11, 10, 6).op(Op::addi, 5, 5, 0, 1);
  a.op(Op::blt, 0, 5, 6, static_cast<std::int32_t>(top - a.here()));
  a.li(kA0, 0).li(kA1, kData + 512).li(kA2, 13).li(kA7, 63).op(Op::ecall, 0, 0, 0);
  return write_data_and_exit(a, 600);
}

TEST(Emulator, RecordsPassTheIndependentChecker) {
  const Asm a = loop_program(3000);
  const vm::Guest g(a.program());
  const std::vector<std::uint8_t> input = {9, 8, 7, 6, 5, 4, 3, 2, 1};
  for (std::uint64_t shard : {16u, 1024u, 1u << 20}) {
    vm::Execution e;
    const auto shards = vm::record_all(g, input, 1 << 20, shard, &e);
    EXPECT_EQ(shards.size(), (e.cycles + shard - 1) / shard);
    EXPECT_EQ(test::check_records(shards, g.image(), kText), "") << "shard_cycles " << shard;
    const auto plain = vm::execute(g, input, 1 << 20);
    EXPECT_EQ(plain.cycles, e.cycles);
    EXPECT_EQ(plain.output, e.output);
  }
}

TEST(Emulator, CheckerCatchesTamperedRecords) {
  const Asm a = loop_program(100);
  const vm::Guest g(a.program());
  auto shards = vm::record_all(g, {}, 1 << 20, 256);
  ASSERT_EQ(test::check_records(shards, g.image(), kText), "");
  auto bad = shards;
  bad[1].load[3].mem.value ^= 1;
  EXPECT_NE(test::check_records(bad, g.image(), kText), "");
  bad = shards;
  bad[1].alu_imm.pop_back();
  EXPECT_NE(test::check_records(bad, g.image(), kText), "");
  bad = shards;
  bad[2].memory[0].init_value += 1;
  EXPECT_NE(test::check_records(bad, g.image(), kText), "");
  bad = shards;
  std::swap(bad[0].branch[0].step.ts, bad[0].branch[1].step.ts);
  EXPECT_NE(test::check_records(bad, g.image(), kText), "");
}

bool same(const vm::ShardRecords& x, const vm::ShardRecords& y) {
  bool eq = x.shard == y.shard && x.first_cycle == y.first_cycle && x.cycles == y.cycles &&
            x.start_pc == y.start_pc && x.end_pc == y.end_pc && x.halted == y.halted;
  const auto bytes_eq = [](const auto& u, const auto& v) {
    return u.size() == v.size() &&
           (u.empty() || std::memcmp(u.data(), v.data(), u.size() * sizeof(u[0])) == 0);
  };
  x.for_each_chip([&](vm::ChipKind k, const auto& v) {
    y.for_each_chip([&](vm::ChipKind l, const auto& w) {
      if constexpr (std::is_same_v<decltype(v), decltype(w)>)
        if (k == l) eq = eq && bytes_eq(v, w);
    });
  });
  return eq && bytes_eq(x.io_words, y.io_words) && bytes_eq(x.memory, y.memory) &&
         bytes_eq(x.registers, y.registers);
}

TEST(Emulator, CheckpointedParallelRecordsEqualOnePass) {
  auto g = std::make_shared<const vm::Guest>(loop_program(5000).program());
  auto input = std::make_shared<const std::vector<std::uint8_t>>(std::vector<std::uint8_t>(13, 0xab));
  const auto reference = vm::record_all(*g, *input, 1 << 20, 512);
  const vm::ShardPlan plan = vm::plan_shards(g, input, 1 << 20, 512);
  ASSERT_EQ(plan.num_shards(), reference.size());
  for (unsigned threads : {1u, 3u, 8u}) {
    const auto got = vm::record_shards(plan, threads);
    ASSERT_EQ(got.size(), reference.size());
    for (std::size_t s = 0; s < got.size(); ++s) ASSERT_TRUE(same(got[s], reference[s])) << "shard " << s << ", " << threads << " threads";
  }
  EXPECT_EQ(plan.execution.output, vm::execute(*g, *input, 1 << 20).output);
}

TEST(Emulator, AFaultInThePlanIsReported) {
  Asm a;
  a.li(5, 0);
  const std::uint32_t top = a.here();
  a.op(Op::addi, 5, 5, 0, 1).op(Op::jal, 0, 0, 0, static_cast<std::int32_t>(top - a.here()));
  auto g = std::make_shared<const vm::Guest>(a.program());
  auto input = std::make_shared<const std::vector<std::uint8_t>>();
  EXPECT_THROW(vm::plan_shards(g, input, 10000, 64), vm::VmError);
}

}  // namespace
}  // namespace kprove
