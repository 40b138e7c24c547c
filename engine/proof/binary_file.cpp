#include "engine/proof/binary_file.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace kprove {

std::vector<uint8_t> read_binary_file(const std::string& path, const std::string& what,
                                      uint64_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
    throw std::runtime_error("cannot read " + what + " '" + path + "': not a regular file");
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes)
    throw std::runtime_error("cannot read " + what + " '" + path + "': " + std::to_string(size) +
                             " bytes, more than a " + what + " has (" +
                             std::to_string(max_bytes) + ")");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + what + " '" + path + "'");
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace kprove
