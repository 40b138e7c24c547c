// Tamper sweep from the verifier's side: a real two-shard proof file is cut into its sections
// (support/proof_layout.hpp: the file header, each shard's header, commitment, tower, main
// sumcheck, and the Basefold rounds, roots, final message, PoW nonce, opened values and Merkle
// paths) and a byte is changed at the first, middle and last offset of every section; each
// tampered file must be rejected with a named error (ProofFormatError or VerifyError, naming
// the shard for shard sections). KPROVE_TAMPER_SWEEP=all changes every byte instead (the
// exhaustive sweep, minutes; its result is recorded in perf/RESULTS.md).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "config/job_config.hpp"
#include "engine/jobs/prove_job.hpp"
#include "engine/metrics/metrics.hpp"
#include "engine/proof/bytes.hpp"
#include "engine/verifier/verify_error.hpp"
#include "support/files.hpp"
#include "support/proof_layout.hpp"
#include "views/memory_ledger.hpp"

namespace kprove {
namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<std::uint8_t>;

JobConfig tamper_job() {
  JobConfig job = parse_job_text(
      "job: tamper\nworkload: {steps: 40, shard_steps: 32, seed: 5}\n"
      "pcs: {queries: 3, pow_bits: 2}\nspaces: {witgen: serial, commit: serial, prove: serial}\n"
      "log: {level: warn}\n",
      "tamper.yaml");
  // Per process: ctest runs test processes side by side.
  job.output.proof =
      (fs::path(::testing::TempDir()) / ("tamper." + std::to_string(::getpid()) + ".proof")).string();
  return job;
}

// The error a tampered file gets, or "" if the verifier accepted it.
std::string verdict(const JobConfig& job, const Bytes& file, const fs::path& path) {
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(file.data()), std::streamsize(file.size()));
  Metrics metrics;
  try {
    run_verify_job(job, path.string(), metrics);
  } catch (const ProofFormatError& e) {
    return std::string("format: ") + e.what();
  } catch (const VerifyError& e) {
    return std::string("verify: ") + e.what();
  }
  return "";
}

TEST(TamperSweep, EverySectionOfARealProofIsChecked) {
  const JobConfig job = tamper_job();
  MemoryLedger ledger;
  Metrics metrics;
  run_prove_job(job, metrics, ledger);
  const std::string text = test::read_file(job.output.proof);
  const Bytes honest(text.begin(), text.end());
  const fs::path path =
      fs::path(::testing::TempDir()) / ("tampered." + std::to_string(::getpid()) + ".proof");
  ASSERT_EQ(verdict(job, honest, path), "");

  const auto sections = test::proof_sections(honest);
  std::size_t covered = 0;
  for (const auto& s : sections) covered += s.end - s.begin;
  ASSERT_EQ(covered, honest.size());

  const bool exhaustive = std::getenv("KPROVE_TAMPER_SWEEP") &&
                          std::string(std::getenv("KPROVE_TAMPER_SWEEP")) == "all";
  std::map<std::string, std::size_t> by_kind;
  std::size_t tried = 0;
  for (const auto& s : sections) {
    std::vector<std::size_t> offsets = {s.begin, (s.begin + s.end) / 2, s.end - 1};
    if (exhaustive) {
      offsets.clear();
      for (std::size_t i = s.begin; i < s.end; ++i) offsets.push_back(i);
    }
    for (std::size_t at : offsets) {
      Bytes bad = honest;
      bad[at] ^= static_cast<std::uint8_t>(1u << (at % 8));
      const std::string v = verdict(job, bad, path);
      ++tried;
      ASSERT_NE(v, "") << s.name << ": byte " << at << " changed and the proof still verified";
      ++by_kind[v.substr(0, v.find(':'))];
      // A broken length misframes what follows, so only the other fields name their shard.
      if (s.name.rfind("shard ", 0) == 0 && s.name.find("length") == std::string::npos) {
        const std::string shard = s.name.substr(0, s.name.find(':'));
        EXPECT_NE(v.find(shard), std::string::npos) << s.name << " at " << at << ": " << v;
      }
    }
  }
  std::printf("tamper sweep: %zu sections, %zu of %zu bytes changed, all rejected (%zu format, "
              "%zu verify)\n",
              sections.size(), tried, honest.size(), by_kind["format"], by_kind["verify"]);
}

}  // namespace
}  // namespace kprove
