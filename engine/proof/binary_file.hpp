// Reading a proof or key file: regular files only (a FIFO or a device would block or never
// end), bounded before they are read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kprove {

// The bytes of a regular file of at most max_bytes; throws std::runtime_error naming `what`
// and the path otherwise.
std::vector<uint8_t> read_binary_file(const std::string& path, const std::string& what,
                                      uint64_t max_bytes);

}  // namespace kprove
