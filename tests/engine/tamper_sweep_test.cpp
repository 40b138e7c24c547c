// Tamper sweep from the verifier's side: a real program proof of three shards is cut into its
// sections (support/proof_layout.hpp: the header, the public values, the input and output,
// each shard's span, header, commitment, tower, main sumcheck, and the Basefold rounds, roots,
// final message, PoW nonce, opened values and Merkle paths) and a byte is changed at the
// first, middle and last offset of every section; each tampered proof must be rejected with a
// named error (ProofFormatError or VerifyError, naming the shard for shard sections).
// KPROVE_TAMPER_SWEEP=all changes every byte instead (the exhaustive sweep, minutes).
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <memory>

#include "engine/proof/bytes.hpp"
#include "engine/proof/verify_error.hpp"
#include "engine/rv32im/run_prover.hpp"
#include "support/proof_layout.hpp"
#include "support/rv32_every_chip.hpp"

namespace kprove {
namespace {

using Bytes = std::vector<std::uint8_t>;

struct Proved {
  rv32im::VerifyingKey vk;
  Bytes bytes;
};

// The every-chip guest in shards of 2^4 - 1 cycles.
const Proved& proved() {
  static const Proved p = [] {
    const auto& guest = test::rv32::every_chip();
    const rv32im::Machine machine(std::make_shared<vm::Guest>(guest.program), 4);
    PcsParams params;
    params.queries = 3;
    params.pow_bits = 2;
    MemoryLedger ledger;
    const Kokkos::Serial exec;
    const auto pre = machine.preprocess(exec, ledger, params);
    Proved out{rv32im::make_vk(machine, pre, params), {}};
    out.bytes = serialize(
        rv32im::prove_program(exec, ledger, machine, pre, out.vk, guest.input, 1000));
    return out;
  }();
  return p;
}

// The error a tampered proof gets, or "" if the verifier accepted it.
std::string verdict(const Bytes& bytes) {
  try {
    rv32im::verify_program(rv32im::deserialize_program_proof(bytes), proved().vk);
  } catch (const ProofFormatError& e) {
    return std::string("format: ") + e.what();
  } catch (const VerifyError& e) {
    return std::string("verify: ") + e.what();
  }
  return "";
}

TEST(TamperSweep, EverySectionOfARealProofIsChecked) {
  const Bytes& honest = proved().bytes;
  ASSERT_EQ(verdict(honest), "");
  ASSERT_GE(rv32im::deserialize_program_proof(honest).shards.size(), 3u);

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
      const std::string v = verdict(bad);
      ++tried;
      ASSERT_NE(v, "") << s.name << ": byte " << at << " changed and the proof still verified";
      ++by_kind[v.substr(0, v.find(':'))];
      // A broken length misframes what follows; a shard's span, heights and commitment enter
      // the run's challenges, so every shard breaks and the verifier names the first: only
      // the other fields name their own shard.
      bool named = s.name.rfind("shard ", 0) == 0;
      for (const char* shared : {"length", "span", "trace heights", "commitment"})
        named = named && s.name.find(shared) == std::string::npos;
      if (named) {
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
