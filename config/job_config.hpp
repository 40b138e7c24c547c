// A job file (YAML) as a typed, validated struct. Kokkos-free: the parser is compiled by g++
// only, and every field here has already been range-checked against this build.
// Defaults below are what a key gets when the job file leaves it out; config/jobs/README.md
// is the reference for the file format.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/space_kind.hpp"
#include "engine/log.hpp"

namespace kprove {

// Every job-file problem: the message is "file:line:column: key.path: what is wrong".
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Execution space per phase; default: openmp when compiled in, else serial.
struct PhaseSpaces {
  SpaceKind witgen;
  SpaceKind commit;
  SpaceKind prove;
};

// A guest program, what `kprove execute` runs. Relative paths are taken from the job file's
// folder.
struct GuestConfig {
  std::string program;                      // RV32IM ELF
  std::vector<std::uint8_t> input;          // the public input (input.file or input.hex)
  std::string input_source = "empty";       // "file PATH", "hex" or "empty", for messages
  std::uint64_t max_cycles = 1ull << 32;    // 1 .. 2^48
  std::uint64_t shard_cycles = 1ull << 20;  // power of two, 2^4 .. 2^26
};
inline constexpr std::uint64_t kMaxInputBytes = 1ull << 30;

// pcs.security: the queries are chosen for this many bits of the regime (engine/pcs/security.hpp).
struct SecurityTarget {
  unsigned bits = 100;               // 1 .. 256
  std::string regime = "provable";  // provable | conjectured
};

struct PcsConfig {
  unsigned rate_bits = 1;  // 1 .. 4 (blowup 2^rate_bits)
  unsigned queries = 100;  // 1 .. 1000; chosen by the engine when `security` is set
  unsigned pow_bits = 16;  // 0 .. 30
  std::optional<SecurityTarget> security;
};

// Bytes; 0 = unlimited. device_budget applies to device memory spaces (CudaSpace),
// host_budget to HostSpace.
struct MemoryConfig {
  std::uint64_t device_budget = 0;
  std::uint64_t host_budget = 0;
};

struct PipelineConfig {
  bool overlap = true;
  unsigned max_inflight_shards = 2;  // 1 .. 16
  // Pass 1 keeps shards' commitments for pass 2 while the budget holds them (a run of many
  // shards then re-executes and recommits only the shards it could not keep).
  bool keep_commitments = true;
};

// Defaults: out/<job>.proof, out/<job>.metrics.json, out/<job>.timeline.json.
struct OutputConfig {
  std::string proof;
  std::string metrics;
  std::string timeline;
};

struct JobConfig {
  std::string job;                   // required, [A-Za-z0-9_-]+
  std::string field = "goldilocks";  // the only field so far
  PhaseSpaces spaces;
  GuestConfig guest;
  PcsConfig pcs;
  MemoryConfig memory;
  PipelineConfig pipeline;
  OutputConfig output;
  log::Level log_level = log::Level::info;
  std::string source;  // file name (or label) the job was read from, for messages
  // "file:line:column" of the keys the job file gives (spaces.*, output.*), for messages about
  // them found after parsing (e.g. an output path that is a directory).
  std::map<std::string, std::string> locations;

  // "file:line:column: key" when the file gives `key`, else "file: key".
  std::string where(const std::string& key) const;
};

// Job files larger than this are refused before they are parsed.
inline constexpr std::uint64_t kMaxJobFileBytes = 1ull << 20;

// Both throw ConfigError; parse_job_file also when the file cannot be read, is not a regular
// file or a pipe, or is larger than kMaxJobFileBytes.
JobConfig parse_job_file(const std::string& path);
// A guest's input file (at most kMaxInputBytes); throws ConfigError naming the path.
std::vector<std::uint8_t> read_input_file(const std::string& path);
JobConfig parse_job_text(const std::string& yaml, const std::string& source_name);

}  // namespace kprove
