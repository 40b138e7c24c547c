#include "engine/distributed/mpi/mpi_world.hpp"

#include <mpi.h>

#include <algorithm>
#include <climits>
#include <stdexcept>
#include <string>

#include "engine/distributed/launch.hpp"

namespace kprove {

namespace {

// Point-to-point messages go in pieces MPI's int counts can hold.
constexpr std::size_t kPiece = std::size_t(1) << 30;
constexpr int kSizeTag = 1, kBytesTag = 2;

void check(int rc, const char* call) {
  if (rc != MPI_SUCCESS) {
    char text[MPI_MAX_ERROR_STRING];
    int len = 0;
    MPI_Error_string(rc, text, &len);
    throw std::runtime_error(std::string(call) + " failed: " + std::string(text, len));
  }
}

class MpiWorld final : public Communicator {
 public:
  MpiWorld() {
    check(MPI_Comm_rank(MPI_COMM_WORLD, &rank_), "MPI_Comm_rank");
    check(MPI_Comm_size(MPI_COMM_WORLD, &size_), "MPI_Comm_size");
  }
  int rank() const override { return rank_; }
  int size() const override { return size_; }

  std::vector<RankBytes> all_gather(const RankBytes& mine) override {
    const unsigned long long n = mine.size();
    std::vector<unsigned long long> sizes(size_);
    check(MPI_Allgather(&n, 1, MPI_UNSIGNED_LONG_LONG, sizes.data(), 1,
                        MPI_UNSIGNED_LONG_LONG, MPI_COMM_WORLD),
          "MPI_Allgather");
    std::vector<int> counts(size_), offsets(size_);
    unsigned long long total = 0;
    for (int r = 0; r < size_; ++r) {
      offsets[r] = int(total);
      counts[r] = int(sizes[r]);
      total += sizes[r];
      if (total > INT_MAX)
        throw std::length_error("all_gather: " + std::to_string(total) +
                                " bytes in all, more than one MPI call moves");
    }
    std::vector<uint8_t> flat(total);
    check(MPI_Allgatherv(mine.data(), int(n), MPI_BYTE, flat.data(), counts.data(),
                         offsets.data(), MPI_BYTE, MPI_COMM_WORLD),
          "MPI_Allgatherv");
    std::vector<RankBytes> out(size_);
    for (int r = 0; r < size_; ++r)
      out[r].assign(flat.begin() + offsets[r], flat.begin() + offsets[r] + counts[r]);
    return out;
  }

  std::vector<RankBytes> gather(const RankBytes& mine, int root) override {
    if (rank_ != root) {
      const unsigned long long n = mine.size();
      check(MPI_Send(&n, 1, MPI_UNSIGNED_LONG_LONG, root, kSizeTag, MPI_COMM_WORLD), "MPI_Send");
      for (std::size_t at = 0; at < mine.size(); at += kPiece)
        check(MPI_Send(mine.data() + at, int(std::min(kPiece, mine.size() - at)), MPI_BYTE, root,
                       kBytesTag, MPI_COMM_WORLD),
              "MPI_Send");
      return {};
    }
    std::vector<RankBytes> out(size_);
    out[root] = mine;
    for (int r = 0; r < size_; ++r) {
      if (r == root) continue;
      unsigned long long n = 0;
      check(MPI_Recv(&n, 1, MPI_UNSIGNED_LONG_LONG, r, kSizeTag, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE),
            "MPI_Recv");
      out[r].resize(n);
      for (std::size_t at = 0; at < out[r].size(); at += kPiece)
        check(MPI_Recv(out[r].data() + at, int(std::min(kPiece, out[r].size() - at)), MPI_BYTE,
                       r, kBytesTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE),
              "MPI_Recv");
    }
    return out;
  }

 private:
  int rank_ = 0, size_ = 1;
};

}  // namespace

MpiSession::MpiSession(int& argc, char**& argv) {
  if (!launched_by_mpi()) {
    world_ = std::make_unique<SingleProcess>();
    return;
  }
  int provided = 0;
  check(MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided), "MPI_Init_thread");
  active_ = true;
  if (provided < MPI_THREAD_SERIALIZED) {
    MPI_Finalize();
    throw std::runtime_error("MPI gives threads level " + std::to_string(provided) +
                             ", kprove needs MPI_THREAD_SERIALIZED");
  }
  world_ = std::make_unique<MpiWorld>();
  MPI_Comm local;
  check(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &local),
        "MPI_Comm_split_type");
  MPI_Comm_rank(local, &local_rank_);
  MPI_Comm_size(local, &local_size_);
  MPI_Comm_free(&local);
}

MpiSession::~MpiSession() {
  if (!active_) return;
  if (abort_status_ != 0) MPI_Abort(MPI_COMM_WORLD, abort_status_);
  MPI_Finalize();
}

Communicator& MpiSession::world() { return *world_; }

}  // namespace kprove
