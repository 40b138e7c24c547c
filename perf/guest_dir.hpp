// Where the benchmarks find the built guests: $KPROVE_GUEST_DIR, else the build's.
#pragma once

#include <cstdlib>
#include <string>

namespace kprove::bench {

inline std::string guest_dir() {
  const char* env = std::getenv("KPROVE_GUEST_DIR");
  if (env && *env) return env;
#ifdef KPROVE_GUEST_DIR
  return KPROVE_GUEST_DIR;
#else
  return "";
#endif
}

}  // namespace kprove::bench
