#include "engine/jobs/prove_job.hpp"

#include <cmath>
#include <mutex>
#include <sstream>

#include "engine/jobs/footprint.hpp"
#include "engine/jobs/job_security.hpp"
#include "engine/jobs/trace_transfer.hpp"
#include "engine/log.hpp"
#include "engine/proof/proof_file.hpp"
#include "engine/prover/shard_prover.hpp"
#include "engine/scheduler/shard_pipeline.hpp"
#include "engine/verifier/shard_verifier.hpp"
#include "engine/workload/generator.hpp"
#include "views/instances.hpp"
#include "views/spaces.hpp"

namespace kprove {
namespace {

// Job weights are relative reals; the generator draws from integer weights (1/1000 steps).
workload::WorkloadConfig to_workload(const Workload& w) {
  workload::WorkloadConfig c;
  c.seed = w.seed;
  c.steps = w.steps;
  c.shard_steps = w.shard_steps;
  for (std::size_t i = 0; i < kNumVmOps; ++i)
    c.mix.weight[i] = uint32_t(std::llround(w.mix.weight[i] * 1000.0));
  c.validate();
  return c;
}

// The commitment's codewords live where the opening runs, so both phases share a space.
void check_spaces(const JobConfig& job) {
  if (job.spaces.commit != job.spaces.prove)
    throw std::invalid_argument("spaces.commit (" + to_string(job.spaces.commit) +
                                ") must equal spaces.prove (" + to_string(job.spaces.prove) +
                                "): the committed codewords are opened where they live");
}

template <class WExec, class PExec>
ProveJobResult prove_all(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger,
                         ProofFile& file) {
  using PMem = typename PExec::memory_space;
  const workload::WorkloadConfig wcfg = to_workload(job.workload);
  const PcsParams params = job_pcs_params(job);
  const chip::ChipSet chips;
  const std::size_t shards = wcfg.num_shards();
  const SecurityEstimate security = job_security(job);
  log::info("security: " + security.describe() + " (" + params.describe() + ")");
  metrics.set_label("security.provable_bits", std::to_string(security.provable_bits));
  metrics.set_label("security.conjectured_bits", std::to_string(security.conjectured_bits));

  // Witgen runs on its own instance (a CUDA stream) so it can overlap proving on the default.
  OwnInstance<WExec> witgen_instance;
  const WExec& wexec = witgen_instance.get();
  const PExec pexec;
  const bool overlap = job.pipeline.overlap && can_overlap<WExec, PExec>();
  if (job.pipeline.overlap && !overlap)
    log::info("pipeline: witgen and prove share one host backend; shards run one after another");

  PipelineOptions opt{overlap, job.pipeline.max_inflight_shards, PMem::name(),
                      bound_to_initial_thread<WExec>()};
  MemoryLedger admission;
  admission.set_budget(PMem::name(), ledger.stats(PMem::name()).budget);

  const std::vector<std::uint64_t> footprints = shard_footprints(job);
  auto footprint = [&](std::size_t i) { return std::size_t(footprints[i]); };
  auto witgen = [&](std::size_t i) {
    PhaseScope scope(metrics, "witness", long(i), job.spaces.witgen, 1);
    auto shard = workload::generate_shard(wexec, ledger, wcfg, i);
    auto traces = chip::witgen_shard(wexec, ledger, chips, shard);
    chip::ShardTraces<PMem> moved{traces.chips, {}};
    for (auto& t : traces.traces)
      moved.traces.push_back(transfer_trace<PMem>(wexec, std::move(t), ledger, metrics));
    wexec.fence();
    return moved;
  };
  auto prove = [&](std::size_t i, chip::ShardTraces<PMem>&& w) {
    ShardProverOptions o;
    o.metrics = &metrics;
    return serialize(prove_shard(pexec, ledger, chips.all(), std::move(w), params,
                                     ShardStatement::for_shard(i, wcfg.shard_steps), nullptr, o));
  };
  file.shards = run_shard_pipeline<chip::ShardTraces<PMem>, std::vector<uint8_t>>(
      shards, admission, opt, footprint, witgen, prove);
  ProveJobResult r;
  r.shards = shards;
  r.overlapped = overlap;
  metrics.set_peak_memory("admission:" + std::string(PMem::name()),
                          admission.stats(PMem::name()).peak);
  return r;
}

}  // namespace

std::vector<std::uint64_t> shard_footprints(const JobConfig& job) {
  const workload::WorkloadConfig wcfg = to_workload(job.workload);
  const PcsParams params = job_pcs_params(job);
  const chip::ChipSet chips;
  std::vector<std::uint64_t> bytes(wcfg.num_shards());
  for (std::size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = shard_footprint(chips, shard_shape(wcfg, i), params);
  return bytes;
}

std::string job_statement(const JobConfig& job) {
  std::ostringstream s;
  s << "kprove.job.v1;field=" << job.field << ";steps=" << job.workload.steps
    << ";shard_steps=" << job.workload.shard_steps << ";seed=" << job.workload.seed << ";mix=";
  for (std::size_t i = 0; i < kNumVmOps; ++i)
    s << std::llround(job.workload.mix.weight[i] * 1000.0) << ',';
  const PcsParams p = job_pcs_params(job);
  s << ";rate_bits=" << p.rate_bits << ";queries=" << p.queries << ";pow_bits=" << p.pow_bits;
  return s.str();
}

ProveJobResult run_prove_job(const JobConfig& job, Metrics& metrics, MemoryLedger& ledger,
                             ProofFile* proof) {
  check_spaces(job);
  ProofFile file;
  file.job_fingerprint = fingerprint(job_statement(job));
  ProveJobResult r = dispatch_space(job.spaces.witgen, [&](auto wexec) {
    return dispatch_space(job.spaces.prove, [&](auto pexec) {
      return prove_all<decltype(wexec), decltype(pexec)>(job, metrics, ledger, file);
    });
  });
  for (const auto& s : file.shards) r.proof_bytes += s.size();
  if (proof)
    *proof = std::move(file);
  else if (!job.output.proof.empty())
    write_proof_file(job.output.proof, file);
  return r;
}

void run_verify_job(const JobConfig& job, const std::string& proof_path, Metrics& metrics) {
  const workload::WorkloadConfig wcfg = to_workload(job.workload);
  const PcsParams params = job_pcs_params(job);
  const ProofFile file = read_proof_file(proof_path, wcfg.num_shards());
  if (file.job_fingerprint != fingerprint(job_statement(job)))
    throw VerifyError("proof file '" + proof_path + "' was made for another job statement");
  if (file.shards.size() != wcfg.num_shards())
    throw VerifyError("proof file has " + std::to_string(file.shards.size()) +
                      " shard proofs, the job has " + std::to_string(wcfg.num_shards()));
  const chip::ChipSet chips;
  for (std::size_t i = 0; i < file.shards.size(); ++i) {
    PhaseScope scope(metrics, "verify", long(i), SpaceKind::serial);
    try {
      const ShardProof proof = deserialize_shard_proof(file.shards[i], params);
      verify_shard(proof, chips.all(), ShardStatement::for_shard(i, wcfg.shard_steps), params);
    } catch (const ProofFormatError& e) {
      throw ProofFormatError("shard " + std::to_string(i) + ": " + e.what());
    } catch (const VerifyError& e) {
      throw VerifyError("shard " + std::to_string(i) + ": " + e.what());
    }
  }
}

}  // namespace kprove
