// Names of the execution spaces a job can choose per phase. Kokkos-free, so the YAML
// front end (compiled without Kokkos) can validate names against this build.
#pragma once

#include <string>
#include <vector>

namespace kprove {

enum class SpaceKind { serial, openmp, cuda };

std::string to_string(SpaceKind k);
// Throws std::invalid_argument naming the text and the accepted names.
SpaceKind parse_space_kind(const std::string& text);
// Spaces compiled into this build, in the order above.
const std::vector<SpaceKind>& compiled_spaces();
bool is_compiled(SpaceKind k);

}  // namespace kprove
