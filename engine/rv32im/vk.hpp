// The verifying key of a program: everything a verifier needs besides the proof and the
// public values. Its digest binds the constraint system (every chip's columns, constraints
// and interactions, in proof order), the machine's shape, the PCS parameters, the program
// digest and the preprocessed commitments (program table; program table and memory image for
// the last shard); every proof carries
// it among its public values, so a proof of another program or constraint system fails.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/pcs/params.hpp"
#include "engine/rv32im/machine.hpp"
#include "kernels/hash/sponge.hpp"

namespace kprove::rv32im {

struct VerifyingKey {
  MachineShape shape;
  PcsParams params;
  Digest program;            // program_digest of the ELF
  // Machine::preprocess under params: the roots of a shard's and of the last shard's chips.
  Digest program_root;
  Digest preprocessed_root;

  const Digest& root(bool last_shard) const { return last_shard ? preprocessed_root : program_root; }

  Digest digest() const;
  friend bool operator==(const VerifyingKey&, const VerifyingKey&) = default;
};

// A digest of the chips' definitions (names, column kinds, constraints, interactions).
Digest constraint_system_digest(const ChipList& chips);

// Little-endian: magic "KPVK", u32 version, the shape, the parameters, the three digests.
std::vector<uint8_t> serialize(const VerifyingKey& vk);
// Throws ProofFormatError naming the field that is malformed.
VerifyingKey deserialize_vk(const std::vector<uint8_t>& bytes);

}  // namespace kprove::rv32im
