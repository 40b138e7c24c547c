#include "config/impl/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <vector>

#include "config/job_config.hpp"

namespace kprove::config_detail {
namespace {

const char* type_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null: return "nothing (null)";
    case YAML::NodeType::Sequence: return "a sequence";
    case YAML::NodeType::Map: return "a mapping";
    default: return "a scalar";
  }
}

// Optimal string alignment distance: edits plus adjacent swaps, so "stpes" is 1 from "steps".
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::string expected_list(std::initializer_list<const char*> names) {
  std::string s;
  std::size_t i = 0;
  for (const char* n : names) {
    if (i++) s += i == names.size() ? " or " : ", ";
    s += n;
  }
  return s;
}

// Parses all of `text` as an unsigned decimal; false on anything else (sign, dot, junk).
bool parse_u64(const std::string& text, std::uint64_t& out) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

namespace {
std::string located(const std::string& source, const YAML::Mark& at) {
  // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on ":" + std::to_string(...).
  std::string text = source;
  if (!at.is_null()) {
    text += ':';
    text += std::to_string(at.line + 1);
    text += ':';
    text += std::to_string(at.column + 1);
  }
  return text;
}
}  // namespace

std::string YamlReader::where(const YAML::Node& at) const { return located(source_, at.Mark()); }

void YamlReader::fail(const YAML::Mark& at, const std::string& path, const std::string& msg) const {
  std::string text = located(source_, at);
  text += ": ";
  if (!path.empty()) text += path + ": ";
  throw ConfigError(text + msg);
}

void YamlReader::fail(const YAML::Node& at, const std::string& path, const std::string& msg) const {
  fail(at.Mark(), path, msg);
}

void YamlReader::check_map(const YAML::Node& node, const std::string& path,
                           std::initializer_list<const char*> allowed) const {
  if (node.IsNull()) return;
  if (!node.IsMap()) fail(node, path, std::string("expected a mapping, got ") + type_name(node));
  std::set<std::string> seen;
  for (const auto& kv : node) {
    if (!kv.first.IsScalar()) fail(kv.first, path, "keys must be plain names");
    const std::string key = kv.first.Scalar();
    const std::string key_path = join_path(path, key);
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
      for (const char* a : allowed)
        if (edit_distance(key, a) <= std::max<std::size_t>(1, key.size() / 3))
          fail(kv.first, key_path, std::string("unknown key (did you mean '") + a + "'?)");
      fail(kv.first, key_path, "unknown key; expected one of " + expected_list(allowed));
    }
    if (!seen.insert(key).second) fail(kv.first, key_path, "duplicate key");
  }
}

std::string YamlReader::scalar(const YAML::Node& node, const std::string& path,
                               const char* what) const {
  if (!node.IsScalar())
    fail(node, path, std::string("expected ") + what + ", got " + type_name(node));
  return node.Scalar();
}

std::string YamlReader::string(const YAML::Node& node, const std::string& path) const {
  std::string s = scalar(node, path, "a string");
  if (s.empty()) fail(node, path, "must not be empty");
  return s;
}

std::uint64_t YamlReader::integer(const YAML::Node& node, const std::string& path,
                                  std::uint64_t min, std::uint64_t max) const {
  const std::string text = scalar(node, path, "an integer");
  std::uint64_t v = 0;
  const bool negative = !text.empty() && text[0] == '-' && parse_u64(text.substr(1), v);
  if (!negative && !parse_u64(text, v)) fail(node, path, "expected an integer, got '" + text + "'");
  if (negative || v < min || v > max)
    fail(node, path,
         text + " is out of range (expected " + std::to_string(min) + " .. " + std::to_string(max) +
             ")");
  return v;
}

double YamlReader::non_negative_number(const YAML::Node& node, const std::string& path) const {
  const std::string text = scalar(node, path, "a number");
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    fail(node, path, "expected a number, got '" + text + "'");
  if (v < 0) fail(node, path, "must not be negative, got " + text);
  return v;
}

bool YamlReader::boolean(const YAML::Node& node, const std::string& path) const {
  const std::string text = scalar(node, path, "true or false");
  bool v = false;
  if (!YAML::convert<bool>::decode(node, v))
    fail(node, path, "expected true or false, got '" + text + "'");
  return v;
}

std::uint64_t YamlReader::size_bytes(const YAML::Node& node, const std::string& path) const {
  static const std::pair<const char*, std::uint64_t> units[] = {
      {"B", 1},           {"KB", 1000},        {"MB", 1000000},
      {"GB", 1000000000}, {"KiB", 1ull << 10}, {"MiB", 1ull << 20},
      {"GiB", 1ull << 30}};
  const std::string text = scalar(node, path, "a size");
  const auto digits_end =
      std::find_if(text.begin(), text.end(), [](char c) { return c < '0' || c > '9'; });
  std::string number(text.begin(), digits_end);
  std::string unit(digits_end, text.end());
  unit.erase(0, unit.find_first_not_of(' '));
  std::uint64_t v = 0, scale = unit.empty() ? 1 : 0;
  for (const auto& [name, s] : units)
    if (unit == name) scale = s;
  if (!parse_u64(number, v) || scale == 0)
    fail(node, path,
         "bad size '" + text +
             "' (expected bytes, or an integer with suffix B, KB, MB, GB, KiB, MiB "
             "or GiB)");
  if (v > std::numeric_limits<std::uint64_t>::max() / scale)
    fail(node, path, "size '" + text + "' is too large");
  return v * scale;
}

}  // namespace kprove::config_detail
