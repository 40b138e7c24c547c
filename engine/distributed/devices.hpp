// The GPUs a rank can choose from, before Kokkos starts: ranks of one host take GPUs in turn
// (local rank modulo the count), the usual placement of Kokkos applications on clusters.
#pragma once

namespace kprove {

// GPUs the CUDA runtime sees (0 in a build without CUDA, or when none is visible).
int visible_gpus();

}  // namespace kprove
