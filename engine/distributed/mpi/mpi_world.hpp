// MPI's world as a Communicator (kprove_mpi: g++ only, built when KPROVE_MPI is on). A
// session starts MPI only when the process was launched by an MPI launcher, so a plain
// `kprove run` stays one process without MPI.
#pragma once

#include <memory>

#include "engine/distributed/communicator.hpp"

namespace kprove {

class MpiSession {
 public:
  // Initialises MPI (threads: serialized) when launched by mpirun; does nothing otherwise.
  MpiSession(int& argc, char**& argv);
  // Finalises MPI, or aborts every rank after abort_on_exit().
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  bool active() const { return active_; }
  // The world (of one rank when MPI is not active).
  Communicator& world();
  // This rank's index among the ranks of its host (for its GPU), and their number.
  int local_rank() const { return local_rank_; }
  int local_size() const { return local_size_; }
  // The process ends with an error the other ranks do not know of: MPI_Abort with `status`,
  // not MPI_Finalize, so none of them waits on it.
  void abort_on_exit(int status) { abort_status_ = status; }

 private:
  bool active_ = false;
  int abort_status_ = 0;
  int local_rank_ = 0, local_size_ = 1;
  std::unique_ptr<Communicator> world_;
};

}  // namespace kprove
