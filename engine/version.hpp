// Versions of this build, for `kprove version` and the metrics labels.
#pragma once

#include <string>

namespace kprove {

// The kprove release (the CMake project version).
const char* version();
// The Kokkos this build was compiled against, e.g. "3.4.1".
std::string kokkos_version();

}  // namespace kprove
