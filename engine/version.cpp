#include "engine/version.hpp"

namespace kprove {

// KPROVE_VERSION_STRING is set for this file only by engine/CMakeLists.txt.
const char* version() { return KPROVE_VERSION_STRING; }

}  // namespace kprove
