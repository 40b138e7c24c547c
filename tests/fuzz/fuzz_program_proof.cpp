// libFuzzer target: the program proof decoder and the whole verifier (deserialize_program_proof
// + verify_program, as `kprove verify` runs them) on hostile bytes, against the verifying key
// of the honest proof's program (honest_proof.hpp). The only acceptable outcomes are: accept
// the honest bytes, or reject anything else with a ProofFormatError or VerifyError. Any other
// exception, a crash, a sanitizer report, a leak, a hang (-timeout) or an allocation past
// -rss_limit_mb / -malloc_limit_mb is a finding.
#include <algorithm>
#include <cstdint>

#include "engine/proof/bytes.hpp"
#include "engine/proof/verify_error.hpp"
#include "tests/fuzz/honest_proof.hpp"

using namespace kprove;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::write_seed("honest.proof", fuzz::honest().file);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Honest& h = fuzz::honest();
  const fuzz::Bytes bytes(data, data + size);
  bool accepted = false;
  try {
    rv32im::verify_program(rv32im::deserialize_program_proof(bytes), h.vk);
    accepted = true;
  } catch (const ProofFormatError&) {
  } catch (const VerifyError&) {
  }
  const bool is_honest = bytes == h.file;
  if (accepted && !is_honest)
    fuzz::finding("the verifier accepted a program proof that is not the honest one");
  if (!accepted && is_honest) fuzz::finding("the verifier rejected the honest program proof");
  return 0;
}
