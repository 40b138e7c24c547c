// Collectives that agree on failure. Each rank runs its own work between exchanges; a rank
// whose work throws still takes part in the next exchange, with its error instead of its
// bytes, and every rank then throws RankFailure naming the first failed rank (one rank
// rethrows its own error as it is). So a failure stops the whole job at the next exchange and
// no rank is left waiting in a collective. Every rank calls the same exchanges in one order.
#pragma once

#include <exception>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/distributed/communicator.hpp"

namespace kprove {

class RankFailure : public std::runtime_error {
 public:
  RankFailure(int rank, const std::string& what)
      : std::runtime_error("rank " + std::to_string(rank) + ": " + what), rank_(rank) {}
  int rank() const { return rank_; }

 private:
  int rank_;
};

class Team {
 public:
  explicit Team(Communicator& comm) : comm_(comm) {}
  int rank() const { return comm_.rank(); }
  int size() const { return comm_.size(); }

  // Runs `work` here and gathers every rank's result, in rank order, on every rank.
  std::vector<RankBytes> all_gather(const std::function<RankBytes()>& work);
  // The same, gathered on `root` only (empty elsewhere).
  std::vector<RankBytes> gather(const std::function<RankBytes()>& work, int root);

 private:
  // Shares every rank's error (null: none) and throws RankFailure for the first one.
  void agree(std::exception_ptr error);

  Communicator& comm_;
};

}  // namespace kprove
