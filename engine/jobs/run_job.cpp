#include "engine/jobs/run_job.hpp"

#include <sys/resource.h>

#include <functional>
#include <set>
#include <sstream>

#include "engine/jobs/output_paths.hpp"
#include "engine/jobs/selfcheck_job.hpp"
#include "engine/metrics/report.hpp"
#include "engine/version.hpp"
#include "views/spaces.hpp"

namespace kprove {
namespace {

// Calls f(name, host_accessible) once per memory space of the compiled execution spaces.
void for_each_memory_space(const std::function<void(const std::string&, bool)>& f) {
  std::set<std::string> seen;
  for (SpaceKind k : compiled_spaces())
    dispatch_space(k, [&](auto exec) {
      using Mem = typename decltype(exec)::memory_space;
      if (seen.insert(Mem::name()).second)
        f(Mem::name(), Kokkos::SpaceAccessibility<Kokkos::HostSpace, Mem>::accessible);
    });
}

void label_run(const JobConfig& job, Metrics& metrics) {
  metrics.set_label("job", job.job);
  metrics.set_label("source", job.source);
  metrics.set_label("field", job.field);
  metrics.set_label("spaces.witgen", to_string(job.spaces.witgen));
  metrics.set_label("spaces.commit", to_string(job.spaces.commit));
  metrics.set_label("spaces.prove", to_string(job.spaces.prove));
  metrics.set_label("program", job.guest.program);
  metrics.set_label("shard_cycles", std::to_string(job.guest.shard_cycles));
  metrics.set_label("kprove_version", version());
  metrics.set_label("kokkos_version", kokkos_version());
}

}  // namespace

void apply_memory_budgets(const MemoryConfig& memory, MemoryLedger& ledger) {
  for_each_memory_space([&](const std::string& name, bool host) {
    ledger.set_budget(name, host ? memory.host_budget : memory.device_budget);
  });
}

void reset_memory_peaks(MemoryLedger& ledger) {
  for_each_memory_space([&](const std::string& name, bool) { ledger.reset_peak(name); });
}

void record_peak_memory(const MemoryLedger& ledger, Metrics& metrics) {
  for_each_memory_space([&](const std::string& name, bool) {
    metrics.set_peak_memory(name, ledger.stats(name).peak);
  });
  // What the ledger does not see (records, checkpoints, the proof): the process's peak
  // resident set, so a long run shows its host memory staying bounded.
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) == 0)
    metrics.set_peak_memory("process_rss", std::uint64_t(usage.ru_maxrss) * 1024);
}

namespace {
// Labels the run and applies the job's budgets; the ledger's peaks count from here.
void begin_run(const JobConfig& job, const char* kind, Metrics& metrics, MemoryLedger& ledger) {
  label_run(job, metrics);
  metrics.set_label("job_kind", kind);
  apply_memory_budgets(job.memory, ledger);
  reset_memory_peaks(ledger);
}
}  // namespace

ProgramJobResult run_program_proving_job(const JobConfig& job, Metrics& metrics,
                                         MemoryLedger& ledger, Communicator* ranks) {
  begin_run(job, "prove", metrics, ledger);
  ProgramJobResult r = run_program_job(job, metrics, ledger, ranks);
  record_peak_memory(ledger, metrics);
  metrics.set_label("cycles", std::to_string(r.proof.public_values.cycles));
  metrics.set_label("shards", std::to_string(r.proof.shards.size()));
  return r;
}

JobOutcome run_selfcheck(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger) {
  begin_run(job, "selfcheck", metrics, ledger);
  const SelfcheckResult r = run_selfcheck_job(job, metrics, ledger);
  record_peak_memory(ledger, metrics);
  metrics.set_label("result", r.ok() ? "passed" : "failed");
  JobOutcome out;
  out.ok = r.ok();
  out.details = r.mismatches;
  out.message = "self-check " + std::string(r.ok() ? "passed" : "FAILED") + ": " +
                std::to_string(r.shards) + " shard(s), " + std::to_string(r.cells) +
                " trace cells from " + to_string(job.spaces.witgen) + " on " +
                to_string(job.spaces.commit) + ", " + std::to_string(r.mismatches.size()) +
                " mismatching trace(s)";
  return out;
}

void write_job_reports(const JobConfig& job, const Metrics& metrics,
                       const std::optional<std::vector<uint8_t>>& proof) {
  std::ostringstream m, t;
  write_metrics_json(m, metrics);
  write_timeline_json(t, metrics, "kprove " + job.job);
  std::vector<OutputFile> files = {{job.output.metrics, m.str()}, {job.output.timeline, t.str()}};
  if (proof) files.push_back({job.output.proof, std::string(proof->begin(), proof->end())});
  write_files_atomically(files);  // in order: the proof is renamed last
}

}  // namespace kprove
