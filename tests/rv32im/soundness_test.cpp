// The verifier's side of the program statement against a cheating prover
// (support/rv32_cheat.hpp): an honest witness of a guest with real rows on every chip
// (support/rv32_every_chip.hpp), tampered with and proved, is rejected by verify_program;
// each test says, and checks, which argument catches it: the buses its LogUp check finds
// unbalanced, or the constraints. The cheater recounts the lookup tables after tampering, so
// a stale count never does the catching.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "engine/proof/bytes.hpp"
#include "support/rv32_cheat.hpp"
#include "support/rv32_every_chip.hpp"

namespace kprove::test::rv32 {
namespace {

using rv32im::ProgramProof;
using rv32im::VerifyingKey;

constexpr uint32_t kT3 = 28, kT4 = 29, kA0 = 10;
// The verifier's words for the LogUp sum and for the main-constraint sumcheck.
constexpr const char* kUnbalanced = "do not balance";
constexpr const char* kConstraints = "main constraints";

// The verifier's LogUp check rejects `cheat`, which leaves exactly `buses` unbalanced.
using Buses = std::vector<std::string>;
#define EXPECT_UNBALANCED(cheat, ...)                     \
  do {                                                    \
    EXPECT_EQ((cheat).unbalanced_buses(), (__VA_ARGS__)); \
    KPROVE_EXPECT_REJECTED(cheat, kUnbalanced);           \
  } while (0)

const EveryChip& guest() { return every_chip(); }
const ProvingKey& key() { return every_chip_key(); }
const Cheat& honest() { return every_chip_honest(); }
const ProgramProof& honest_proof() {
  static const ProgramProof p = honest().prove();
  return p;
}

TEST(Rv32Soundness, TheHonestWitnessIsAcceptedAndEveryChipHasRealRows) {
  EXPECT_EQ(rejection(honest_proof(), key().vk), "");
  EXPECT_EQ(honest_proof().public_values.exit_code, 42u);
  Cheat c = honest();
  EXPECT_EQ(c.unbalanced_buses(), Buses{});  // the host's LogUp sum is the verifier's
  c.rebalance_lookups();                     // and its recount the witgen's
  for (std::size_t k = 0; k < c.traces.size(); ++k) {
    const chip::HostTrace& t = c.traces[k];
    std::size_t real = 0;
    for (std::size_t r = 0; r < t.rows; ++r) real += !Cheat::is_padding(t, r);
    EXPECT_GT(real, 0u) << c.chips()[k]->name();
    EXPECT_EQ(t.cells, honest().traces[k].cells) << c.chips()[k]->name();
  }
}

// No execution at all: every step and transfer row zero, the register and memory tables at
// their initial values. Every bus balances inside the shard, so only the statement's
// boundary terms (entry state, halt, streams, public bytes) are left: the LogUp sum.
TEST(Rv32Soundness, AnEmptyExecutionIsRejected) {
  Cheat c = honest();
  for (std::size_t k = 0; k < c.traces.size(); ++k) {
    chip::HostTrace& t = c.traces[k];
    const std::string& name = c.chips()[k]->name();
    if (c.has_column(k, "ts")) std::fill(t.cells.begin(), t.cells.end(), Felt::zero());
    if (!c.has_column(k, "final_ts")) continue;
    const bool image = c.has_column(k, "init_lo");
    for (std::size_t r = 0; r < t.rows; ++r) {
      for (const char* limb : {"_lo", "_hi"})
        c.set(name, r, std::string("final") + limb,
              image ? c.at(name, r, std::string("init") + limb) : Felt::zero());
      c.set(name, r, "final_ts", uint64_t(0));
    }
  }
  c.rebalance_lookups();
  EXPECT_UNBALANCED(c, Buses{"state", "halt", "stream", "io"});
}

// The dead `lw t3 (t2)` never ran: its row is dropped, the last accesses of its word and of t3
// and t2's next read (sb's) rewound to the ones before it, so all that is wrong is a gap in
// the chain of states: the state bus.
TEST(Rv32Soundness, ADroppedStepIsRejected) {
  Cheat c = honest();
  const std::size_t r = c.step_row("load", guest().dead_lw);
  const auto [table, row] = c.memory_row(guest().in_buf);
  c.at(table, row, "final_ts") = c.at("load", r, "mem_prev_ts");
  for (const char* col : {"_lo", "_hi", "_ts"})
    c.at("registers", kT3, std::string("final") + col) =
        c.at("load", r, std::string("rd_prev") + col);
  const std::size_t sb = c.step_row("store", guest().sb);
  const Felt prev = c.at("load", r, "rs1_prev_ts");
  c.at("store", sb, "rs1_prev_ts") = prev;
  c.set("store", sb, "rs1_dt_lo", (c.at("store", sb, "ts") - prev - Felt::one()).value() & 0xFFFF);
  c.remove_row("load", r);
  c.rebalance_lookups();
  EXPECT_UNBALANCED(c, Buses{"state"});
}

// The dead lw counted twice: the copy receives a state (pc, ts) that only one step was sent,
// and repeats its register and memory accesses: the state, register and memory buses.
TEST(Rv32Soundness, ADuplicatedStepIsRejected) {
  Cheat c = honest();
  c.duplicate_row("load", c.step_row("load", guest().dead_lw));
  c.rebalance_lookups();
  EXPECT_UNBALANCED(c, Buses{"state", "reg", "mem"});
}

// Rows are a multiset, so reordering a trace is no attack (the swapped rows are accepted);
// reordering the execution is: lb and lbu (adjacent, independent) swap timestamps. Each then
// receives a state (pc, ts) that the step before it did not send (the state bus), and their
// accesses come out of timestamp order (the register bus, and timestamp_after's range checks:
// u16_range).
TEST(Rv32Soundness, AReorderedExecutionIsRejected) {
  Cheat rows = honest();
  const std::size_t lb = rows.step_row("load", guest().lb);
  const std::size_t lbu = rows.step_row("load", guest().lb + 4);
  chip::HostTrace& t = rows.trace("load");
  std::swap_ranges(t.cells.begin() + std::ptrdiff_t(lb * t.cols),
                   t.cells.begin() + std::ptrdiff_t((lb + 1) * t.cols),
                   t.cells.begin() + std::ptrdiff_t(lbu * t.cols));
  EXPECT_EQ(rows.rejection(), "");
  Cheat steps = honest();
  std::swap(steps.at("load", lb, "ts"), steps.at("load", lbu, "ts"));
  steps.rebalance_lookups();
  EXPECT_UNBALANCED(steps, Buses{"u16_range", "state", "reg"});
}

// The dead lw reads its word + 1 (limb, bytes and t3's final value consistent with that), the
// memory tables as they were: the load receives a word no access sent: the memory bus.
TEST(Rv32Soundness, AWrongLoadValueIsRejected) {
  Cheat c = honest();
  const std::size_t r = c.step_row("load", guest().dead_lw);
  for (const char* col : {"mem_lo", "top", "value_lo"}) c.at("load", r, col) += Felt::one();
  c.at("registers", kT3, "final_lo") += Felt::one();
  c.rebalance_lookups();
  EXPECT_UNBALANCED(c, Buses{"mem"});
}

// sw stores s4 + 1 and memory ends with it: every bus balances, the store's constraint
// merged = rs2 does not hold (the main-constraint sumcheck).
TEST(Rv32Soundness, AWrongStoreValueIsRejected) {
  Cheat c = honest();
  c.at("store", c.step_row("store", guest().sw), "merged_lo") += Felt::one();
  const auto [table, row] = c.memory_row(guest().sw_addr);
  c.at(table, row, "final_lo") += Felt::one();
  c.rebalance_lookups();
  EXPECT_EQ(c.unbalanced_buses(), Buses{});
  KPROVE_EXPECT_REJECTED(c, kConstraints);
}

// sw reads s4 as s4 + 1 and stores that (memory ends with it): the store is consistent, but
// it receives a register value that no write sent: the register bus.
TEST(Rv32Soundness, AWrongRegisterValueReadIsRejected) {
  Cheat c = honest();
  const std::size_t r = c.step_row("store", guest().sw);
  for (const char* col : {"rs2_lo", "merged_lo"}) c.at("store", r, col) += Felt::one();
  const auto [table, row] = c.memory_row(guest().sw_addr);
  c.at(table, row, "final_lo") += Felt::one();
  c.rebalance_lookups();
  EXPECT_UNBALANCED(c, Buses{"reg"});
}

// The next pc of a jump is affine in the fetched immediate (JAL) or in rs1 and the immediate
// (JALR), so another valid target needs another immediate (not the instruction at that pc:
// the program bus) or another rs1 (not the register's value: the register bus); and the step
// after the jump was sent another state (the state bus).
TEST(Rv32Soundness, AWrongJumpTargetIsRejected) {
  Cheat jal = honest();  // target dead_lui + 4, the next lw
  jal.at("jal", jal.step_row("jal", guest().jal), "imm_lo") += Felt::from_u64(4);
  jal.rebalance_lookups();
  EXPECT_UNBALANCED(jal, Buses{"program", "state"});
  Cheat jalr = honest();  // target jal + 8 = dead_lui
  jalr.at("jalr", jalr.step_row("jalr", guest().jalr), "rs1_lo") += Felt::from_u64(8);
  jalr.rebalance_lookups();
  EXPECT_UNBALANCED(jalr, Buses{"state", "reg"});
}

// The dead `lui t4, 0x12345` runs as `lui t4, 0x54321` or as `auipc t4, 0x12345`, its result
// and t4's final value consistent: the fetched (pc, fields, imm) is no row of the program
// table: the program bus.
TEST(Rv32Soundness, AnInstructionNotInTheProgramIsRejected) {
  const uint32_t pc = guest().dead_lui;
  Cheat lui = honest();
  const std::size_t r = lui.step_row("upper", pc);
  lui.set("upper", r, "imm_hi", uint64_t(0x5432));
  lui.set_word("upper", r, "value", 0x54321000);
  lui.set_final_register(kT4, 0x54321000);
  lui.rebalance_lookups();
  EXPECT_UNBALANCED(lui, Buses{"program"});
  Cheat auipc = honest();
  auipc.set("upper", r, "is_lui", uint64_t(0));
  auipc.set("upper", r, "is_auipc", uint64_t(1));
  auipc.set_word("upper", r, "value", pc + 0x12345000);
  auipc.set_final_register(kT4, pc + 0x12345000);
  auipc.rebalance_lookups();
  EXPECT_UNBALANCED(auipc, Buses{"program"});
}

// Heap and stack tables of 2^9 words each overlap in the 950-word zero region: 74 words would
// start twice (two chains, so a read could return an overwritten word). The verifier's check
// of the zero tables' heights catches it.
TEST(Rv32Soundness, OverlappingZeroTablesAreRejected) {
  Cheat c = honest();
  for (const char* name : {"heap", "stack"}) {
    const auto& table = dynamic_cast<const rv32im::ZeroTable&>(*c.chips()[c.chip(name)]);
    chip::HostTrace& t = c.trace(name);
    const std::size_t used = t.rows;
    t.rows = 512;
    t.cells.resize(t.rows * t.cols, Felt::zero());
    for (std::size_t r = used; r < t.rows; ++r) c.set(name, r, "addr", table.address(r));
  }
  KPROVE_EXPECT_REJECTED(c, "overlap");
}

// Statements other than the run's, each consistent (digests of the bytes claimed); `prove`:
// the cheater proves the honest witness under it too (machine_test.cpp does for the others).
struct OtherStatement {
  const char* what;
  std::function<void(ProgramProof&)> edit;
  bool prove = false;
};
const std::vector<OtherStatement>& other_statements() {
  const auto with_output = [](auto change) {
    return [change](ProgramProof& p) {
      change(p.output);
      p.public_values.output = rv32im::bytes_digest(rv32im::kOutputDomain, p.output);
    };
  };
  const auto with_input = [](auto change) {
    return [change](ProgramProof& p) {
      change(p.input);
      p.public_values.input = rv32im::bytes_digest(rv32im::kInputDomain, p.input);
      p.public_values.input_eof = false;  // consistent with any length
    };
  };
  using Bytes = std::vector<uint8_t>;
  static const std::vector<OtherStatement> edits = {
      {"vk digest", [](ProgramProof& p) { p.public_values.vk.h[0] += Felt::one(); }},
      {"program digest", [](ProgramProof& p) { p.public_values.program.h[0] += Felt::one(); }},
      {"exit code", [](ProgramProof& p) { p.public_values.exit_code ^= 1; }},
      {"more cycles", [](ProgramProof& p) { p.public_values.cycles += 1; }},
      {"fewer cycles", [](ProgramProof& p) { p.public_values.cycles -= 1; }},
      {"another output byte", with_output([](Bytes& o) { o[3] ^= 0x20; })},
      {"a shorter output", with_output([](Bytes& o) { o.pop_back(); }), true},
      {"a longer output", with_output([](Bytes& o) { o.push_back('?'); }), true},
      {"another input byte", with_input([](Bytes& i) { i[1] ^= 1; })},
      {"a longer input", with_input([](Bytes& i) { i.push_back(9); })},
      {"input not at its end", [](ProgramProof& p) { p.public_values.input_eof = false; }, true},
      {"fewer input bytes read",
       [](ProgramProof& p) { p.public_values.input_read -= 1, p.public_values.input_eof = false; },
       true},
  };
  return edits;
}

// Every public value is bound: the honest proof under another statement fails (its
// transcript absorbed the run's), and so does the honest witness proved under it (the key
// digest, or the boundary terms of the other statement, disagree with the run).
TEST(Rv32Soundness, AnotherStatementIsRejected) {
  for (const OtherStatement& s : other_statements()) {
    ProgramProof relabelled = honest_proof();
    s.edit(relabelled);
    EXPECT_NE(rejection(relabelled, key().vk), "") << s.what;
    if (!s.prove) continue;
    Cheat c = honest();
    s.edit(c.statement);
    EXPECT_NE(c.rejection().find(kUnbalanced), std::string::npos) << s.what;
  }
}

// Proofs of one program are no proofs of another of the same shape (one data word differs,
// so its exit code is 48): the honest proof fails the other's key digest; the witness proved
// as the other program (its key and preprocessed commitment) fails that commitment's opening.
TEST(Rv32Soundness, AProofOfAnotherProgramIsRejected) {
  const ProvingKey other(every_chip_program(8).program);
  ASSERT_EQ(other.vk.shape, key().vk.shape);
  EXPECT_NE(rejection(honest_proof(), other.vk).find("another verifying key"), std::string::npos);
  const std::string why = rejection(honest().prove_as(other), other.vk);
  EXPECT_NE(why.find("preprocessed"), std::string::npos) << why;
}

// Every field of the verifying key is bound by its digest, which the proof carries and its
// transcript absorbed: the honest proof fails under a tampered key, and so does the honest
// proof claiming that key (a shard proof that does not parse under the key's PCS parameters
// is a ProofFormatError, which verify_program lets through).
TEST(Rv32Soundness, ATamperedVerifyingKeyIsRejected) {
  const std::vector<std::pair<const char*, std::function<void(VerifyingKey&)>>> edits = {
      {"entry", [](VerifyingKey& k) { k.shape.entry += 4; }},
      {"program height", [](VerifyingKey& k) { k.shape.program_log_rows += 1; }},
      {"image height", [](VerifyingKey& k) { k.shape.image_log_rows += 1; }},
      {"zero region start", [](VerifyingKey& k) { k.shape.zero.at(0).begin += 4; }},
      {"zero region end", [](VerifyingKey& k) { k.shape.zero.at(0).end -= 4; }},
      {"no zero region", [](VerifyingKey& k) { k.shape.zero.clear(); }},
      {"rate", [](VerifyingKey& k) { k.params.rate_bits += 1; }},
      {"queries", [](VerifyingKey& k) { k.params.queries -= 1; }},
      {"proof of work", [](VerifyingKey& k) { k.params.pow_bits -= 1; }},
      {"final size", [](VerifyingKey& k) { k.params.final_log_size += 1; }},
      {"program digest", [](VerifyingKey& k) { k.program.h[1] += Felt::one(); }},
      {"program root", [](VerifyingKey& k) { k.program_root.h[0] += Felt::one(); }},
      {"preprocessed root", [](VerifyingKey& k) { k.preprocessed_root.h[2] += Felt::one(); }},
  };
  for (const auto& [what, edit] : edits) {
    VerifyingKey vk = key().vk;
    edit(vk);
    EXPECT_NE(rejection(honest_proof(), vk).find("another verifying key"), std::string::npos)
        << what;
    ProgramProof claimed = honest_proof();
    claimed.public_values.vk = vk.digest();
    claimed.public_values.program = vk.program;
    std::string why;
    try {
      why = rejection(claimed, vk);
    } catch (const ProofFormatError& e) {
      why = e.what();
    }
    EXPECT_NE(why, "") << what;
  }
}

// BUG (engine/rv32im/chips/ecall.hpp): ECALL write (and exit) bind ret = n (= a0) on the
// value only; its limbs are range-checked for read alone. A write can return its count into
// a0 as any limbs (lo, hi) with lo + 2^16 hi = n, breaking step.hpp's invariant that register
// limbs are u16. MUL relies on it: its low-limb equation rs1_lo rs2_lo = rd_lo + 2^16 carry0
// is then no integer equation, rd_lo is free, and the product equation a b = low + 2^32
// (high - 2^32 sh) only holds modulo p: 6 * 7 = 43 + 2^32 (2^32 - 1) - p. So with a0 = 6 as
// (lo, hi) = (43/7, (6 - 43/7)/2^16) in the field, `mul a0, a0, s2` (s2 = 7) gives 43 (other
// = 2^32 - 1, carry0 = 0) and the program "exits with 43". Every other cell is consistent.
// The test passes once the verifier rejects this forgery.
TEST(Rv32Soundness, AWriteCountWithNonU16LimbsCannotForgeAProduct) {
  Cheat c = honest();
  ASSERT_EQ(c.statement.public_values.exit_code, 6u * 7u);
  const Felt lo = Felt::from_u64(43) * Felt::from_u64(7).inverse();
  const Felt hi = (Felt::from_u64(6) - lo) * Felt::from_u64(1u << 16).inverse();
  c.set("ecall", c.step_row("ecall", guest().write), "ret_lo", lo);
  c.set("ecall", c.step_row("ecall", guest().write), "ret_hi", hi);
  const std::size_t mul = c.step_row("mul", guest().mul_a0);
  for (const std::string a0 : {"rs1", "rd_prev"}) {
    c.set("mul", mul, a0 + "_lo", lo);
    c.set("mul", mul, a0 + "_hi", hi);
  }
  c.set_word("mul", mul, "value", 43);
  c.set_word("mul", mul, "other", 0xFFFFFFFFu);
  c.set("mul", mul, "carry0", uint64_t(0));
  const std::size_t exit = c.step_row("ecall", guest().exit);
  for (const char* a0 : {"a0", "ret_prev", "ret"}) c.set_word("ecall", exit, a0, 43);
  c.set_final_register(kA0, 43);
  c.statement.public_values.exit_code = 43;
  c.rebalance_lookups();
  // ecall.hpp binds the written-back a0 limb by limb, so the forged limbs break a constraint.
  EXPECT_NE(c.rejection(), "");
}

}  // namespace
}  // namespace kprove::test::rv32
