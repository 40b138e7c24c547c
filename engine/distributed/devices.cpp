#include "engine/distributed/devices.hpp"

#include <Kokkos_Core.hpp>

#ifdef KOKKOS_ENABLE_CUDA
#include <cuda_runtime.h>
#endif

namespace kprove {

int visible_gpus() {
#ifdef KOKKOS_ENABLE_CUDA
  int n = 0;
  if (cudaGetDeviceCount(&n) != cudaSuccess) {
    cudaGetLastError();  // a machine without a GPU: clear the error for Kokkos
    return 0;
  }
  return n;
#else
  return 0;
#endif
}

}  // namespace kprove
