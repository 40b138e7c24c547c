#include "engine/distributed/mpi/mpi_world.hpp"

#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <stdexcept>
#include <string>
#include <thread>

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

// Waits for `request` without spinning a core (as MPI's blocking calls do): a rank waiting
// at an exchange leaves the host's cores to the ranks of that host still emulating and
// tracing. The pause doubles up to 2 ms, nothing beside a shard's seconds.
void wait(MPI_Request& request, const char* call) {
  std::chrono::microseconds pause(20);
  for (int done = 0;;) {
    check(MPI_Test(&request, &done, MPI_STATUS_IGNORE), call);
    if (done) return;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(2000));
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
    MPI_Request request;
    check(MPI_Iallgather(&n, 1, MPI_UNSIGNED_LONG_LONG, sizes.data(), 1,
                         MPI_UNSIGNED_LONG_LONG, MPI_COMM_WORLD, &request),
          "MPI_Iallgather");
    wait(request, "MPI_Iallgather");
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
    check(MPI_Iallgatherv(mine.data(), int(n), MPI_BYTE, flat.data(), counts.data(),
                          offsets.data(), MPI_BYTE, MPI_COMM_WORLD, &request),
          "MPI_Iallgatherv");
    wait(request, "MPI_Iallgatherv");
    std::vector<RankBytes> out(size_);
    for (int r = 0; r < size_; ++r)
      out[r].assign(flat.begin() + offsets[r], flat.begin() + offsets[r] + counts[r]);
    return out;
  }

  std::vector<RankBytes> gather(const RankBytes& mine, int root) override {
    if (rank_ != root) {
      unsigned long long n = mine.size();
      transfer(&n, sizeof n, root, kSizeTag, false);
      for (std::size_t at = 0; at < mine.size(); at += kPiece)
        transfer(const_cast<uint8_t*>(mine.data()) + at, std::min(kPiece, mine.size() - at),
                 root, kBytesTag, false);
      return {};
    }
    std::vector<RankBytes> out(size_);
    out[root] = mine;
    for (int r = 0; r < size_; ++r) {
      if (r == root) continue;
      unsigned long long n = 0;
      transfer(&n, sizeof n, r, kSizeTag, true);
      out[r].resize(n);
      for (std::size_t at = 0; at < out[r].size(); at += kPiece)
        transfer(out[r].data() + at, std::min(kPiece, out[r].size() - at), r, kBytesTag, true);
    }
    return out;
  }

 private:
  // One message of at most kPiece bytes to or from `peer`.
  static void transfer(void* data, std::size_t bytes, int peer, int tag, bool receive) {
    MPI_Request request;
    const char* call = receive ? "MPI_Irecv" : "MPI_Isend";
    check(receive ? MPI_Irecv(data, int(bytes), MPI_BYTE, peer, tag, MPI_COMM_WORLD, &request)
                  : MPI_Isend(data, int(bytes), MPI_BYTE, peer, tag, MPI_COMM_WORLD, &request),
          call);
    wait(request, call);
  }

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
