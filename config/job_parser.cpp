// The job-file schema: which keys exist, their types, ranges and defaults.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "config/impl/yaml_reader.hpp"
#include "config/job_config.hpp"

namespace kprove {

namespace {

using config_detail::join_path;
using config_detail::YamlReader;

class JobParser {
 public:
  JobParser(const YamlReader& r, bool from_file) : r_(r), from_file_(from_file) {}

  JobConfig parse(const YAML::Node& root) {
    if (!root.IsMap())
      r_.fail(root, "",
              root.IsNull() ? "empty job file (expected a mapping with at least 'job')"
                            : "expected a mapping at the top level");
    r_.check_map(
        root, "",
        {"job", "field", "spaces", "program", "input", "max_cycles", "shard_cycles",
         "pcs", "memory", "pipeline", "output", "log"});
    JobConfig c;
    c.source = r_.source();
    if (!root["job"]) r_.fail(root, "job", "required key missing");
    c.job = job_name(root["job"]);
    if (auto n = root["field"]) {
      c.field = r_.string(n, "field");
      if (c.field != "goldilocks")
        r_.fail(n, "field", "unsupported field '" + c.field + "' (expected goldilocks)");
    }
    c.spaces = spaces(root["spaces"]);
    check_spaces(root["spaces"], c.spaces);
    c.guest = guest(root);
    c.pcs = pcs(root["pcs"]);
    c.memory = memory(root["memory"]);
    c.pipeline = pipeline(root["pipeline"]);
    c.output = output(root["output"], c.job);
    for (const char* section : {"spaces", "output"})
      if (const YAML::Node n = root[section]; n && n.IsMap())
        for (const auto& kv : n)
          c.locations[join_path(section, kv.first.Scalar())] = r_.where(kv.second);
    if (auto log = root["log"]) {
      r_.check_map(log, "log", {"level"});
      if (auto n = log["level"]) c.log_level = log_level(n);
    }
    return c;
  }

 private:
  std::string job_name(const YAML::Node& n) const {
    std::string name = r_.string(n, "job");
    for (char ch : name)
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_' && ch != '-')
        r_.fail(n, "job", "invalid job name '" + name + "' (use letters, digits, '_' and '-')");
    return name;
  }

  SpaceKind space(const YAML::Node& n, const std::string& path) const {
    const std::string text = r_.string(n, path);
    SpaceKind k;
    try {
      k = parse_space_kind(text);
    } catch (const std::invalid_argument& e) {
      r_.fail(n, path, e.what());
    }
    if (!is_compiled(k)) {
      std::string have;
      for (SpaceKind s : compiled_spaces()) have += (have.empty() ? "" : ", ") + to_string(s);
      r_.fail(n, path,
              "execution space '" + text +
                  "' is not compiled into this kprove build (compiled: " + have + ")");
    }
    return k;
  }

  PhaseSpaces spaces(const YAML::Node& n) const {
    const SpaceKind fallback =
        is_compiled(SpaceKind::openmp) ? SpaceKind::openmp : SpaceKind::serial;
    PhaseSpaces s{fallback, fallback, fallback};
    if (!n) return s;
    r_.check_map(n, "spaces", {"witgen", "commit", "prove"});
    if (auto v = n["witgen"]) s.witgen = space(v, "spaces.witgen");
    if (auto v = n["commit"]) s.commit = space(v, "spaces.commit");
    if (auto v = n["prove"]) s.prove = space(v, "spaces.prove");
    return s;
  }

  // The committed codewords are opened where they live: one space for both phases.
  void check_spaces(const YAML::Node& n, const PhaseSpaces& s) const {
    if (s.commit == s.prove) return;
    const bool at_commit = n && n["commit"];
    const std::string msg = "'" + to_string(s.commit) + "' must equal spaces.prove ('" +
                            to_string(s.prove) +
                            "'): the committed codewords are opened where they live";
    if (at_commit) r_.fail(n["commit"], "spaces.commit", msg);
    r_.fail(n["prove"], "spaces.prove",
            "'" + to_string(s.prove) + "' must equal spaces.commit ('" + to_string(s.commit) +
                "', the default): the committed codewords are opened where they live");
  }

