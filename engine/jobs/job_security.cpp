#include "engine/jobs/job_security.hpp"

#include <algorithm>
#include <cmath>

#include "engine/rv32im/program_proof.hpp"
#include "kernels/field/challenge_field.hpp"

namespace kprove {

ProtocolShape protocol_shape(const ChipList& chips, uint32_t max_log_rows, uint64_t shards) {
  ProtocolShape s;
  s.columns = 0;
  s.constraints = 0;
  s.shards = shards;
  uint32_t max_log = 1;
  for (const chip::Chip* c : chips) {
    s.columns += c->num_columns();
    s.constraints += c->constraints().size();
    s.max_degree = std::max(s.max_degree, c->max_degree());
    // Every row may make each of the chip's interactions.
    const uint32_t log_rows = c->fixed_log_rows().value_or(c->max_log_rows(max_log_rows));
    max_log = std::max(max_log, log_rows);
    s.lookup_leaves += (std::uint64_t(1) << log_rows) * c->interactions().size();
  }
  s.max_log_height = int(max_log);
  return s;
}

uint64_t job_max_shards(const JobConfig& job) {
  const uint64_t full = rv32im::shard_cycles(job_max_log_rows(job));
  const uint64_t cycles = std::min(job.guest.max_cycles, vm::kMaxRecordedCycles);
  return (cycles + full - 1) / full;
}

ProtocolShape protocol_shape(const JobConfig& job) {
  const rv32im::Machine machine(std::make_shared<vm::Guest>(vm::load_elf_file(job.guest.program)),
                                job_max_log_rows(job));
  return protocol_shape(machine.chips(), machine.shape().max_log_rows, job_max_shards(job));
}

uint32_t job_max_log_rows(const JobConfig& job) {
  uint32_t k = 0;
  while ((uint64_t(1) << k) < job.guest.shard_cycles) ++k;
  return k;
}

PcsParams job_pcs_params(const JobConfig& job) {
  PcsParams p;
  p.rate_bits = int(job.pcs.rate_bits);
  p.queries = int(job.pcs.queries);
  p.pow_bits = int(job.pcs.pow_bits);
  if (job.pcs.security) {
    try {
      p.queries = queries_for_target(job.pcs.security->bits, job_regime(job), p,
                                     protocol_shape(job), challenge_field_bits());
    } catch (const SecurityError& e) {
      throw ConfigError(job.source + ": pcs.security: " + e.what());
    }
  }
  p.validate();
  return p;
}

SecurityEstimate job_security(const JobConfig& job) {
  return estimate_security(job_pcs_params(job), protocol_shape(job), challenge_field_bits());
}

SecurityRegime job_regime(const JobConfig& job) {
  return job.pcs.security && job.pcs.security->regime == "conjectured"
             ? SecurityRegime::conjectured
             : SecurityRegime::provable;
}

}  // namespace kprove
