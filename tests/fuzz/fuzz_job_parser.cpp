// libFuzzer target: the job-file parser (parse_job_text) on hostile YAML. ConfigError is the
// only clean rejection, and its message must start with the source name (the documented
// "file:line:column: key.path: what" form). An accepted job must satisfy every range the
// parser promises (config/job_config.hpp); anything else (another exception, a crash, a
// sanitizer report, a leak, a hang, unbounded memory) is a finding. Every job names a
// `program`, which must be a readable file: run it in a scratch directory holding guest.elf
// and input.bin (scripts/fuzz does), as `program` and `input.file` name files relative to the
// working directory.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "config/job_config.hpp"

using namespace kprove;

namespace {

[[noreturn]] void finding(const std::string& what) {
  std::fprintf(stderr, "kprove fuzz finding: %s\n", what.c_str());
  std::abort();
}

bool pow2(std::uint64_t x) { return x && !(x & (x - 1)); }

void check(const JobConfig& c) {
  if (c.job.empty()) finding("empty job name accepted");
  if (c.field != "goldilocks") finding("field '" + c.field + "' accepted");
  if (c.guest.program.empty()) finding("job without a program accepted");
  if (c.pcs.rate_bits < 1 || c.pcs.rate_bits > 4 || c.pcs.queries < 1 || c.pcs.queries > 1000 ||
      c.pcs.pow_bits > 30)
    finding("pcs parameters out of range");
  if (c.pcs.security &&
      (c.pcs.security->bits < 1 || c.pcs.security->bits > 256 ||
       (c.pcs.security->regime != "provable" && c.pcs.security->regime != "conjectured")))
    finding("pcs.security out of range");
  if (c.pipeline.max_inflight_shards < 1 || c.pipeline.max_inflight_shards > 16)
    finding("pipeline.max_inflight_shards out of range");
  const GuestConfig& g = c.guest;
  if (g.max_cycles < 1 || g.max_cycles > (1ull << 48)) finding("max_cycles out of range");
  if (!pow2(g.shard_cycles) || g.shard_cycles < 16 || g.shard_cycles > (1ull << 26))
    finding("shard_cycles out of range");
  if (g.input.size() > kMaxInputBytes) finding("input larger than 1 GiB");
  if (c.spaces.commit != c.spaces.prove) finding("spaces.commit other than spaces.prove accepted");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    check(parse_job_text(text, "fuzz.yaml"));
  } catch (const ConfigError& e) {
    if (std::string(e.what()).rfind("fuzz.yaml:", 0) != 0)
      finding(std::string("ConfigError without its location: ") + e.what());
  }
  return 0;
}
