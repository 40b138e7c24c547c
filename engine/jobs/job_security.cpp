#include "engine/jobs/job_security.hpp"

#include <algorithm>
#include <cmath>

#include "engine/chip/chip_set.hpp"
#include "kernels/field/challenge_field.hpp"

namespace kprove {

ProtocolShape protocol_shape(const JobConfig& job) {
  const chip::ChipSet chips;
  ProtocolShape s;
  s.columns = 0;
  s.constraints = 0;
  std::uint64_t max_rows = job.workload.shard_steps;
  for (const chip::Chip* c : chips.all()) {
    s.columns += c->num_columns();
    s.constraints += c->constraints().size();
    s.max_degree = std::max(s.max_degree, c->max_degree());
  }
  // Every record chip row may make each of its lookups; the tables add one fraction a row.
  chips.for_each_chip([&](const chip::Chip& c) {
    s.lookup_leaves += job.workload.shard_steps * c.interactions().size();
  });
  chips.for_each_table([&](const chip::Chip&) {
    max_rows = std::max<std::uint64_t>(max_rows, chip::kTableRows);
    s.lookup_leaves += chip::kTableRows;
  });
  s.max_log_height = int(std::ceil(std::log2(double(max_rows))));
  return s;
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
