#include "engine/jobs/program_job.hpp"

#include <cstdio>
#include <memory>
#include <optional>

#include "engine/jobs/job_security.hpp"
#include "engine/jobs/progress.hpp"
#include "engine/log.hpp"
#include "engine/proof/bytes.hpp"
#include "engine/proof/binary_file.hpp"
#include "engine/rv32im/run_prover.hpp"
#include "views/instances.hpp"
#include "views/spaces.hpp"

namespace kprove {

namespace {

template <class F>
auto parse_file(const std::string& path, const std::string& what, uint64_t max_bytes, F&& parse) {
  const std::vector<uint8_t> bytes = read_binary_file(path, what, max_bytes);
  try {
    return parse(bytes);
  } catch (const ProofFormatError& e) {
    throw ProofFormatError(path + ": " + e.what());
  }
}

}  // namespace

namespace {

// The committed codewords are opened where they live, so commit and prove share a space.
void check_spaces(const JobConfig& job) {
  if (job.spaces.commit != job.spaces.prove)
    throw std::invalid_argument("spaces.commit (" + to_string(job.spaces.commit) +
                                ") must equal spaces.prove (" + to_string(job.spaces.prove) +
                                "): the committed codewords are opened where they live");
}

template <class WExec, class PExec>
ProgramJobResult prove_job(const JobConfig& job, const rv32im::Machine& machine,
                           Metrics& metrics, MemoryLedger& ledger, Communicator* ranks) {
  using PMem = typename PExec::memory_space;
  const PcsParams params = job_pcs_params(job);
  const PExec pexec;
  ProgramJobResult r;
  std::optional<rv32im::MachinePreprocessed<PMem>> pre;
  {
    PhaseScope scope(metrics, "preprocess", -1, job.spaces.prove);
    pre.emplace(machine.preprocess(pexec, ledger, params));
    r.vk = rv32im::make_vk(machine, *pre, params);
  }
  rv32im::ProgramRun run;
  {
    PhaseScope scope(metrics, "plan", -1, SpaceKind::serial);
    run = rv32im::run_program(machine, r.vk, job.guest.input, job.guest.max_cycles);
  }
  const rv32im::PublicValues& pv = run.proof.public_values;
  log::info("program " + machine.program().name + ": " + std::to_string(pv.cycles) +
            " cycles in " + std::to_string(pv.shards) + " shard(s), exit code " +
            std::to_string(pv.exit_code));
  // Witgen on its own instance (a CUDA stream), so it can overlap proving on the default one.
  OwnInstance<WExec> witgen_instance;
  MemoryLedger admission;
  admission.set_budget(PMem::name(), ledger.stats(PMem::name()).budget);
  rv32im::RunOptions options;
  options.metrics = &metrics;
  options.overlap = job.pipeline.overlap;
  options.max_inflight_shards = job.pipeline.max_inflight_shards;
  options.keep_commitments = job.pipeline.keep_commitments;
  options.admission = &admission;
  options.ranks = ranks;
  std::vector<uint64_t> cycles;
  for (const rv32im::ShardSpan& span : run.proof.spans) cycles.push_back(span.cycles);
  std::optional<Progress> progress;
  const std::string who =
      ranks && ranks->size() > 1 ? "rank " + std::to_string(ranks->rank()) + ": " : "";
  options.assigned = [&](const std::vector<std::size_t>& mine) {
    progress.emplace(cycles, mine, who);
  };
  options.proven = [&](std::size_t s) { progress->proven(s); };
  if (job.pipeline.overlap && !can_overlap<WExec, PExec>())
    log::info("pipeline: witgen and prove share one host backend; shards run one after another");
  r.proof = rv32im::prove_run(witgen_instance.get(), pexec, ledger, machine, *pre, r.vk,
                              std::move(run), options);
  metrics.set_peak_memory("admission:" + std::string(PMem::name()),
                          admission.stats(PMem::name()).peak);
  return r;
}

}  // namespace

ProgramJobResult run_program_job(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger,
                                 Communicator* ranks) {
  check_spaces(job);
  const auto guest = std::make_shared<vm::Guest>(vm::load_elf_file(job.guest.program));
  const rv32im::Machine machine(guest, job_max_log_rows(job));
  ProgramJobResult r = dispatch_space(job.spaces.witgen, [&](auto wexec) {
    return dispatch_space(job.spaces.prove, [&](auto pexec) {
      return prove_job<decltype(wexec), decltype(pexec)>(job, machine, metrics, ledger, ranks);
    });
  });
  if (ranks && ranks->rank() != 0) return r;
  r.bytes = serialize(r.proof);
  metrics.add_bytes("proof", r.bytes.size());
  return r;
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
  return parse_file(path, "proof file", uint64_t(1) << 36, rv32im::deserialize_program_proof);
}

rv32im::VerifyingKey read_vk(const std::string& path) {
  return parse_file(path, "verifying key", uint64_t(1) << 20, rv32im::deserialize_vk);
}

}  // namespace kprove
