// The ranks a job's shards are spread over (engine/distributed/README.md): the few collectives
// a distributed proof needs, on host bytes. One process is a communicator of one rank; MPI's
// world is another (engine/distributed/mpi/).
#pragma once

#include <cstdint>
#include <vector>

namespace kprove {

using RankBytes = std::vector<uint8_t>;

class Communicator {
 public:
  virtual ~Communicator() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  // Every rank's bytes, in rank order, on every rank. Collective.
  virtual std::vector<RankBytes> all_gather(const RankBytes& mine) = 0;
  // Every rank's bytes, in rank order, on `root`; nothing elsewhere. Collective.
  virtual std::vector<RankBytes> gather(const RankBytes& mine, int root) = 0;
};

class SingleProcess final : public Communicator {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  std::vector<RankBytes> all_gather(const RankBytes& mine) override { return {mine}; }
  std::vector<RankBytes> gather(const RankBytes& mine, int) override { return {mine}; }
};

}  // namespace kprove
