#include "config/space_kind.hpp"

#include <algorithm>
#include <stdexcept>

namespace kprove {

std::string to_string(SpaceKind k) {
  switch (k) {
    case SpaceKind::serial: return "serial";
    case SpaceKind::openmp: return "openmp";
    case SpaceKind::cuda: return "cuda";
  }
  return "unknown";
}

SpaceKind parse_space_kind(const std::string& text) {
  for (SpaceKind k : {SpaceKind::serial, SpaceKind::openmp, SpaceKind::cuda})
    if (to_string(k) == text) return k;
  throw std::invalid_argument("unknown execution space '" + text +
                              "' (expected serial, openmp or cuda)");
}

// KPROVE_HAS_* come from CMake, which reads Kokkos_DEVICES; this file never sees Kokkos.
const std::vector<SpaceKind>& compiled_spaces() {
  static const std::vector<SpaceKind> spaces = {
#if defined(KPROVE_HAS_SERIAL)
      SpaceKind::serial,
#endif
#if defined(KPROVE_HAS_OPENMP)
      SpaceKind::openmp,
#endif
#if defined(KPROVE_HAS_CUDA)
      SpaceKind::cuda,
#endif
  };
  return spaces;
}

bool is_compiled(SpaceKind k) {
  const auto& s = compiled_spaces();
  return std::find(s.begin(), s.end(), k) != s.end();
}

}  // namespace kprove