  GuestConfig guest(const YAML::Node& root) const {
    if (!root["program"]) r_.fail(root, "program", "required key missing (the guest ELF to prove)");
    GuestConfig g;
    g.program = job_relative(r_.string(root["program"], "program"));
    std::error_code ec;
    if (!std::filesystem::is_regular_file(g.program, ec))
      r_.fail(root["program"], "program", "'" + g.program + "' is not a readable file");
    if (auto n = root["input"]) input(n, g);
    if (auto n = root["max_cycles"]) g.max_cycles = r_.integer(n, "max_cycles", 1, 1ull << 48);
    if (auto n = root["shard_cycles"]) {
      g.shard_cycles = r_.integer(n, "shard_cycles", 1ull << 4, 1ull << 26);
      if (g.shard_cycles & (g.shard_cycles - 1))
        r_.fail(n, "shard_cycles", std::to_string(g.shard_cycles) + " is not a power of two");
    }
    return g;
  }

  void input(const YAML::Node& n, GuestConfig& g) const {
    r_.check_map(n, "input", {"file", "hex"});
    if (n["file"] && n["hex"]) r_.fail(n, "input", "give either 'file' or 'hex', not both");
    if (auto f = n["file"]) {
      const std::string path = job_relative(r_.string(f, "input.file"));
      try {
        g.input = read_input_file(path);
      } catch (const ConfigError& e) {
        r_.fail(f, "input.file", e.what());
      }
      g.input_source = "file " + path;
    } else if (auto h = n["hex"]) {
      const std::string text = r_.string(h, "input.hex");
      if (text.size() % 2) r_.fail(h, "input.hex", "odd number of hex digits");
      if (text.size() / 2 > kMaxInputBytes) r_.fail(h, "input.hex", "larger than 1 GiB");
      for (std::size_t i = 0; i < text.size(); i += 2) {
        const int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
        if (hi < 0 || lo < 0)
          r_.fail(h, "input.hex", "'" + text.substr(hi < 0 ? i : i + 1, 1) + "' at offset " +
                                      std::to_string(hi < 0 ? i : i + 1) + " is not a hex digit");
        g.input.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
      }
      g.input_source = "hex";
    } else {
      r_.fail(n, "input", "expected 'file' or 'hex'");
    }
  }

  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // Paths in a job file are relative to the file's folder (a job read from text: the cwd).
  std::string job_relative(const std::string& path) const {
    if (path.empty() || std::filesystem::path(path).is_absolute() || !from_file_) return path;
    return (std::filesystem::path(r_.source()).parent_path() / path).lexically_normal().string();
  }

  PcsConfig pcs(const YAML::Node& n) const {
    PcsConfig p;
    if (!n) return p;
    r_.check_map(n, "pcs", {"rate_bits", "queries", "pow_bits", "security"});
    if (auto v = n["rate_bits"]) p.rate_bits = unsigned(r_.integer(v, "pcs.rate_bits", 1, 4));
    if (auto v = n["queries"]) p.queries = unsigned(r_.integer(v, "pcs.queries", 1, 1000));
    if (auto v = n["pow_bits"]) p.pow_bits = unsigned(r_.integer(v, "pcs.pow_bits", 0, 30));
    if (auto v = n["security"]) {
      if (n["queries"])
        r_.fail(v, "pcs.security", "give either pcs.queries or pcs.security, not both");
      r_.check_map(v, "pcs.security", {"bits", "regime"});
      SecurityTarget t;
      if (auto b = v["bits"]) t.bits = unsigned(r_.integer(b, "pcs.security.bits", 1, 256));
      if (auto g = v["regime"]) {
        t.regime = r_.string(g, "pcs.security.regime");
        if (t.regime != "provable" && t.regime != "conjectured")
          r_.fail(g, "pcs.security.regime",
                  "unknown regime '" + t.regime + "' (expected provable or conjectured)");
      }
      p.security = t;
    }
    return p;
  }

