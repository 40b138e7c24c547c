// Where the tests find the source tree and the kprove executable: the build's own paths by
// default, overridable through the environment for a packed build run on another machine.
#pragma once

#include <cstdlib>
#include <string>

namespace kprove::test {

inline std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}
inline std::string source_dir() { return env_or("KPROVE_SOURCE_DIR", KPROVE_SOURCE_DIR); }
inline std::string cli_path() { return env_or("KPROVE_CLI", KPROVE_CLI); }
// The built guest ELFs (guests/), or "" when this build has none.
#ifdef KPROVE_GUEST_DIR
inline std::string guest_dir() { return env_or("KPROVE_GUEST_DIR", KPROVE_GUEST_DIR); }
#else
inline std::string guest_dir() { return env_or("KPROVE_GUEST_DIR", ""); }
#endif

}  // namespace kprove::test
