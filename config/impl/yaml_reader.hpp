// Typed, located reads from a yaml-cpp tree: every failure is a ConfigError of the form
// "source:line:col: key.path: message". Internal to the config library (includes yaml-cpp).
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <string>

namespace kprove::config_detail {

class YamlReader {
 public:
  explicit YamlReader(std::string source) : source_(std::move(source)) {}

  const std::string& source() const { return source_; }
  // "source:line:column" of the node ("source" when it has no position).
  std::string where(const YAML::Node& at) const;

  [[noreturn]] void fail(const YAML::Node& at, const std::string& path,
                         const std::string& msg) const;
  [[noreturn]] void fail(const YAML::Mark& at, const std::string& path,
                         const std::string& msg) const;

  // A mapping (null counts as empty) whose keys are unique scalars from `allowed`; an
  // unknown key is reported with a did-you-mean when one allowed key is close.
  void check_map(const YAML::Node& node, const std::string& path,
                 std::initializer_list<const char*> allowed) const;

  // Scalars. `path` names the key in messages; ranges are inclusive.
  std::string string(const YAML::Node& node, const std::string& path) const;
  std::uint64_t integer(const YAML::Node& node, const std::string& path, std::uint64_t min,
                        std::uint64_t max) const;
  double non_negative_number(const YAML::Node& node, const std::string& path) const;
  bool boolean(const YAML::Node& node, const std::string& path) const;
  // Bytes: a plain integer, or an integer with a suffix B, KB, MB, GB, KiB, MiB or GiB.
  std::uint64_t size_bytes(const YAML::Node& node, const std::string& path) const;

 private:
  std::string scalar(const YAML::Node& node, const std::string& path, const char* what) const;
  std::string source_;
};

// "a.b" from "a" and "b"; the top level has an empty path.
std::string join_path(const std::string& parent, const std::string& key);

}  // namespace kprove::config_detail
