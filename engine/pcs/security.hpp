// Soundness of a shard proof in bits, under the two regimes a user may ask for, from the PCS
// parameters, the shape of what is committed and the size of the challenge field.
//
//   provable     the better of two proven bounds for the Basefold (FRI-style) opening,
//                each a union bound of its commit phase and its query phase:
//                  unique decoding (UDR), delta = (1 - rho) / 2:
//                    commit  (C - 1 + 2 R) n / |E|              (BCIKS20 / eprint 2022/1216 (1))
//                    query   ((1 + rho) / 2)^q 2^-pow
//                  Johnson bound (JBR), delta = 1 - sqrt(rho) (1 + 1/(2m)), best m >= 3:
//                    commit  (C - 1 + 2 R) (m + 1/2)^7 n^2 / (3 rho^1.5 |E|)  (BCIKS20 Thm 1.5)
//                    query   (sqrt(rho) (1 + 1/(2m)))^q 2^-pow
//                with n the codeword length of the tallest matrix, C the committed columns
//                batched into one opening, R the folding rounds, rho = 2^-rate_bits;
//   conjectured  the ethSTARK conjecture (eprint 2021/582, section 5.10.1, eq. (19)):
//                min(q rate_bits + pow, protocol) - 1 (Plonky2 and OpenVM drop the -1).
//                A conjectured target is met by the queries alone, q rate_bits - 1 >= bits:
//                the PoW bits are the safety margin, as in SP1's and Plonky3's default
//                parameters (100 queries at rate 1/2 with 16 PoW bits for their 100 bits).
// Both are capped by the rest of the protocol: the sumchecks (tower, zerocheck, Basefold) and
// the LogUp and batching challenges, a Schwartz-Zippel term each over the challenge field.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "engine/pcs/params.hpp"

namespace kprove {

enum class SecurityRegime { provable, conjectured };
const char* to_string(SecurityRegime r);

// What one shard proof commits and proves, and how many shard proofs a run has (their
// errors add up: one LogUp argument spans the run, each shard's sumchecks and opening are
// union-bounded).
struct ProtocolShape {
  int max_log_height = 0;         // log2 rows of the tallest committed matrix
  std::uint64_t columns = 1;      // committed columns, batched into one opening
  int max_degree = 2;             // highest constraint degree in the zerocheck
  std::uint64_t constraints = 1;  // constraints batched by one challenge
  std::uint64_t lookup_leaves = 0;  // fractions summed by the LogUp tower
  std::uint64_t shards = 1;
};

struct SecurityEstimate {
  double protocol_bits = 0;  // cap from the sumchecks, LogUp and batching
  double udr_commit_bits = 0, udr_query_bits = 0, udr_bits = 0;
  double johnson_commit_bits = 0, johnson_query_bits = 0, johnson_bits = 0;
  int johnson_m = 0;
  double provable_bits = 0;
  double conjectured_bits = 0;

  double bits(SecurityRegime r) const {
    return r == SecurityRegime::provable ? provable_bits : conjectured_bits;
  }
  std::string describe() const;
};

// field_bits = log2 of the challenge field's size.
SecurityEstimate estimate_security(const PcsParams& p, const ProtocolShape& shape,
                                   double field_bits);

class SecurityError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The fewest queries (with p's rate and PoW bits) that reach `bits` in `regime` (conjectured:
// without counting the PoW bits, the margin above); throws
// SecurityError naming the term that caps the estimate when no number of queries does.
int queries_for_target(double bits, SecurityRegime regime, PcsParams p,
                       const ProtocolShape& shape, double field_bits);

}  // namespace kprove
