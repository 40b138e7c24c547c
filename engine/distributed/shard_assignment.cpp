#include "engine/distributed/shard_assignment.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace kprove {

std::vector<int> assign_shards(const std::vector<uint64_t>& cost, int ranks) {
  if (ranks < 1) throw std::invalid_argument("assign_shards: " + std::to_string(ranks) + " ranks");
  const std::size_t n = cost.size();
  std::vector<int> owner(n, 0);
  if (n == 0) return owner;
  std::vector<uint64_t> load(ranks, 0);
  const auto least = [&] { return int(std::min_element(load.begin(), load.end()) - load.begin()); };
  owner[n - 1] = least();
  load[owner[n - 1]] += cost[n - 1];
  std::vector<std::size_t> order(n - 1);
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
  for (std::size_t s : order) {
    owner[s] = least();
    load[owner[s]] += cost[s];
  }
  return owner;
}

std::vector<std::size_t> shards_of(const std::vector<int>& owner, int rank) {
  std::vector<std::size_t> out;
  for (std::size_t s = 0; s < owner.size(); ++s)
    if (owner[s] == rank) out.push_back(s);
  return out;
}

}  // namespace kprove
