#include "engine/rv32im/statement.hpp"

#include <stdexcept>
#include <string>

#include "engine/transcript/transcript.hpp"

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
  for (uint64_t v : {uint64_t(exit_code), cycles, input_read, uint64_t(input_eof)})
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

ShardStatement shard_statement(const PublicValues& pv, uint32_t entry_pc,
                               std::span<const uint8_t> input, std::span<const uint8_t> output,
                               uint32_t max_log_rows, const Digest& preprocessed_root) {
  using chip::Bus;
  if (bytes_digest(kInputDomain, input) != pv.input)
    throw std::invalid_argument("public values: the input digest is not the input's");
  if (bytes_digest(kOutputDomain, output) != pv.output)
    throw std::invalid_argument("public values: the output digest is not the output's");
  if (pv.input_read > input.size() || (pv.input_eof && pv.input_read != input.size()))
    throw std::invalid_argument("public values: " + std::to_string(pv.input_read) +
                                " input bytes read" + (pv.input_eof ? " to the end" : "") +
                                " of " + std::to_string(input.size()));
  if (pv.cycles == 0 || pv.cycles >= (uint64_t(1) << 30))
    throw std::invalid_argument("public values: " + std::to_string(pv.cycles) +
                                " cycles, a shard runs 1 .. 2^30 - 1");
  ShardStatement s;
  s.max_log_rows = max_log_rows;
  s.public_values = pv.to_felts();
  s.preprocessed_root = preprocessed_root;
  const Felt one = Felt::one(), minus = -Felt::one();
  const auto f = [](uint64_t v) { return Felt::from_u64(v); };
  s.boundary.push_back({Bus::state, {f(entry_pc), f(4)}, one});
  s.boundary.push_back(
      {Bus::halt, {f(pv.exit_code & 0xFFFFu), f(pv.exit_code >> 16), f(4 * (pv.cycles + 1))}, minus});
  s.boundary.push_back({Bus::stream, {f(0), f(0), f(0)}, one});
  s.boundary.push_back({Bus::stream, {f(0), f(pv.input_read), f(pv.input_eof)}, minus});
  s.boundary.push_back({Bus::stream, {f(1), f(0), f(0)}, one});
  s.boundary.push_back({Bus::stream, {f(1), f(output.size()), f(0)}, minus});
  for (uint64_t r = 0; r < pv.input_read; ++r)
    s.boundary.push_back({Bus::io, {f(0), f(r), f(input[r])}, minus});
  for (uint64_t r = 0; r < output.size(); ++r)
    s.boundary.push_back({Bus::io, {f(1), f(r), f(output[r])}, minus});
  return s;
}

}  // namespace kprove::rv32im
