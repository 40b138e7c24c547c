// Uses the installed kprove: the job parser, a kernel from the installed headers checked against
// the host, a chip of its own (square_chip.hpp) proven and verified with the shard prover (a
// forged trace rejected), and an RV32IM program of its own, assembled here, proven in several
// shards through the rv32im API (Machine, preprocess, make_vk, prove_program) and verified
// (verify_program), a proof of another exit code rejected.
#include <Kokkos_Core.hpp>
#include <cstdio>
#include <exception>

#include "config/job_config.hpp"
#include "engine/jobs/job_security.hpp"
#include "engine/rv32im/program_proof.hpp"
#include "engine/rv32im/run_prover.hpp"
#include "engine/version.hpp"
#include "kernels/trace/column_sums.hpp"
#include "kernels/witgen/random_trace.hpp"
#include "engine/chip/table_chips.hpp"
#include "engine/prover/shard_prover.hpp"
#include "engine/verifier/shard_verifier.hpp"
#include "square_chip.hpp"

namespace {

// Proves the squares of `xs` (y of row `forge` set to y + 1 when forge >= 0); whether the
// verifier accepts.
template <class Exec>
bool prove_squares(const std::vector<std::uint32_t>& xs, long forge) {
  using namespace kprove;
  using Mem = typename Exec::memory_space;
  MemoryLedger ledger;
  const SquareChip square;
  const chip::U16RangeTable range;
  const ChipList chips = {&square, &range};
  chip::Multiplicities<Mem> mult(Exec(), ledger);
  const auto records = upload_vec<Mem>(Exec(), ledger, "xs", xs);
  chip::ShardTraces<Mem> w;
  w.chips = chips;
  w.traces.push_back(chip::witgen_rows(Exec(), ledger, square,
                                       Kokkos::View<const std::uint32_t*, Mem>(records.view()),
                                       mult.counters(), SquareFill{}));
  w.traces.push_back(range.witgen(Exec(), ledger, mult));
  if (forge >= 0) {
    auto cell = Kokkos::subview(w.traces[0].view(), forge, 2);
    Felt y;
    Kokkos::deep_copy(y, cell);
    Kokkos::deep_copy(cell, y + Felt::one());
  }
  PcsParams params;
  params.queries = 20;
  params.pow_bits = 4;
  ShardStatement statement;
  statement.max_log_rows = 10;
  const ShardProof proof = prove_shard(Exec(), ledger, chips, std::move(w), params, statement, nullptr);
  try {
    verify_shard(proof, chips, statement, params);
    return true;
  } catch (const VerifyError&) {
    return false;
  }
}

// RV32I encodings (the ISA manual's tables).
std::uint32_t i_type(std::uint32_t op, std::uint32_t f3, std::uint32_t rd, std::uint32_t rs1,
                     std::int32_t imm) {
  return (std::uint32_t(imm) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
std::uint32_t addi(std::uint32_t rd, std::uint32_t rs1, std::int32_t imm) {
  return i_type(0x13, 0, rd, rs1, imm);
}
std::uint32_t add(std::uint32_t rd, std::uint32_t rs1, std::uint32_t rs2) {
  return (rs2 << 20) | (rs1 << 15) | (rd << 7) | 0x33;
}
std::uint32_t bne(std::uint32_t rs1, std::uint32_t rs2, std::int32_t off) {
  const std::uint32_t u = std::uint32_t(off);
  return (((u >> 12) & 1) << 31) | (((u >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) |
         (1u << 12) | (((u >> 1) & 0xf) << 8) | (((u >> 11) & 1) << 7) | 0x63;
}

// Sums n, n-1, .., 1 in a0 and exits with the sum (ecall 93): 3 n + 4 cycles.
kprove::vm::Program sum_program(std::int32_t n) {
  constexpr std::uint32_t a0 = 10, a7 = 17, t0 = 5, kText = 0x10000, kData = 0x20000;
  const std::vector<std::uint32_t> code = {
      addi(a0, 0, 0), addi(t0, 0, n),                          // a0 = 0, t0 = n
      add(a0, a0, t0), addi(t0, t0, -1), bne(t0, 0, -8),       // loop: a0 += t0--
      addi(a7, 0, 93), 0x00000073,                             // exit(a0)
  };
  kprove::vm::Program p;
  p.name = "consumer-sum";
  p.entry = kText;
  kprove::vm::Segment text;
  text.vaddr = kText;
  text.memsz = 4 * std::uint32_t(code.size());
  for (std::uint32_t w : code)
    for (int b = 0; b < 4; ++b) text.data.push_back(std::uint8_t(w >> (8 * b)));
  text.read = text.exec = true;
  kprove::vm::Segment data;
  data.vaddr = kData;
  data.memsz = 4096;
  data.read = data.write = true;
  p.segments = {text, data};
  return p;
}

// Proves the sum program for n in shards of 2^5 - 1 cycles and verifies the proof; then
// verifies it with its exit code changed, which must fail. Whether both went as they should.
template <class Exec>
bool prove_program_run(std::int32_t n) {
  using namespace kprove;
  const auto guest = std::make_shared<vm::Guest>(sum_program(n));
  const rv32im::Machine machine(guest, 5);
  PcsParams params;
  params.queries = 20;
  params.pow_bits = 4;
  MemoryLedger ledger;
  const auto pre = machine.preprocess(Exec(), ledger, params);
  const rv32im::VerifyingKey vk = rv32im::make_vk(machine, pre, params);
  const rv32im::ProgramProof proof =
      rv32im::prove_program(Exec(), ledger, machine, pre, vk, {}, 1000);
  const std::uint32_t expected = std::uint32_t(n * (n + 1) / 2);
  bool ok = proof.public_values.exit_code == expected && proof.shards.size() >= 2;
  // What a verifier gets: the bytes, and a key of its own from the program alone.
  const rv32im::VerifyingKey verifier_vk = [&] {
    const rv32im::Machine prover(guest, 5);
    MemoryLedger l;
    return rv32im::make_vk(prover, prover.preprocess(Kokkos::Serial(), l, params), params);
  }();
  try {
    rv32im::verify_program(rv32im::deserialize_program_proof(serialize(proof)), verifier_vk);
  } catch (const std::exception& e) {
    std::printf("program proof rejected: %s\n", e.what());
    ok = false;
  }
  rv32im::ProgramProof forged = proof;
  forged.public_values.exit_code += 1;
  bool forged_accepted = true;
  try {
    rv32im::verify_program(forged, verifier_vk);
  } catch (const std::exception&) {
    forged_accepted = false;
  }
  std::printf("program: exit code %u after %llu cycles in %zu shards, %s; another exit code %s\n",
              proof.public_values.exit_code, (unsigned long long)proof.public_values.cycles,
              proof.shards.size(), ok ? "verified" : "FAILED",
              forged_accepted ? "ACCEPTED" : "rejected");
  return ok && !forged_accepted;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kprove;
  // Every job names a program; the parser only needs the file to exist.
  std::FILE* f = std::fopen("consumer.elf", "w");
  if (f) std::fclose(f);
  const JobConfig job = parse_job_text(
      "job: consumer\nprogram: consumer.elf\nshard_cycles: 32\n"
      "pcs: {queries: 20, pow_bits: 4}\noutput: {proof: consumer.proof}\n",
      "consumer.yaml");
  Kokkos::ScopeGuard kokkos(argc, argv);
  bool ok = job.guest.shard_cycles == 32 && job_max_log_rows(job) == 5;
  {
    using Exec = Kokkos::DefaultExecutionSpace;
    Mat<Felt, Exec::memory_space> m("m", 64, 3);
    fill_random_trace(Exec(), m, 5, 0);
    const auto sums = column_sums(Exec(), m);
    for (std::uint64_t c = 0; c < 3; ++c) {
      Felt host = Felt::zero();
      for (std::uint64_t r = 0; r < 64; ++r) host += random_cell(5, r, c);
      ok = ok && sums[c] == host;
    }
    const std::vector<std::uint32_t> xs = {3, 65535, 0, 12345, 7};
    const bool honest = prove_squares<Exec>(xs, -1), forged = prove_squares<Exec>(xs, 1);
    std::printf("own chip: honest proof %s, forged square %s\n",
                honest ? "verified" : "REJECTED", forged ? "ACCEPTED" : "rejected");
    ok = ok && honest && !forged;
    try {
      ok = prove_program_run<Exec>(20) && ok;
    } catch (const std::exception& e) {
      std::printf("program prove/verify failed: %s\n", e.what());
      ok = false;
    }
    std::printf("kprove %s (Kokkos %s)\n", version(), kokkos_version().c_str());
  }
  std::printf("consumer %s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
