#include "engine/rv32im/program_proof.hpp"

#include "engine/proof/bytes.hpp"
#include "engine/verifier/shard_verifier.hpp"

namespace kprove::rv32im {

namespace {

constexpr uint32_t kMagic = 0x5052504Bu;  // "KPRP" little-endian
constexpr uint32_t kVersion = 1;
constexpr std::size_t kMaxStream = std::size_t(1) << 32;
constexpr std::size_t kMaxShards = std::size_t(1) << 20;

[[noreturn]] void reject(const std::string& why) {
  throw VerifyError("program proof rejected: " + why);
}

}  // namespace

std::vector<uint8_t> serialize(const ProgramProof& p) {
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
  w.blob(p.input);
  w.blob(p.output);
  w.seq(p.shards, [](ByteWriter& w, const std::vector<uint8_t>& s) { w.blob(s); });
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
  p.input = r.blob("input", kMaxStream);
  p.output = r.blob("output", kMaxStream);
  p.shards = r.seq("shard proofs", kMaxShards, 8,
                   [](ByteReader& r) { return r.blob("shard proof", kMaxStream); });
  r.expect_end("program proof");
  return p;
}

ProgramRun run_program(const Machine& machine, const VerifyingKey& vk,
                       std::span<const uint8_t> input, uint64_t max_cycles) {
  const uint64_t shard_cycles = (uint64_t(1) << vk.shape.max_log_rows) - 1;
  vm::Execution run;
  ProgramRun out;
  out.shards = vm::record_all(machine.guest(), input, max_cycles, shard_cycles, &run);
  if (out.shards.size() != 1)
    throw std::invalid_argument("the run takes " + std::to_string(run.cycles) +
                                " cycles, more than one shard (" + std::to_string(shard_cycles) +
                                ")");
  ProgramProof& p = out.proof;
  p.input.assign(input.begin(), input.end());
  p.output = std::move(run.output);
  PublicValues& pv = p.public_values;
  pv.vk = vk.digest();
  pv.program = vk.program;
  pv.input = bytes_digest(kInputDomain, p.input);
  pv.output = bytes_digest(kOutputDomain, p.output);
  pv.exit_code = run.exit_code;
  pv.cycles = run.cycles;
  pv.input_read = run.input_read;
  pv.input_eof = run.input_eof;
  return out;
}

void verify_program(const ProgramProof& proof, const VerifyingKey& vk) {
  const PublicValues& pv = proof.public_values;
  if (pv.vk != vk.digest()) reject("the proof is for another verifying key");
  if (pv.program != vk.program) reject("the proof is for another program");
  if (proof.shards.size() != 1)
    reject(std::to_string(proof.shards.size()) + " shard proofs, a run of one shard has 1");
  ShardStatement statement;
  try {
    statement = shard_statement(pv, vk.shape.entry, proof.input, proof.output, vk.shape.max_log_rows,
                                vk.preprocessed_root);
  } catch (const std::invalid_argument& e) {
    reject(e.what());
  }
  const Machine machine(vk.shape);
  const ShardProof shard = deserialize_shard_proof(proof.shards[0], vk.params);
  machine.check_zero_heights(shard.log_rows);
  verify_shard(shard, machine.chips(), statement, vk.params);
}

}  // namespace kprove::rv32im
