// Host verifier for MerkleTree openings (commitment rule: kernels/merkle/merkle_tree.hpp).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/hash/sponge.hpp"
#include "kernels/merkle/impl/mmcs_layout.hpp"
#include "kernels/merkle/opening.hpp"

namespace kprove {

// Recomputes the root from the opened rows and the sibling path of bottom-layer `index`, for
// matrices of the given heights and widths (caller order). Returns false on any mismatch in
// the opening or the index; throws std::invalid_argument only if heights/widths themselves are
// inconsistent (different counts, no matrices, a height that is not a power of two).
template <class H>
bool verify_merkle_opening(const typename H::Digest& root, const std::vector<std::size_t>& heights,
                           const std::vector<std::size_t>& widths, std::size_t index,
                           const MerkleOpeningOf<H>& opening) {
  if (heights.size() != widths.size())
    throw std::invalid_argument("verify_merkle_opening: " + std::to_string(heights.size()) +
                                " heights but " + std::to_string(widths.size()) + " widths");
  const auto layout = detail::MmcsLayout::from_heights(heights);
  if (index >= layout.max_height || opening.rows.size() != heights.size() ||
      opening.siblings.size() != std::size_t(layout.log_max_height))
    return false;
  for (std::size_t i = 0; i < widths.size(); ++i)
    if (opening.rows[i].size() != widths[i]) return false;

  auto hash_group = [&](const detail::MmcsLayout::Group& g) {
    typename H::Sponge sponge;
    for (std::size_t p = g.begin; p < g.end; ++p)
      for (const auto& x : opening.rows[layout.order[p]]) sponge.absorb(x);
    return sponge.finish();
  };
  auto node = hash_group(layout.groups.front());
  for (int l = 0; l < layout.log_max_height; ++l) {
    const auto& sibling = opening.siblings[l];
    node = ((index >> l) & 1) ? H::compress(sibling, node) : H::compress(node, sibling);
    if (const auto* g = layout.group_of_height(layout.max_height >> (l + 1)))
      node = H::compress(node, hash_group(*g));
  }
  return node == root;
}

}  // namespace kprove
