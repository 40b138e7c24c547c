// Continuations: a run longer than a shard is proven in many shards and verified as one
// statement, on every backend with the same bytes; the pipeline's options do not change them
// and its bookings bound the ledger's peak. From the verifier's side: a dropped, duplicated,
// reordered or foreign shard, a chain broken in either direction and a load in one shard that
// reads a value other than the one a store wrote in an earlier shard are all rejected.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "engine/rv32im/run_prover.hpp"
#include "support/backends.hpp"
#include "support/chip_check.hpp"
#include "support/paths.hpp"
#include "support/rv32_asm.hpp"

namespace kprove::rv32im {
namespace {

namespace rv32 = test::rv32;
using vm::Op;
using Mem = Kokkos::HostSpace;

constexpr uint32_t kT0 = 5, kT1 = 6, kT2 = 7, kT3 = 28, kA0 = 10, kA1 = 11, kA2 = 12, kA7 = 17;
constexpr uint32_t kMaxLogRows = 4;  // shards of 15 cycles
constexpr int kFiller = 24;

struct Guest {
  vm::Program program;
  uint32_t load_pc = 0;  // the load of the word stored two shards earlier
};

// Reads a word of input and stores it (shard 0), counts kFiller times, loads the word back
// into t3 (which nothing reads again: a later shard), writes it out and exits.
const Guest& guest() {
  static const Guest g = [] {
    rv32::Asm a;
    Guest out;
    a.op(Op::lui, kT0, 0, 0, int32_t(rv32::kData));
    a.op(Op::addi, kA7, 0, 0, 63).op(Op::addi, kA0, 0, 0, 0).op(Op::addi, kA1, kT0, 0, 0x100);
    a.op(Op::addi, kA2, 0, 0, 4).op(Op::ecall, 0, 0, 0);
    a.op(Op::lw, kT1, kT0, 0, 0x100).op(Op::sw, 0, kT0, kT1, 0);
    for (int i = 0; i < kFiller; ++i) a.op(Op::addi, kT2, kT2, 0, 1);
    out.load_pc = a.here();
    a.op(Op::lw, kT3, kT0, 0, 0);
    a.op(Op::addi, kA7, 0, 0, 64).op(Op::addi, kA0, 0, 0, 1).op(Op::addi, kA1, kT0, 0, 0);
    a.op(Op::addi, kA2, 0, 0, 4).op(Op::ecall, 0, 0, 0);
    a.op(Op::addi, kA7, 0, 0, 93).op(Op::addi, kA0, 0, 0, 0).op(Op::ecall, 0, 0, 0);
    out.program = a.program();
    return out;
  }();
  return g;
}

const std::vector<uint8_t> kInput = {0x11, 0x22, 0x33, 0x44}, kOther = {9, 8, 7, 6};

PcsParams test_params() {
  PcsParams p;
  p.queries = 12;
  p.pow_bits = 2;
  return p;
}

template <class Exec>
struct Key {
  std::unique_ptr<MemoryLedger> ledger = std::make_unique<MemoryLedger>();  // holds pre
  std::unique_ptr<Machine> machine;
  MachinePreprocessed<typename Exec::memory_space> pre;
  VerifyingKey vk;

  explicit Key(const vm::Program& program, uint32_t max_log_rows = kMaxLogRows)
      : machine(std::make_unique<Machine>(std::make_shared<vm::Guest>(program), max_log_rows)),
        pre(machine->preprocess(Exec(), *ledger, test_params())),
        vk(make_vk(*machine, pre, test_params())) {}

