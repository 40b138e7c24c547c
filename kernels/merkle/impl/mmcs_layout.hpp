// Shape bookkeeping shared by the tree builder and the verifier: which matrices are hashed
// together at which layer, validated once.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace kprove::detail {

struct MmcsLayout {
  // A run of matrices of one height, hashed row by row into one digest per row.
  struct Group {
    std::size_t height;
    std::size_t begin, end;  // positions in `order`
  };

  std::vector<std::size_t> order;  // caller indices, tallest first, caller order within a height
  std::vector<Group> groups;       // tallest first; groups[0] forms the bottom layer
  std::size_t max_height = 0;
  int log_max_height = 0;

  // Throws std::invalid_argument unless there is at least one matrix and every height is a
  // power of two.
  static MmcsLayout from_heights(const std::vector<std::size_t>& heights) {
    if (heights.empty()) throw std::invalid_argument("MMCS: no matrices to commit");
    MmcsLayout l;
    for (std::size_t i = 0; i < heights.size(); ++i) {
      const std::size_t h = heights[i];
      if (h == 0 || (h & (h - 1)) != 0)
        throw std::invalid_argument("MMCS: matrix " + std::to_string(i) + " has height " +
                                    std::to_string(h) + ", not a power of two");
      if (h > l.max_height) l.max_height = h;
    }
    while ((std::size_t(1) << l.log_max_height) < l.max_height) ++l.log_max_height;
    // Counting down the powers of two keeps the caller's order within a height.
    for (std::size_t h = l.max_height; h > 0; h >>= 1) {
      const std::size_t begin = l.order.size();
      for (std::size_t i = 0; i < heights.size(); ++i)
        if (heights[i] == h) l.order.push_back(i);
      if (l.order.size() > begin) l.groups.push_back({h, begin, l.order.size()});
    }
    return l;
  }

  // The group injected into the layer of the given length, or nullptr.
  const Group* group_of_height(std::size_t h) const {
    for (const Group& g : groups)
      if (g.height == h) return &g;
    return nullptr;
  }

  // A matrix of this height opens its row (bottom-layer index >> shift(height)).
  int shift(std::size_t height) const {
    int s = 0;
    while ((height << s) < max_height) ++s;
    return s;
  }
};

}  // namespace kprove::detail
