// The job-file schema: which keys exist, their types, ranges and defaults.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/impl/yaml_reader.hpp"
#include "config/job_config.hpp"

namespace kprove {

const char* to_string(VmOp op) {
  static const char* const names[kNumVmOps] = {"add", "sub", "and", "or", "xor",
                                               "slt", "mul", "lw",  "sw"};
  return names[static_cast<std::size_t>(op)];
}

namespace {

using config_detail::join_path;
using config_detail::YamlReader;

// Smallest k with 2^k >= x.
constexpr unsigned ceil_log2(std::uint64_t x) {
  unsigned k = 0;
  while ((std::uint64_t(1) << k) < x) ++k;
  return k;
}

class JobParser {
 public:
  explicit JobParser(const YamlReader& r) : r_(r) {}

  JobConfig parse(const YAML::Node& root) {
    if (!root.IsMap())
      r_.fail(root, "",
              root.IsNull() ? "empty job file (expected a mapping with at least 'job')"
                            : "expected a mapping at the top level");
    r_.check_map(
        root, "",
        {"job", "field", "spaces", "workload", "pcs", "memory", "pipeline", "output", "log"});
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
    c.workload = workload(root["workload"]);
    c.pcs = pcs(root["pcs"]);
    c.memory = memory(root["memory"]);
    c.pipeline = pipeline(root["pipeline"]);
    c.output = output(root["output"], c.job);
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

  Workload workload(const YAML::Node& n) const {
    Workload w;
    if (!n) return w;
    r_.check_map(n, "workload", {"steps", "shard_steps", "seed", "mix"});
    if (auto v = n["steps"]) w.steps = r_.integer(v, "workload.steps", 1, 1ull << 30);
    if (auto v = n["seed"]) w.seed = r_.integer(v, "workload.seed", 0, ~std::uint64_t(0));
    if (auto v = n["mix"]) w.mix = mix(v);
    const std::uint64_t steps_pow2 = std::uint64_t(1) << ceil_log2(w.steps);
    if (auto v = n["shard_steps"]) {
      w.shard_steps = r_.integer(v, "workload.shard_steps", 1ull << 4, 1ull << 26);
      if (w.shard_steps & (w.shard_steps - 1))
        r_.fail(v, "workload.shard_steps",
                std::to_string(w.shard_steps) + " is not a power of two");
      if (w.shard_steps > steps_pow2)
        r_.fail(v, "workload.shard_steps",
                std::to_string(w.shard_steps) +
                    " is larger than steps rounded up to a power of "
                    "two (" +
                    std::to_string(steps_pow2) + ")");
    } else {
      // The default shard size shrinks with small jobs instead of rejecting them.
      w.shard_steps = std::max<std::uint64_t>(16, std::min(w.shard_steps, steps_pow2));
    }
    return w;
  }

  OpMix mix(const YAML::Node& n) const {
    if (!n.IsMap()) r_.fail(n, "workload.mix", "expected a mapping of opcode: weight");
    OpMix m;
    m.weight.fill(0);
    std::initializer_list<const char*> names = {"add", "sub", "and", "or", "xor",
                                                "slt", "mul", "lw",  "sw"};
    r_.check_map(n, "workload.mix", names);
    double total = 0;
    for (std::size_t i = 0; i < kNumVmOps; ++i) {
      const char* name = to_string(static_cast<VmOp>(i));
      if (auto v = n[name])
        total += m.weight[i] = r_.non_negative_number(v, join_path("workload.mix", name));
    }
    if (total == 0) r_.fail(n, "workload.mix", "all weights are zero");
    return m;
  }

  PcsConfig pcs(const YAML::Node& n) const {
    PcsConfig p;
    if (!n) return p;
    r_.check_map(n, "pcs", {"rate_bits", "queries", "pow_bits"});
    if (auto v = n["rate_bits"]) p.rate_bits = unsigned(r_.integer(v, "pcs.rate_bits", 1, 4));
    if (auto v = n["queries"]) p.queries = unsigned(r_.integer(v, "pcs.queries", 1, 1000));
    if (auto v = n["pow_bits"]) p.pow_bits = unsigned(r_.integer(v, "pcs.pow_bits", 0, 30));
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
    r_.check_map(n, "pipeline", {"overlap", "max_inflight_shards"});
    if (auto v = n["overlap"]) p.overlap = r_.boolean(v, "pipeline.overlap");
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
};

}  // namespace

JobConfig parse_job_text(const std::string& yaml, const std::string& source_name) {
  YamlReader reader(source_name);
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    reader.fail(e.mark, "", "invalid YAML: " + e.msg);
  }
  return JobParser(reader).parse(root);
}

JobConfig parse_job_file(const std::string& path) {
  // A directory opens fine and reads as empty; say what is actually wrong.
  if (std::filesystem::is_directory(path)) throw ConfigError(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot open job file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(path + ": cannot read job file");
  return parse_job_text(text.str(), path);
}

}  // namespace kprove
