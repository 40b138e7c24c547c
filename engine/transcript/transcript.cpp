#include "engine/transcript/transcript.hpp"

#include <stdexcept>
#include <string>

namespace kprove {

Transcript::Transcript(std::string_view domain_label) {
  for (auto& s : state_) s = Felt::zero();
  absorb_label(domain_label);
}

void Transcript::absorb(Felt x) {
  output_.clear();
  next_output_ = 0;
  input_.push_back(x);
  if (input_.size() == RATE) duplex();
}

void Transcript::absorb(Ext x) {
  for (Felt c : x.c) absorb(c);
}

void Transcript::absorb(std::span<const Felt> xs) {
  for (Felt x : xs) absorb(x);
}

void Transcript::absorb(std::span<const Ext> xs) {
  for (Ext x : xs) absorb(x);
}

void Transcript::absorb(const Digest& d) {
  for (Felt x : d.h) absorb(x);
}

void Transcript::absorb_label(std::string_view label) {
  absorb_size(label.size());
  for (std::size_t i = 0; i < label.size(); i += 7) {
    uint64_t word = 0;
    for (std::size_t b = 0; b < 7 && i + b < label.size(); ++b)
      word |= uint64_t(static_cast<unsigned char>(label[i + b])) << (8 * b);
    absorb(Felt::from_canonical(word));  // < 2^56 < p
  }
}

void Transcript::absorb_size(std::size_t n) {
  if (n >= Felt::P) throw std::invalid_argument("Transcript::absorb_size: value exceeds the field");
  absorb(Felt::from_canonical(n));
}

void Transcript::duplex() {
  for (std::size_t i = 0; i < input_.size(); ++i) state_[i] = input_[i];
  input_.clear();
  Poseidon2Goldilocks12::permute(state_);
  output_.assign(state_, state_ + RATE);
  next_output_ = 0;
}

Felt Transcript::challenge_base() {
  if (!input_.empty() || next_output_ == output_.size()) duplex();
  return output_[next_output_++];
}

Ext Transcript::challenge_ext() {
  const Felt c0 = challenge_base();
  return Ext(c0, challenge_base());
}

std::vector<std::size_t> Transcript::challenge_indices(std::size_t count, int log_range) {
  if (log_range < 0 || log_range > 32)
    throw std::invalid_argument("Transcript::challenge_indices: log_range " +
                                std::to_string(log_range) + " outside [0, 32]");
  const uint64_t mask = (uint64_t(1) << log_range) - 1;
  std::vector<std::size_t> out(count);
  for (auto& i : out) i = std::size_t(challenge_base().value() & mask);
  return out;
}

bool Transcript::check_pow(int bits, uint64_t nonce) {
  if (bits < 0 || bits > 63)
    throw std::invalid_argument("Transcript::check_pow: bits " + std::to_string(bits) +
                                " outside [0, 63]");
  if (nonce >= Felt::P) return false;
  absorb(Felt::from_canonical(nonce));
  return pow_accepts(challenge_base().value(), bits);
}

Transcript::PowTrial Transcript::pow_trial() const {
  // input_ never holds a full block (absorb duplexes it at once), so the nonce lands in the
  // block; absorbing it, or the squeeze after it, permutes that block over state_.
  PowTrial t;
  for (int i = 0; i < WIDTH; ++i) t.state[i] = state_[i];
  for (std::size_t i = 0; i < input_.size(); ++i) t.state[i] = input_[i];
  t.nonce_slot = int(input_.size());
  return t;
}

}  // namespace kprove
