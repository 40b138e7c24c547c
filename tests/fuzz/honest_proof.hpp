// The honest proof every verifier fuzz target starts from: a tiny RV32IM program assembled
// here (tests/support/rv32_asm.hpp: sums 15 .. 1 and exits with the sum, 49 cycles) proven
// once at fuzzer start-up on Kokkos::Serial in two shards of at most 31 cycles (8 queries,
// 2 PoW bits); its program proof bytes, its verifying key and its first shard proof kept in
// memory. With KPROVE_FUZZ_SEED_DIR=<dir> each target also writes its honest input there
// (write_seed), so scripts/fuzz seeds its working corpus with bytes of the current format.
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

#include "engine/log.hpp"
#include "engine/rv32im/program_proof.hpp"
#include "engine/rv32im/run_prover.hpp"
#include "tests/support/rv32_asm.hpp"
#include "views/memory_ledger.hpp"

namespace kprove::fuzz {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::uint32_t kMaxLogRows = 5;  // shards of 31 cycles
inline constexpr std::uint32_t kTerms = 15;      // 3 * 15 + 4 = 49 cycles: two shards

inline PcsParams honest_params() {
  PcsParams p;
  p.queries = 8;
  p.pow_bits = 2;
  return p;
}

// a0 = kTerms + .. + 1, then exit(a0).
inline vm::Program honest_program() {
  using test::rv32::Op;
  constexpr std::uint32_t a0 = 10, t0 = 5;
  test::rv32::Asm a;
  a.op(Op::addi, a0, 0, 0, 0).op(Op::addi, t0, 0, 0, std::int32_t(kTerms));
  a.op(Op::add, a0, a0, t0).op(Op::addi, t0, t0, 0, -1).op(Op::bne, 0, t0, 0, -8);
  a.li(17, 93).op(Op::ecall, 0, 0, 0);
  vm::Program p = a.program();
  p.name = "fuzz-honest";
  return p;
}

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
  rv32im::VerifyingKey vk;
  rv32im::ProgramProof proof;
  Bytes file;   // serialize(proof)
  Bytes shard;  // its first shard proof
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
    const rv32im::Machine machine(std::make_shared<vm::Guest>(honest_program()), kMaxLogRows);
    MemoryLedger ledger;
    const Kokkos::Serial serial;
    const auto pre = machine.preprocess(serial, ledger, honest_params());
    out.vk = rv32im::make_vk(machine, pre, honest_params());
    out.proof = rv32im::prove_program(serial, ledger, machine, pre, out.vk, {}, 1000);
    if (out.proof.shards.size() != 2 ||
        out.proof.public_values.exit_code != kTerms * (kTerms + 1) / 2)
      throw std::logic_error("the honest program runs two shards and exits with its sum");
    rv32im::verify_program(out.proof, out.vk);
    out.file = rv32im::serialize(out.proof);
    out.shard = out.proof.shards[0];
    std::fprintf(stderr, "kprove fuzz: honest program proof %zu bytes, shard 0 proof %zu bytes\n",
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
