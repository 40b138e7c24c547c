#include "engine/jobs/program_job.hpp"

#include <cstdio>
#include <memory>

#include "engine/jobs/job_security.hpp"
#include "engine/log.hpp"
#include "engine/proof/bytes.hpp"
#include "engine/proof/proof_file.hpp"
#include "views/spaces.hpp"

namespace kprove {

namespace {

template <class F>
auto parse_file(const std::string& path, const std::string& what, F&& parse) {
  const std::vector<uint8_t> bytes = read_binary_file(path, what);
  try {
    return parse(bytes);
  } catch (const ProofFormatError& e) {
    throw ProofFormatError(path + ": " + e.what());
  }
}

}  // namespace

ProgramJobResult run_program_job(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger) {
  if (!job.guest) throw ConfigError(job.source + ": names no 'program'");
  const PcsParams params = job_pcs_params(job);
  const auto guest = std::make_shared<vm::Guest>(vm::load_elf_file(job.guest->program));
  const rv32im::Machine machine(guest, job_max_log_rows(job));
  return dispatch_space(job.spaces.prove, [&](auto exec) {
    using Exec = decltype(exec);
    ProgramJobResult r;
    std::optional<Preprocessed<typename Exec::memory_space>> pre;
    {
      PhaseScope scope(metrics, "preprocess", -1, job.spaces.prove);
      pre.emplace(machine.preprocess(exec, ledger, params));
      r.vk = rv32im::make_vk(machine, *pre, params);
    }
    rv32im::ProgramRun run;
    {
      PhaseScope scope(metrics, "emulate", 0, SpaceKind::serial);
      run = rv32im::run_program(machine, r.vk, job.guest->input, job.guest->max_cycles);
    }
    log::info("program " + guest->program().name + ": " +
              std::to_string(run.proof.public_values.cycles) + " cycles, exit code " +
              std::to_string(run.proof.public_values.exit_code));
    r.proof = rv32im::prove_run(exec, ledger, machine, *pre, r.vk, std::move(run), &metrics);
    r.bytes = serialize(r.proof);
    metrics.add_bytes("proof", r.bytes.size());
    return r;
  });
}

rv32im::VerifyingKey program_vk(const std::string& path, const PcsParams& params,
                                uint32_t max_log_rows) {
  const rv32im::Machine machine(std::make_shared<vm::Guest>(vm::load_elf_file(path)),
                                max_log_rows);
  MemoryLedger ledger;
  const Kokkos::Serial exec;
  const auto pre = machine.preprocess(exec, ledger, params);
  return rv32im::make_vk(machine, pre, params);
}

std::string hex_digest(const Digest& d) {
  std::string out;
  char buf[17];
  for (Felt x : d.h) {
    std::snprintf(buf, sizeof buf, "%016llx", (unsigned long long)x.value());
    out += buf;
  }
  return out;
}

// The output as text when it is printable, else as hex.
namespace {
std::string show_output(const std::vector<uint8_t>& out) {
  bool text = true;
  for (uint8_t c : out) text = text && (c == '\n' || c == '\t' || (c >= 32 && c < 127));
  if (text) return "\"" + std::string(out.begin(), out.end()) + "\"";
  std::string h;
  char buf[3];
  for (uint8_t c : out) std::snprintf(buf, sizeof buf, "%02x", c), h += buf;
  return h;
}
}  // namespace

std::string describe_statement(const rv32im::ProgramProof& p) {
  const rv32im::PublicValues& pv = p.public_values;
  return "program " + hex_digest(pv.program) + " on " + std::to_string(p.input.size()) +
         " input bytes (" + std::to_string(pv.input_read) + " read) ran " +
         std::to_string(pv.cycles) + " cycles and exited with code " +
         std::to_string(pv.exit_code) + ", writing " + std::to_string(p.output.size()) +
         " bytes: " + show_output(p.output) + "\n  output digest " + hex_digest(pv.output);
}

rv32im::ProgramProof read_program_proof(const std::string& path) {
  return parse_file(path, "proof file", rv32im::deserialize_program_proof);
}

rv32im::VerifyingKey read_vk(const std::string& path) {
  return parse_file(path, "verifying key", rv32im::deserialize_vk);
}

}  // namespace kprove
