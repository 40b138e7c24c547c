#include "engine/rv32im/statement.hpp"

#include <stdexcept>
#include <string>

#include "engine/rv32im/machine.hpp"
#include "engine/transcript/transcript.hpp"
#include "engine/vm/records.hpp"

namespace kprove::rv32im {

namespace {

Digest squeeze(Transcript& t) {
  Digest d;
  for (Felt& x : d.h) x = t.challenge_base();
  return d;
}

std::string_view as_chars(std::span<const uint8_t> b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

}  // namespace

std::vector<Felt> PublicValues::to_felts() const {
  std::vector<Felt> out;
  for (const Digest* d : {&vk, &program, &input, &output})
    out.insert(out.end(), std::begin(d->h), std::end(d->h));
  for (uint64_t v : {uint64_t(exit_code), cycles, input_read, uint64_t(input_eof), shards})
    out.push_back(Felt::from_u64(v));
  return out;
}

Digest bytes_digest(std::string_view domain, std::span<const uint8_t> bytes) {
  Transcript t(domain);
  t.absorb_label(as_chars(bytes));
  return squeeze(t);
}

Digest program_digest(const vm::Program& program) {
  Transcript t("kprove.program.v1");
  t.absorb_size(program.entry);
  t.absorb_size(program.segments.size());
  for (const vm::Segment& s : program.segments) {
    for (uint64_t v : {uint64_t(s.vaddr), uint64_t(s.memsz), uint64_t(s.read),
                       uint64_t(s.write), uint64_t(s.exec)})
      t.absorb_size(v);
    t.absorb_label(as_chars(s.data));
  }
  return squeeze(t);
}

void check_run(const PublicValues& pv, const std::vector<ShardSpan>& spans, uint32_t entry_pc,
               std::span<const uint8_t> input, std::span<const uint8_t> output,
               uint32_t max_log_rows) {
  const auto fail = [](const std::string& why) {
    throw std::invalid_argument("public values: " + why);
  };
  if (bytes_digest(kInputDomain, input) != pv.input) fail("the input digest is not the input's");
  if (bytes_digest(kOutputDomain, output) != pv.output)
    fail("the output digest is not the output's");
  if (pv.input_read > input.size() || (pv.input_eof && pv.input_read != input.size()))
    fail(std::to_string(pv.input_read) + " input bytes read" + (pv.input_eof ? " to the end" : "") +
         " of " + std::to_string(input.size()));
  if (pv.cycles == 0 || pv.cycles > vm::kMaxRecordedCycles)
    fail(std::to_string(pv.cycles) + " cycles, a run has 1 .. 2^30 - 1");
  if (pv.shards != spans.size() || spans.empty())
    fail(std::to_string(spans.size()) + " shards, the public values say " +
         std::to_string(pv.shards));
  const uint64_t full = shard_cycles(max_log_rows);
  uint64_t next = 0;
  for (std::size_t s = 0; s < spans.size(); ++s) {
    const ShardSpan& span = spans[s];
    const std::string which = "shard " + std::to_string(s);
    if (span.first_cycle != next)
      fail(which + " starts at cycle " + std::to_string(span.first_cycle) + ", not " +
           std::to_string(next) + (s == 0 ? "" : " where shard " + std::to_string(s - 1) + " ends"));
    if (s == 0 && span.start_pc != entry_pc) fail("shard 0 does not start at the entry point");
    if (span.cycles == 0 || span.cycles > full)
      fail(which + " runs " + std::to_string(span.cycles) + " cycles, a shard 1 .. " +
           std::to_string(full));
    next += span.cycles;
    if (next > pv.cycles) fail(which + " runs past the run's " + std::to_string(pv.cycles) + " cycles");
  }
  if (next != pv.cycles)
    fail("the shards run " + std::to_string(next) + " of the run's " + std::to_string(pv.cycles) +
         " cycles");
}

ShardStatement shard_statement(const PublicValues& pv, const std::vector<ShardSpan>& spans,
                               std::size_t s, std::span<const uint8_t> input,
                               std::span<const uint8_t> output, uint32_t max_log_rows,
                               const Digest& preprocessed_root, const LogupChallenges& run) {
  using chip::Bus;
  const ShardSpan& span = spans.at(s);
  ShardStatement out;
  out.shard_index = s;
  out.max_log_rows = max_log_rows;
  out.public_values = pv.to_felts();
  for (uint64_t v : {uint64_t(span.start_pc), span.first_cycle, span.cycles})
    out.public_values.push_back(Felt::from_u64(v));
  out.preprocessed_root = preprocessed_root;
  out.run_challenges = run;
  out.run_buses = {Bus::reg, Bus::mem, Bus::stream, Bus::io};
  const Felt one = Felt::one(), minus = -Felt::one();
  const auto f = [](uint64_t v) { return Felt::from_u64(v); };
  const auto state_at = [&](const ShardSpan& x) {
    return std::vector<Felt>{f(x.start_pc), f(4 * (x.first_cycle + 1))};
  };
  out.boundary.push_back({Bus::state, state_at(span), one});
  if (s + 1 < spans.size()) {
    out.boundary.push_back({Bus::state, state_at(spans[s + 1]), minus});
    return out;
  }
  out.boundary.push_back(
      {Bus::halt, {f(pv.exit_code & 0xFFFFu), f(pv.exit_code >> 16), f(4 * (pv.cycles + 1))}, minus});
  out.boundary.push_back({Bus::stream, {f(0), f(0), f(0)}, one});
  out.boundary.push_back({Bus::stream, {f(0), f(pv.input_read), f(pv.input_eof)}, minus});
  out.boundary.push_back({Bus::stream, {f(1), f(0), f(0)}, one});
  out.boundary.push_back({Bus::stream, {f(1), f(output.size()), f(0)}, minus});
  for (uint64_t r = 0; r < pv.input_read; ++r)
    out.boundary.push_back({Bus::io, {f(0), f(r), f(input[r])}, minus});
  for (uint64_t r = 0; r < output.size(); ++r)
    out.boundary.push_back({Bus::io, {f(1), f(r), f(output[r])}, minus});
  return out;
}

LogupChallenges run_challenges(const PublicValues& pv, const std::vector<ShardSpan>& spans,
                               const std::vector<ShardCommitment>& shards) {
  if (shards.size() != spans.size())
    throw std::invalid_argument("run challenges: " + std::to_string(shards.size()) +
                                " commitments for " + std::to_string(spans.size()) + " shards");
  Transcript t("kprove.run.v1");
  const std::vector<Felt> values = pv.to_felts();
  t.absorb(std::span<const Felt>(values));
  t.absorb_size(spans.size());
  for (std::size_t s = 0; s < spans.size(); ++s) {
    for (uint64_t v : {uint64_t(spans[s].start_pc), spans[s].first_cycle, spans[s].cycles})
      t.absorb_size(v);
    t.absorb_size(shards[s].log_rows.size());
    for (uint32_t v : shards[s].log_rows) t.absorb_size(v);
    t.absorb(shards[s].root);
  }
  const Ext alpha = t.challenge_ext();
  return {alpha, t.challenge_ext()};
}

}  // namespace kprove::rv32im
