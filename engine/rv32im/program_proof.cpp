#include "engine/rv32im/program_proof.hpp"

#include <optional>

#include "engine/proof/bytes.hpp"
#include "engine/verifier/shard_verifier.hpp"

namespace kprove::rv32im {

namespace {

constexpr uint32_t kMagic = 0x5052504Bu;  // "KPRP" little-endian
constexpr uint32_t kVersion = 2;
constexpr std::size_t kMaxStream = std::size_t(1) << 32;
constexpr std::size_t kMaxShards = std::size_t(1) << 20;

[[noreturn]] void reject(const std::string& why) {
  throw VerifyError("program proof rejected: " + why);
}

}  // namespace

std::vector<uint8_t> serialize(const ProgramProof& p) {
  if (p.spans.size() != p.shards.size())
    throw std::invalid_argument("program proof: " + std::to_string(p.shards.size()) +
                                " shard proofs for " + std::to_string(p.spans.size()) + " spans");
  ByteWriter w;
  w.u32(kMagic);
  w.u32(kVersion);
  write_pcs_params(w, p.params);
  w.u32(p.max_log_rows);
  const PublicValues& pv = p.public_values;
  for (const Digest* d : {&pv.vk, &pv.program, &pv.input, &pv.output})
    for (Felt x : d->h) w.felt(x);
  w.u32(pv.exit_code);
  w.u64(pv.cycles);
  w.u64(pv.input_read);
  w.u8(pv.input_eof ? 1 : 0);
  w.u64(pv.shards);
  w.blob(p.input);
  w.blob(p.output);
  w.u64(p.shards.size());
  for (std::size_t s = 0; s < p.shards.size(); ++s) {
    w.u32(p.spans[s].start_pc);
    w.u64(p.spans[s].first_cycle);
    w.u64(p.spans[s].cycles);
    w.blob(p.shards[s]);
  }
  return w.take();
}

ProgramProof deserialize_program_proof(const std::vector<uint8_t>& bytes) {
  ByteReader r(bytes);
  r.header(kMagic, kVersion, "kprove program proof");
  ProgramProof p;
  p.params = read_pcs_params(r);
  p.max_log_rows = r.u32("shard height bound");
  if (p.max_log_rows < 4 || p.max_log_rows > kMaxMaxLogRows)
    r.fail("shard height bound", "2^" + std::to_string(p.max_log_rows) + " is out of range");
  PublicValues& pv = p.public_values;
  for (Digest* d : {&pv.vk, &pv.program, &pv.input, &pv.output})
    for (Felt& x : d->h) x = r.felt("public value digest");
  pv.exit_code = r.u32("exit code");
  pv.cycles = r.u64("cycles");
  pv.input_read = r.u64("input bytes read");
  const uint8_t eof = r.u8("input eof flag");
  if (eof > 1) r.fail("input eof flag", "is neither 0 nor 1");
  pv.input_eof = eof == 1;
  pv.shards = r.u64("shard count");
  p.input = r.blob("input", kMaxStream);
  p.output = r.blob("output", kMaxStream);
  const uint64_t shards = r.u64("shard proofs");
  if (shards == 0 || shards > kMaxShards)
    r.fail("shard proofs", std::to_string(shards) + " is out of range 1 .. 2^20");
  for (uint64_t s = 0; s < shards; ++s) {
    ShardSpan span;
    span.start_pc = r.u32("shard start pc");
    span.first_cycle = r.u64("shard first cycle");
    span.cycles = r.u64("shard cycles");
    p.spans.push_back(span);
    p.shards.push_back(r.blob("shard proof", kMaxStream));
  }
  r.expect_end("program proof");
  return p;
}

ProgramRun run_program(const Machine& machine, const VerifyingKey& vk,
                       std::span<const uint8_t> input, uint64_t max_cycles) {
  ProgramRun out;
  out.plan = vm::plan_shards(machine.shared_guest(),
                             std::make_shared<const std::vector<uint8_t>>(input.begin(), input.end()),
                             max_cycles, shard_cycles(vk.shape.max_log_rows));
  const vm::Execution& run = out.plan.execution;
  if (run.cycles > vm::kMaxRecordedCycles)
    throw std::invalid_argument("the run takes " + std::to_string(run.cycles) +
                                " cycles, a proof covers at most " +
                                std::to_string(vm::kMaxRecordedCycles));
  ProgramProof& p = out.proof;
  p.params = vk.params;
  p.max_log_rows = vk.shape.max_log_rows;
  p.input.assign(input.begin(), input.end());
  p.output = run.output;
  for (std::size_t s = 0; s < out.plan.num_shards(); ++s) {
    try {
      machine.shard_log_rows(out.plan.starts[s]);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("shard " + std::to_string(s) + ": " + e.what());
    }
    const vm::MachineState& start = out.plan.starts[s].state;
    const uint64_t end =
        s + 1 < out.plan.num_shards() ? out.plan.starts[s + 1].state.cycle : run.cycles;
    p.spans.push_back({start.pc, start.cycle, end - start.cycle});
  }
  PublicValues& pv = p.public_values;
  pv.vk = vk.digest();
  pv.program = vk.program;
  pv.input = bytes_digest(kInputDomain, p.input);
  pv.output = bytes_digest(kOutputDomain, p.output);
  pv.exit_code = run.exit_code;
  pv.cycles = run.cycles;
  pv.input_read = run.input_read;
  pv.input_eof = run.input_eof;
  pv.shards = p.spans.size();
  return out;
}

void verify_program(const ProgramProof& proof, const VerifyingKey& vk) {
  const PublicValues& pv = proof.public_values;
  if (pv.vk != vk.digest()) reject("the proof is for another verifying key");
  if (pv.program != vk.program) reject("the proof is for another program");
  if (proof.params != vk.params || proof.max_log_rows != vk.shape.max_log_rows)
    reject("the proof names other PCS parameters or shard height than the key's");
  if (proof.shards.size() != proof.spans.size())
    reject(std::to_string(proof.shards.size()) + " shard proofs for " +
           std::to_string(proof.spans.size()) + " spans");
  try {
    check_run(pv, proof.spans, vk.shape.entry, proof.input, proof.output, vk.shape.max_log_rows);
  } catch (const std::invalid_argument& e) {
    reject(e.what());
  }
  const Machine machine(vk.shape);
  const std::size_t n = proof.shards.size();
  std::vector<ShardProof> shards;
  std::vector<ShardCommitment> commitments;
  for (std::size_t s = 0; s < n; ++s) {
    try {
      shards.push_back(deserialize_shard_proof(proof.shards[s], vk.params));
    } catch (const ProofFormatError& e) {
      throw ProofFormatError("shard " + std::to_string(s) + ": " + e.what());
    }
    commitments.push_back({shards.back().log_rows, shards.back().commitment});
  }
  machine.check_zero_heights(shards.back().log_rows);
  const LogupChallenges run = run_challenges(pv, proof.spans, commitments);
  // Every shard is checked before a failure is reported, so an unbalanced run is named as
  // such even when a shard also fails a later check.
  Ext sum = Ext::zero();
  bool sums_known = true;
  std::optional<std::string> failed;
  for (std::size_t s = 0; s < n; ++s) {
    const bool last = s + 1 == n;
    const ShardStatement statement =
        shard_statement(pv, proof.spans, s, proof.input, proof.output, vk.shape.max_log_rows,
                        vk.root(last), run);
    std::optional<Ext> shard_sum;
    try {
      verify_shard(shards[s], machine.chips(last), statement, vk.params, &shard_sum);
    } catch (const VerifyError& e) {
      if (!failed) failed = "shard " + std::to_string(s) + ": " + e.what();
    }
    if (shard_sum) sum += *shard_sum;
    sums_known = sums_known && shard_sum.has_value();
  }
  if (sums_known && !sum.is_zero())
    reject("LogUp: the buses of the run's " + std::to_string(n) +
           " shards do not balance with its boundary (sum != 0)");
  if (failed) reject(*failed);
}

}  // namespace kprove::rv32im
