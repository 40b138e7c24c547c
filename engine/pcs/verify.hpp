// The Basefold verifier (protocol: basefold.hpp), host code only: what a verifier links.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "engine/pcs/params.hpp"
#include "engine/pcs/proof.hpp"
#include "engine/transcript/transcript.hpp"

namespace kprove {

// Shapes are (rows, cols) per matrix. Throws VerifyError naming the failed check (statement
// shapes, sumcheck rounds, final message, proof of work, Merkle paths, folds).
void basefold_verify(const Digest& root,
                     const std::vector<std::pair<std::size_t, std::size_t>>& shapes,
                     const std::vector<std::vector<Ext>>& points,
                     const std::vector<std::vector<Ext>>& evals, const BasefoldProof& proof,
                     const PcsParams& params, Transcript& transcript);

}  // namespace kprove
