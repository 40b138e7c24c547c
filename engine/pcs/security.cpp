#include "engine/pcs/security.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kprove {

const char* to_string(SecurityRegime r) {
  return r == SecurityRegime::provable ? "provable" : "conjectured";
}

namespace {

constexpr int kMaxQueries = 1000;  // the job file's range

// -log2(2^-a + 2^-b): two error terms under a union bound.
double combine(double a, double b) { return -std::log2(std::exp2(-a) + std::exp2(-b)); }

double fold_rounds(const PcsParams& p, const ProtocolShape& s) {
  return std::max(1, s.max_log_height - p.final_log_size);
}

// Sumcheck rounds of degree d each contribute d / |E|; so do the batching challenges (one
// per batched item) and LogUp's random point (one per fraction).
double protocol_bits(const ProtocolShape& s, double field_bits) {
  const double L = s.max_log_height;
  const double tower = 3.0 * L * (L + 1) / 2;  // layer k: k rounds of degree 3
  const double zerocheck = (s.max_degree + 1) * L;
  const double basefold = 2.0 * L;
  const double batching = double(s.columns) + double(s.constraints);
  const double terms = tower + zerocheck + basefold + batching + double(s.lookup_leaves);
  return field_bits - std::log2(terms) - std::log2(double(s.shards));
}

}  // namespace

SecurityEstimate estimate_security(const PcsParams& p, const ProtocolShape& s,
                                   double field_bits) {
  SecurityEstimate e;
  const double rho = std::exp2(-p.rate_bits);
  const double log_n = s.max_log_height + p.rate_bits;
  const double proximity_terms = double(s.columns) - 1 + 2 * fold_rounds(p, s);
  e.protocol_bits = protocol_bits(s, field_bits);

  const double shards = std::log2(double(s.shards));  // a union bound over the openings
  e.udr_commit_bits = field_bits - log_n - std::log2(proximity_terms) - shards;
  e.udr_query_bits = -p.queries * std::log2((1 + rho) / 2) + p.pow_bits - shards;
  e.udr_bits = combine(e.udr_commit_bits, e.udr_query_bits);

  e.johnson_bits = -1e9;
  for (int m = 3; m <= 256; ++m) {
    const double commit = field_bits - 2 * log_n - std::log2(proximity_terms) -
                          7 * std::log2(m + 0.5) + std::log2(3 * std::pow(rho, 1.5)) - shards;
    const double query =
        -p.queries * std::log2(std::sqrt(rho) * (1 + 1.0 / (2 * m))) + p.pow_bits - shards;
    if (combine(commit, query) > e.johnson_bits) {
      e.johnson_bits = combine(commit, query);
      e.johnson_commit_bits = commit;
      e.johnson_query_bits = query;
      e.johnson_m = m;
    }
  }
  e.provable_bits = combine(std::max(e.udr_bits, e.johnson_bits), e.protocol_bits);
  e.conjectured_bits =
      std::min(double(p.queries) * p.rate_bits + p.pow_bits - shards, e.protocol_bits) - 1;
  return e;
}

std::string SecurityEstimate::describe() const {
  char buf[320];
  std::snprintf(buf, sizeof buf,
                "%.1f provable bits (unique decoding %.1f: commit %.1f, query %.1f; Johnson "
                "m=%d %.1f: commit %.1f, query %.1f; protocol cap %.1f), %.1f conjectured bits",
                provable_bits, udr_bits, udr_commit_bits, udr_query_bits, johnson_m,
                johnson_bits, johnson_commit_bits, johnson_query_bits, protocol_bits,
                conjectured_bits);
  return buf;
}

int queries_for_target(double bits, SecurityRegime regime, PcsParams p,
                       const ProtocolShape& shape, double field_bits) {
  const double margin = regime == SecurityRegime::conjectured ? p.pow_bits : 0;
  for (p.queries = 1; p.queries <= kMaxQueries; ++p.queries)
    if (estimate_security(p, shape, field_bits).bits(regime) >= bits + margin) return p.queries;
  p.queries = kMaxQueries;
  const SecurityEstimate e = estimate_security(p, shape, field_bits);
  char buf[400];
  std::snprintf(buf, sizeof buf,
                "%.0f %s bits are out of reach at rate 2^-%d with %d PoW bits for 2^%d-row "
                "shards: even %d queries give %.1f (commit phase caps unique decoding at "
                "%.1f and the Johnson bound at %.1f, the challenge field caps the protocol at "
                "%.1f) over %llu shard(s); use smaller shards, fewer cycles or a lower target",
                bits, to_string(regime), p.rate_bits, p.pow_bits, shape.max_log_height,
                kMaxQueries, e.bits(regime), e.udr_commit_bits, e.johnson_commit_bits,
                e.protocol_bits, (unsigned long long)shape.shards);
  throw SecurityError(buf);
}

}  // namespace kprove
