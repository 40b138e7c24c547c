#include "engine/version.hpp"

#include <Kokkos_Core.hpp>

namespace kprove {

// KPROVE_VERSION_STRING is set for this file only by engine/CMakeLists.txt.
const char* version() { return KPROVE_VERSION_STRING; }

std::string kokkos_version() {
  // KOKKOS_VERSION is major * 10000 + minor * 100 + patch.
  return std::to_string(KOKKOS_VERSION / 10000) + "." + std::to_string(KOKKOS_VERSION / 100 % 100) +
         "." + std::to_string(KOKKOS_VERSION % 100);
}

}  // namespace kprove
