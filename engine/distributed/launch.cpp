#include "engine/distributed/launch.hpp"

#include <cstdlib>
#include <initializer_list>

namespace kprove {

bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(name)) return true;
  return false;
}

}  // namespace kprove
