// The honest proof every verifier fuzz target starts from: one small job (one shard, 8
// queries, 2 PoW bits) proven once at fuzzer start-up on Kokkos::Serial, its proof file and its
// shard proof kept in memory. With KPROVE_FUZZ_SEED_DIR=<dir> each target also writes its
// honest input there (write_seed), so scripts/fuzz seeds its working corpus with bytes of the
// current format.
#pragma once

#include <unistd.h>

#include <Kokkos_Core.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/job_config.hpp"
#include "engine/jobs/prove_job.hpp"
#include "engine/log.hpp"
#include "engine/proof/proof_file.hpp"
#include "views/memory_ledger.hpp"

namespace kprove::fuzz {

using Bytes = std::vector<std::uint8_t>;

inline constexpr const char* kJobText =
    "job: fuzz\n"
    "spaces: {witgen: serial, commit: serial, prove: serial}\n"
    "workload: {steps: 200, shard_steps: 256, seed: 7}\n"
    "pcs: {queries: 8, pow_bits: 2}\n";

inline Bytes read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_bytes(const std::string& path, const std::uint8_t* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
  if (!out) throw std::runtime_error("cannot write " + path);
}

// A per-process scratch file (libFuzzer -jobs runs several processes side by side).
inline std::string scratch_path(const char* what) {
  const char* tmp = std::getenv("TMPDIR");
  const std::filesystem::path dir = tmp && *tmp ? tmp : "/tmp";
  return (dir / ("kprove-fuzz-" + std::to_string(::getpid()) + "-" + what)).string();
}

// A scratch file removed when the fuzzer exits normally.
struct ScratchFile {
  explicit ScratchFile(const char* what) : path(scratch_path(what)) {}
  ~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
  std::string path;
};

struct Honest {
  JobConfig job;
  Bytes file;   // the proof file
  Bytes shard;  // its one shard proof
};

inline void init_kokkos() {
  if (Kokkos::is_initialized()) return;
  Kokkos::InitArguments args;
  args.num_threads = 1;
  args.disable_warnings = true;
  Kokkos::initialize(args);
}

inline const Honest& honest() {
  static const Honest h = [] {
    init_kokkos();
    log::set_level(log::Level::warn);
    Honest out;
    out.job = parse_job_text(kJobText, "fuzz.yaml");
    out.job.output.proof = scratch_path("honest.proof");
    Metrics metrics;
    MemoryLedger ledger;
    run_prove_job(out.job, metrics, ledger);
    out.file = read_bytes(out.job.output.proof);
    std::filesystem::remove(out.job.output.proof);
    const ProofFile f = decode_proof_file(out.file, 1);
    if (f.shards.size() != 1) throw std::logic_error("the honest job has one shard");
    out.shard = f.shards[0];
    std::fprintf(stderr, "kprove fuzz: honest proof file %zu bytes, shard proof %zu bytes\n",
                 out.file.size(), out.shard.size());
    return out;
  }();
  return h;
}

// With KPROVE_FUZZ_SEED_DIR set, writes `bytes` there as `name` (a fresh seed input).
inline void write_seed(const char* name, const Bytes& bytes) {
  const char* dir = std::getenv("KPROVE_FUZZ_SEED_DIR");
  if (!dir || !*dir) return;
  std::filesystem::create_directories(dir);
  write_bytes(std::string(dir) + "/" + name, bytes.data(), bytes.size());
}

// A finding: the verifier's answer contradicts what the bytes are.
[[noreturn]] inline void finding(const char* what) {
  std::fprintf(stderr, "kprove fuzz finding: %s\n", what);
  std::abort();
}

}  // namespace kprove::fuzz
