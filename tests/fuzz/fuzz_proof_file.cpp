// libFuzzer target: the proof file decoder and the whole verifier (run_verify_job, as
// `kprove verify` runs it) on a hostile proof file for one fixed small job
// (honest_proof.hpp). Each input is written to a scratch file and verified; the only
// acceptable outcomes are: accept the honest bytes, or reject anything else with a
// ProofFormatError or VerifyError. Any other exception, a crash, a sanitizer report, a leak,
// a hang (-timeout) or an allocation past -rss_limit_mb / -malloc_limit_mb is a finding.
#include <algorithm>
#include <cstdint>

#include "engine/jobs/prove_job.hpp"
#include "engine/metrics/metrics.hpp"
#include "engine/proof/bytes.hpp"
#include "engine/verifier/verify_error.hpp"
#include "tests/fuzz/honest_proof.hpp"

using namespace kprove;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::write_seed("honest.proof", fuzz::honest().file);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Honest& h = fuzz::honest();
  static const fuzz::ScratchFile scratch("input.proof");
  const std::string& path = scratch.path;
  fuzz::write_bytes(path, data, size);
  const bool is_honest = size == h.file.size() && std::equal(data, data + size, h.file.begin());
  bool accepted = false;
  try {
    Metrics metrics;
    run_verify_job(h.job, path, metrics);
    accepted = true;
  } catch (const ProofFormatError&) {
  } catch (const VerifyError&) {
  }
  if (accepted && !is_honest)
    fuzz::finding("the verifier accepted a proof file that is not the honest one");
  if (!accepted && is_honest) fuzz::finding("the verifier rejected the honest proof file");
  return 0;
}