  ProgramProof prove(const std::vector<uint8_t>& input, const RunOptions& options = {},
                     MemoryLedger* ledger = nullptr) const {
    MemoryLedger own;
    return prove_program(Exec(), ledger ? *ledger : own, *machine, pre, vk, input, 1u << 22, options);
  }
};

// Never freed: its views must not outlive Kokkos.
const Key<Kokkos::Serial>& key() {
  static const Key<Kokkos::Serial>* k = new Key<Kokkos::Serial>(guest().program);
  return *k;
}
const ProgramProof& honest() {
  static const ProgramProof p = key().prove(kInput);
  return p;
}

std::string rejection(const ProgramProof& proof, const VerifyingKey& vk = key().vk) {
  try {
    verify_program(proof, vk);
  } catch (const VerifyError& e) {
    return e.what();
  }
  return "";
}

// The honest records of the run on `input`, and their shards proved as a cheater would: from
// these records (changed at will) under `statement`'s public values and spans.
std::vector<vm::ShardRecords> records(const std::vector<uint8_t>& input) {
  return vm::record_shards(run_program(*key().machine, key().vk, input, 1000).plan, 1);
}
ProgramProof prove_records(ProgramProof statement, const std::vector<vm::ShardRecords>& shards) {
  MemoryLedger ledger;
  FinalMemory final;
  for (const auto& r : shards) final.add(r);
  std::vector<chip::ShardTraces<Mem>> witnesses;
  for (std::size_t s = 0; s < shards.size(); ++s)
    witnesses.push_back(key().machine->witgen(Kokkos::Serial(), ledger, shards[s],
                                              s + 1 == shards.size() ? &final : nullptr));
  prove_witnesses(Kokkos::Serial(), ledger, *key().machine, key().pre, key().vk, statement,
                  std::move(witnesses));
  return statement;
}
ProgramProof statement_of(const std::vector<uint8_t>& input) {
  return run_program(*key().machine, key().vk, input, 1000).proof;
}

KPROVE_BACKEND_SUITE(ContinuationTest);

TYPED_TEST(ContinuationTest, ARunOfManyShardsVerifiesWithTheSerialBytes) {
  using Exec = typename TestFixture::Exec;
  const Key<Exec> k(guest().program);
  const ProgramProof p = k.prove(kInput);
  EXPECT_GE(p.shards.size(), 3u);
  EXPECT_EQ(p.public_values.shards, p.shards.size());
  EXPECT_EQ(p.output, kInput);
  EXPECT_EQ(rejection(p, k.vk), "");
  EXPECT_EQ(serialize(p), serialize(honest()));
  EXPECT_EQ(serialize(k.vk), serialize(key().vk));
}

TEST(Continuation, ThePipelineOptionsLeaveTheProofAsItIsAndBookingsBoundThePeak) {
  const ProgramProof& reference = honest();
  for (bool overlap : {false, true}) {
    MemoryLedger ledger, admission;
    RunOptions options;
    options.overlap = overlap;
    options.max_inflight_shards = 3;
    options.admission = &admission;
    const ProgramProof p = key().prove(kInput, options, &ledger);
    EXPECT_EQ(serialize(p), serialize(reference)) << "overlap " << overlap;
    EXPECT_EQ(ledger.stats(Mem::name()).current, 0u);
    EXPECT_EQ(admission.stats(Mem::name()).current, 0u);
    // Bookings are upper bounds: what the shards held never exceeds what they booked.
    EXPECT_LE(ledger.stats(Mem::name()).peak, admission.stats(Mem::name()).peak)
        << "overlap " << overlap;
  }
}

// A read ecall moves its whole buffer in one cycle: 33 words, more than a shard's 2^4 transfer
// rows. The run is refused before any proving, naming the shard and what to change.
TEST(Continuation, AShardMovingMoreWordsThanItsTransferRowsIsRefusedBeforeProving) {
  rv32::Asm a;
  a.op(Op::lui, kT0, 0, 0, int32_t(rv32::kData));
  a.op(Op::addi, kA7, 0, 0, 63).op(Op::addi, kA0, 0, 0, 0).op(Op::addi, kA1, kT0, 0, 0x100);
  a.op(Op::addi, kA2, 0, 0, 128).op(Op::ecall, 0, 0, 0);
  a.op(Op::addi, kA7, 0, 0, 93).op(Op::addi, kA0, 0, 0, 0).op(Op::ecall, 0, 0, 0);
  const Key<Kokkos::Serial> k(a.program());
  try {
    k.prove(std::vector<uint8_t>(128, 7));
    FAIL() << "proved a shard taller than its bound";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("shard 0"), std::string::npos) << what;
    EXPECT_NE(what.find("read_transfer"), std::string::npos) << what;
    EXPECT_NE(what.find("shard_cycles"), std::string::npos) << what;
  }
}

// The worst shard validate-config reports bounds every shard of a run, at every height.
TEST(Continuation, TheWorstShardBoundsEveryShardOfARun) {
  REQUIRE_GUESTS();
  const vm::Program program =
      vm::load_elf_file(test::guest_dir() + "/programs/sha256.elf");
  for (uint32_t m : {10u, 12u}) {
    const Key<Kokkos::Serial> k(program, m);
    const ProgramRun run = run_program(*k.machine, k.vk, std::vector<uint8_t>(300, 'k'), 1u << 22);
    FinalMemory final;
    for (std::size_t s = 0; s < run.plan.num_shards(); ++s)
      final.add(vm::record_shard(run.plan, s));
    const ShardBytes worst = k.machine->worst_footprint(test_params(), false),
                     worst_last = k.machine->worst_footprint(test_params(), true);
    const std::size_t n = run.plan.num_shards();
    for (std::size_t s = 0; s + 1 < n; ++s) {
      const ShardBytes b = k.machine->footprint(run.plan.starts[s], test_params());
      EXPECT_LE(b.witgen, worst.witgen) << m << " shard " << s;
      EXPECT_LE(b.witness + b.prove, worst.witness + worst.prove) << m << " shard " << s;
    }
    EXPECT_LE(k.machine->footprint(run.plan.starts[n - 1], test_params(), &final).peak(),
              worst_last.peak()) << m;
  }
}

// Pass 1's commitments kept for pass 2 under a budget: all of them, some, or none (no
// budget); the proof is the same, the shards kept are not re-executed, and nothing stays booked.
TEST(Continuation, KeptCommitmentsSkipTheSecondPassAndLeaveTheProofAsItIs) {
  const ProgramProof& reference = honest();
  const std::size_t n = reference.shards.size();
  std::size_t peak = 0;
  const ProgramRun run = run_program(*key().machine, key().vk, kInput, 1u << 22);
  for (std::size_t s = 0; s < n; ++s)
    peak = std::max(peak, key().machine->footprint(run.plan.starts[s], test_params()).peak());
  // overlap off: the pipeline reserves one shard's peak beside the kept ones.
  const std::vector<std::pair<std::size_t, std::string>> cases = {
      {0, "0 of " + std::to_string(n - 1)},
      {std::size_t(1) << 40, std::to_string(n - 1) + " of " + std::to_string(n - 1)},
      {3 * peak + peak / 2, "2 of " + std::to_string(n - 1)}};
  for (const auto& [budget, kept] : cases) {
    SCOPED_TRACE(budget);
    MemoryLedger ledger, admission;
    admission.set_budget(Mem::name(), budget);
    Metrics metrics;
    RunOptions options;
    options.overlap = false;
    options.admission = &admission;
    options.metrics = &metrics;
    const ProgramProof p = key().prove(kInput, options, &ledger);
    EXPECT_EQ(serialize(p), serialize(reference));
    EXPECT_EQ(metrics.labels().at("kept_commitments"), kept);
    std::size_t emulated = 0;
    for (const PhaseRecord& r : metrics.phases()) emulated += r.phase == "emulate";
    EXPECT_EQ(emulated, n + (n - 1) - std::stoul(kept));
    EXPECT_EQ(ledger.stats(Mem::name()).current, 0u);
    EXPECT_EQ(admission.stats(Mem::name()).current, 0u);
    if (budget != 0) EXPECT_LE(admission.stats(Mem::name()).peak, budget);
  }
}

TEST(Continuation, ABudgetBelowOneShardFailsBeforeAnyWorkAndReleasesEverything) {
  MemoryLedger ledger, admission;
  admission.set_budget(Mem::name(), 1024);
  RunOptions options;
  options.admission = &admission;
  EXPECT_THROW(key().prove(kInput, options, &ledger), std::exception);
  EXPECT_EQ(ledger.stats(Mem::name()).current, 0u);
  EXPECT_EQ(admission.stats(Mem::name()).current, 0u);
}

TEST(Continuation, RealGuestsProveInManyShardsWithTheStatementOfOne) {
  REQUIRE_GUESTS();
  const std::vector<std::pair<const char*, std::vector<uint8_t>>> cases = {
      {"fibonacci", {0xb8, 0x0b, 0, 0}}, {"sha256", std::vector<uint8_t>(200, 'k')}};
  for (const auto& [name, input] : cases) {
    const vm::Program program = vm::load_elf_file(test::guest_dir() + "/programs/" + name + ".elf");
    const Key<Kokkos::Serial> many(program, 12), one(program, 20);
    const ProgramProof p = many.prove(input), q = one.prove(input);
    SCOPED_TRACE(name);
    EXPECT_GT(p.shards.size(), 1u);
    EXPECT_EQ(q.shards.size(), 1u);
    EXPECT_EQ(rejection(p, many.vk), "");
    EXPECT_EQ(rejection(q, one.vk), "");
    EXPECT_EQ(p.output, q.output);
    EXPECT_EQ(p.public_values.cycles, q.public_values.cycles);
    EXPECT_EQ(p.public_values.exit_code, q.public_values.exit_code);
    EXPECT_NE(rejection(p, one.vk), "") << "a proof is bound to its shard height";
  }
}

// The proof with shard s removed (its cycles gone from the run).
ProgramProof without(ProgramProof p, std::size_t s) {
  p.public_values.cycles -= p.spans[s].cycles;
  p.spans.erase(p.spans.begin() + std::ptrdiff_t(s));
  p.shards.erase(p.shards.begin() + std::ptrdiff_t(s));
  p.public_values.shards -= 1;
  return p;
}
// Spans renumbered so they chain again from cycle 0 (start pcs kept).
void rechain(ProgramProof& p) {
  uint64_t next = 0;
  for (ShardSpan& span : p.spans) span.first_cycle = next, next += span.cycles;
  p.public_values.cycles = next;
  p.public_values.shards = p.spans.size();
}

TEST(Continuation, ADroppedShardIsRejected) {
  for (std::size_t s : {std::size_t(0), std::size_t(1), honest().shards.size() - 1}) {
    SCOPED_TRACE("shard " + std::to_string(s));
    ProgramProof p = without(honest(), s);
    EXPECT_NE(rejection(p), "");
    rechain(p);
    EXPECT_NE(rejection(p), "");
  }
}

TEST(Continuation, ADuplicatedShardIsRejected) {
  ProgramProof p = honest();
  p.spans.insert(p.spans.begin() + 2, p.spans[1]);
  p.shards.insert(p.shards.begin() + 2, p.shards[1]);
  EXPECT_NE(rejection(p), "");
  rechain(p);
  EXPECT_NE(rejection(p), "");
}

TEST(Continuation, ReorderedShardsAreRejected) {
  ProgramProof p = honest();
  std::swap(p.shards[0], p.shards[1]);
  EXPECT_NE(rejection(p), "");  // spans in order, proofs swapped
  std::swap(p.spans[0], p.spans[1]);
  EXPECT_NE(rejection(p), "");  // both swapped
  rechain(p);
  EXPECT_NE(rejection(p), "");
}

TEST(Continuation, AShardFromAnotherRunIsRejected) {
  const ProgramProof other = key().prove(kOther);
  ASSERT_EQ(other.spans, honest().spans);  // the same path through the program
  for (std::size_t s = 0; s < honest().shards.size(); ++s) {
    ProgramProof p = honest();
    p.shards[s] = other.shards[s];
    EXPECT_NE(rejection(p), "") << "shard " << s;
  }
}

// Honest records proven under spans that disagree with them: the state bus does not balance.
TEST(Continuation, AChainBrokenInEitherDirectionDoesNotBalance) {
  const auto shards = records(kInput);
  const auto broken = [&](auto change) {
    ProgramProof statement = statement_of(kInput);
    change(statement.spans);
    return rejection(prove_records(statement, shards));
  };
  const auto expect_unbalanced = [](const std::string& why) {
    EXPECT_NE(why.find("do not balance"), std::string::npos) << why;
  };
  // Shard 1 claims to start at another pc than the one shard 0 ends at, and the last shard
  // than the one the shard before it ends at.
  expect_unbalanced(broken([](std::vector<ShardSpan>& s) { s[1].start_pc += 4; }));
  expect_unbalanced(broken([](std::vector<ShardSpan>& s) { s.back().start_pc -= 4; }));
  // The boundary between the last two shards moved one cycle earlier: the one before claims to
  // end before its last step, the last one to start with it.
  expect_unbalanced(broken([](std::vector<ShardSpan>& s) {
    ShardSpan &a = s[s.size() - 2], &b = s.back();
    a.cycles -= 1, b.first_cycle -= 1, b.cycles += 1;
  }));
  // Shard 0 claims another start than the entry point: the chain has no beginning.
  EXPECT_NE(broken([](std::vector<ShardSpan>& s) { s[0].start_pc += 4; }).find("entry point"),
            std::string::npos);
  EXPECT_EQ(broken([](std::vector<ShardSpan>&) {}), "") << "the cheater's honest proof";
}

// The load of a word stored two shards earlier reads another value (and writes it to t3,
// whose final value the cheater changes to match): every chip's constraints hold, and only
// the memory argument across shards can tell.
TEST(Continuation, ALoadThatReadsAValueNoStoreWroteIsRejected) {
  auto shards = records(kInput);
  std::size_t load_shard = shards.size();
  for (std::size_t s = 0; s < shards.size(); ++s)
    for (vm::LoadRecord& r : shards[s].load)
      if (r.step.pc == guest().load_pc) {
        r.mem.value += 1;
        r.rd.value += 1;
        load_shard = s;
      }
  ASSERT_GT(load_shard, 1u) << "the load must run two shards after the store";
  for (std::size_t s = load_shard; s < shards.size(); ++s)
    for (vm::BoundaryEntry& e : shards[s].registers)
      if (e.addr == kT3) e.final_value += 1;
  const std::string why = rejection(prove_records(statement_of(kInput), shards));
  EXPECT_NE(why.find("do not balance"), std::string::npos) << why;
}

}  // namespace
}  // namespace kprove::rv32im