  MemoryConfig memory(const YAML::Node& n) const {
    MemoryConfig m;
    if (!n) return m;
    r_.check_map(n, "memory", {"device_budget", "host_budget"});
    if (auto v = n["device_budget"]) m.device_budget = r_.size_bytes(v, "memory.device_budget");
    if (auto v = n["host_budget"]) m.host_budget = r_.size_bytes(v, "memory.host_budget");
    return m;
  }

  PipelineConfig pipeline(const YAML::Node& n) const {
    PipelineConfig p;
    if (!n) return p;
    r_.check_map(n, "pipeline", {"overlap", "max_inflight_shards", "keep_commitments"});
    if (auto v = n["overlap"]) p.overlap = r_.boolean(v, "pipeline.overlap");
    if (auto v = n["keep_commitments"])
      p.keep_commitments = r_.boolean(v, "pipeline.keep_commitments");
    if (auto v = n["max_inflight_shards"])
      p.max_inflight_shards = unsigned(r_.integer(v, "pipeline.max_inflight_shards", 1, 16));
    return p;
  }

  OutputConfig output(const YAML::Node& n, const std::string& job) const {
    OutputConfig o{"out/" + job + ".proof", "out/" + job + ".metrics.json",
                   "out/" + job + ".timeline.json"};
    if (!n) return o;
    r_.check_map(n, "output", {"proof", "metrics", "timeline"});
    if (auto v = n["proof"]) o.proof = r_.string(v, "output.proof");
    if (auto v = n["metrics"]) o.metrics = r_.string(v, "output.metrics");
    if (auto v = n["timeline"]) o.timeline = r_.string(v, "output.timeline");
    return o;
  }

  log::Level log_level(const YAML::Node& n) const {
    try {
      return log::parse_level(r_.string(n, "log.level"));
    } catch (const std::invalid_argument& e) {
      r_.fail(n, "log.level", e.what());
    }
  }

  const YamlReader& r_;
  bool from_file_;
};

}  // namespace

namespace {
JobConfig parse(const std::string& yaml, const std::string& source_name, bool from_file) {
  YamlReader reader(source_name);
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    reader.fail(e.mark, "", "invalid YAML: " + e.msg);
  }
  return JobParser(reader, from_file).parse(root);
}
}  // namespace

JobConfig parse_job_text(const std::string& yaml, const std::string& source_name) {
  return parse(yaml, source_name, false);
}

std::vector<std::uint8_t> read_input_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw ConfigError("'" + path + "' is not a readable file");
  if (std::filesystem::file_size(path, ec) > kMaxInputBytes)
    throw ConfigError("'" + path + "' is larger than 1 GiB");
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in),
                                  std::istreambuf_iterator<char>()};
  if (!in && !in.eof()) throw ConfigError("cannot read '" + path + "'");
  return bytes;
}

std::string JobConfig::where(const std::string& key) const {
  const auto at = locations.find(key);
  return (at == locations.end() ? source : at->second) + ": " + key;
}

JobConfig parse_job_file(const std::string& path) {
  // A directory opens fine and reads as empty, a device may never end: say what is wrong.
  // Pipes are read (`kprove run <(...)`), as far as the size cap.
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::directory) throw ConfigError(path + ": is a directory");
  if (fs::exists(st) && st.type() != fs::file_type::regular && st.type() != fs::file_type::fifo)
    throw ConfigError(path + ": is not a regular file (a job file must be one)");
  const std::string too_large = path + ": job file larger than 1 MiB";
  if (st.type() == fs::file_type::regular && fs::file_size(path, ec) > kMaxJobFileBytes)
    throw ConfigError(too_large);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot open job file");
  // At most one byte past the cap, so a file that grows (or a pipe) cannot exhaust memory.
  std::string text(kMaxJobFileBytes + 1, '\0');
  in.read(text.data(), std::streamsize(text.size()));
  if (in.bad()) throw ConfigError(path + ": cannot read job file");
  text.resize(std::size_t(in.gcount()));
  if (text.size() > kMaxJobFileBytes) throw ConfigError(too_large);
  return parse(text, path, true);
}

}  // namespace kprove
