// kprove command-line front end. Exit status: 0 ok, 1 job failed or proof rejected,
// 2 usage or configuration error; every error ends with one "kprove: ..." line on stderr.
#include <Kokkos_Core.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "config/job_config.hpp"
#include "engine/distributed/devices.hpp"
#include "engine/distributed/launch.hpp"
#include "engine/distributed/team.hpp"
#include "engine/jobs/execute_job.hpp"
#include "engine/jobs/job_memory.hpp"
#include "engine/jobs/job_security.hpp"
#include "engine/jobs/output_paths.hpp"
#include "engine/jobs/program_job.hpp"
#include "engine/jobs/run_job.hpp"
#include "engine/log.hpp"
#include "engine/metrics/report.hpp"
#include "engine/proof/bytes.hpp"
#include "engine/proof/verify_error.hpp"
#include "engine/version.hpp"
#ifdef KPROVE_HAVE_MPI
#include "engine/distributed/mpi/mpi_world.hpp"
#endif

namespace kprove {
namespace {

constexpr int kOk = 0, kFailed = 1, kUsage = 2;

// How this process was started: alone, or as one rank of an MPI launch.
struct Launch {
  Communicator* world = nullptr;  // null: one process
  int local_rank = 0, local_size = 1;  // among the ranks of this host
  bool ranked() const { return world && world->size() > 1; }
  bool writes() const { return !world || world->rank() == 0; }
};

const char* const kHelp = R"(usage: kprove <command> [arguments]

commands:
  run JOB.yaml [--log-level L] [--proof PATH] [--metrics PATH] [--timeline PATH]
      Prove the job's guest program's run on its input (the statement: this program, started
      at its entry on this input, runs N cycles and exits with code E having written this
      output) in shards of shard_cycles, pipelined on the spaces the job names (emulate,
      witness, commit_traces, tower, main_constraints, pcs_opening per shard); write the proof.
      Prints the phase table; writes the metrics JSON and the timeline (Chrome trace, open in
      chrome://tracing or ui.perfetto.dev). The options override the job file's log.level
      and output paths. Every output is checked before any work (absent or a regular file,
      distinct from the job file and the other outputs) and replaced only once all are
      written, the proof last (config/jobs/README.md, "Outputs").
      Under mpirun (a build with KPROVE_MPI) the shards are spread over the ranks, one GPU
      each (local rank modulo the GPUs, unless --kokkos-device-id is given) and the host's
      cores shared among its ranks (unless --kokkos-threads or OMP_NUM_THREADS say); rank 0
      writes the proof (the same bytes as one process), the metrics and the timeline.
  verify PROOF (JOB.yaml | --program ELF | --vk FILE) [--min-security-bits N]
         [--security-regime provable|conjectured]
      Check a program proof against the program's verifying key: the job's program under the
      job's parameters, the ELF under the parameters the proof names, or a key file 'kprove
      vk' wrote; print the statement it proves. Exit 1 if it is rejected, or if the
      parameters it is bound to give fewer than N bits in the regime (default provable) for
      its number of shards.
  vk ELF --out PATH [--job JOB.yaml]
      Write the program's verifying key (the job's PCS parameters, else the defaults).
  execute JOB.yaml [--records THREADS] [--program ELF] [--input FILE]
      Run the job's guest program on the RV32IM emulator, without proving: cycles, exit
      code, output (hex, and text where printable) and the emulation rate. --records also
      snapshots every shard boundary and re-executes the shards with execution records on
      THREADS host threads (0: all cores), reporting rows per chip. --program and --input
      override the job file's program and input.
  selfcheck JOB.yaml [--log-level L] [--metrics PATH] [--timeline PATH]
      Backend self-check: every shard's traces of the job's run made on the witgen space,
      moved to the commit space, compared cell by cell with the host's. Writes no proof.
  validate-config JOB.yaml
      Parse and check a job file; print what it asks for.
  version
      kprove and Kokkos versions, execution spaces compiled into this build.
  --help, -h
      This text.

Kokkos options (--kokkos-threads=N, --kokkos-numa=N, --kokkos-device-id=N, ...) and KOKKOS_*
environment variables go to Kokkos. Exit status: 0 ok, 1 job failed or proof rejected,
2 usage or configuration error.
)";

// A mistake in the command line; reported with a pointer to --help.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The words after the command: positionals, and options as --name VALUE or --name=VALUE.
struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
};

Args parse_args(const std::string& command, const std::vector<std::string>& words,
                std::size_t positionals, const std::vector<std::string>& options) {
  Args a;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.rfind("--", 0) != 0 || w == "--") {
      a.positional.push_back(w);
      continue;
    }
    const auto eq = w.find('=');
    const std::string name = w.substr(0, eq);
    if (std::find(options.begin(), options.end(), name) == options.end())
      throw UsageError(command + ": unknown option '" + name + "'");
    if (eq != std::string::npos) {
      a.options[name] = w.substr(eq + 1);
    } else {
      if (i + 1 == words.size()) throw UsageError(command + ": " + name + " needs a value");
      a.options[name] = words[++i];
    }
  }
  if (a.positional.size() != positionals)
    throw UsageError(command + ": expected " + std::to_string(positionals) + " argument(s), got " +
                     std::to_string(a.positional.size()));
  return a;
}

std::string compiled_space_list() {
  std::string s;
  for (SpaceKind k : compiled_spaces()) s += (s.empty() ? "" : ", ") + to_string(k);
  return s;
}

std::string budget(std::uint64_t bytes) { return bytes ? format_bytes(bytes) : "unlimited"; }

// The files a command writes, each named as the user gave it (an option, or the job file's
// located key), for check_output_paths.
std::vector<NamedPath> job_outputs(const JobConfig& job,
                                   const std::map<std::string, std::string>& options,
                                   bool with_proof) {
  std::vector<NamedPath> out;
  auto add = [&](const char* option, const char* key, const std::string& path) {
    out.push_back({options.count(option) ? std::string(option) : job.where(key), path});
  };
  if (with_proof) add("--proof", "output.proof", job.output.proof);
  add("--metrics", "output.metrics", job.output.metrics);
  add("--timeline", "output.timeline", job.output.timeline);
  return out;
}

std::vector<NamedPath> job_inputs(const JobConfig& job) { return {{"the job file", job.source}}; }

// The worst shard's bookings against the prove space's budget, and the tallest shard that fits.
std::string describe(const JobMemory& m) {
  std::string out = "shards of 2^" + std::to_string(m.log_rows) + " rows book at most " +
                    format_bytes(m.peak()) + " of " + m.space + " memory (worst mix: witgen " +
                    format_bytes(m.shard.witgen) + ", proving " +
                    format_bytes(m.shard.witness + m.shard.prove) + "; the last shard " +
                    format_bytes(m.last.peak()) + ")";
  if (m.budget == 0) return out + ", budget unlimited";
  out += m.fits() ? ", within the budget of " : ", OVER the budget of ";
  out += format_bytes(m.budget) + "; the largest shard that fits it: ";
  if (!m.largest_fitting) return out + "none (not even 2^4 rows)";
  return out + "2^" + std::to_string(*m.largest_fitting) + " rows (shard_cycles up to " +
         std::to_string(m.largest_shard_cycles) + ")";
}

int cmd_validate(const std::vector<std::string>& words) {
  const Args a = parse_args("validate-config", words, 1, {});
  const JobConfig j = parse_job_file(a.positional[0]);
  check_output_paths(job_outputs(j, {}, true), job_inputs(j));
  const vm::Program p = vm::load_elf_file(j.guest.program);
  // Everything that can still fail is worked out before the first line: a job is reported
  // either ok or by its error, never both.
  const PcsParams params = job_pcs_params(j);
  const SecurityEstimate security = job_security(j);
  const JobMemory memory = job_memory(j);
  char entry[16];
  std::snprintf(entry, sizeof entry, "0x%08x", p.entry);
  std::cout << j.source << ": ok\n  job " << j.job << ": program " << p.name << " (entry "
            << entry << ", " << p.segments.size() << " segments), input " << j.guest.input.size()
            << " bytes (" << j.guest.input_source << "), max_cycles " << j.guest.max_cycles
            << ", shard_cycles " << j.guest.shard_cycles << " (at most " << job_max_shards(j)
            << " shards)\n  field " << j.field << "\n  spaces: witgen " << to_string(j.spaces.witgen)
            << ", commit " << to_string(j.spaces.commit) << ", prove " << to_string(j.spaces.prove)
            << "\n  pcs: rate_bits " << j.pcs.rate_bits << ", queries " << params.queries
            << (j.pcs.security ? " (for " + std::to_string(j.pcs.security->bits) + " " +
                                     j.pcs.security->regime + " bits)"
                               : std::string())
            << ", pow_bits " << j.pcs.pow_bits << "\n  security: " << security.describe()
            << "\n  memory: device " << budget(j.memory.device_budget) << ", host "
            << budget(j.memory.host_budget) << "\n  " << describe(memory)
            << "\n  pipeline: overlap "
            << (j.pipeline.overlap ? "on" : "off") << ", at most " << j.pipeline.max_inflight_shards
            << " shard(s) in flight\n  output: " << j.output.proof << ", " << j.output.metrics
            << ", " << j.output.timeline << '\n';
  return kOk;
}

// The job file with the command line's overrides applied; sets the log level.
JobConfig job_with_overrides(const std::string& command, const std::vector<std::string>& words,
                             std::vector<std::string> options) {
  const Args a = parse_args(command, words, 1, options);
  JobConfig job = parse_job_file(a.positional[0]);
  for (const auto& [name, value] : a.options) {
    if (name == "--log-level") {
      try {
        job.log_level = log::parse_level(value);
      } catch (const std::invalid_argument& e) {
        throw UsageError(command + ": --log-level: " + std::string(e.what()));
      }
    }
    if (name == "--proof") job.output.proof = value;
    if (name == "--metrics") job.output.metrics = value;
    if (name == "--timeline") job.output.timeline = value;
  }
  // Every output is checked before any work: a bad path never costs a run or a file.
  const bool proof = std::find(options.begin(), options.end(), "--proof") != options.end();
  check_output_paths(job_outputs(job, a.options, proof), job_inputs(job));
  log::set_level(job.log_level);
  log::info("job " + job.job + " from " + job.source + ": program " + job.guest.program +
            ", witgen on " + to_string(job.spaces.witgen) + ", commit on " +
            to_string(job.spaces.commit) + ", prove on " + to_string(job.spaces.prove));
  return job;
}

int cmd_run(const std::vector<std::string>& words, int& kokkos_argc, char** kokkos_argv,
            const Launch& launch) {
  const JobConfig job =
      job_with_overrides("run", words, {"--log-level", "--proof", "--metrics", "--timeline"});
  Kokkos::ScopeGuard kokkos(kokkos_argc, kokkos_argv);
  Metrics metrics;
  if (launch.world) {
    metrics.set_label("ranks", std::to_string(launch.world->size()));
    metrics.set_label("rank", std::to_string(launch.world->rank()));
  }
  const ProgramJobResult r =
      run_program_proving_job(job, metrics, MemoryLedger::global(), launch.world);
  if (!launch.writes()) return kOk;
  write_job_reports(job, metrics, r.bytes);  // the proof is renamed into place last
  std::cout << phase_table(metrics) << "proved: " << describe_statement(r.proof) << "\n  "
            << r.proof.shards.size() << " shard(s), " << format_bytes(r.bytes.size())
            << " of proof -> " << job.output.proof << "\nmetrics: " << job.output.metrics
            << "\ntimeline: " << job.output.timeline << std::endl;
  return kOk;
}

int cmd_selfcheck(const std::vector<std::string>& words, int& kokkos_argc, char** kokkos_argv) {
  const JobConfig job =
      job_with_overrides("selfcheck", words, {"--log-level", "--metrics", "--timeline"});
  Kokkos::ScopeGuard kokkos(kokkos_argc, kokkos_argv);
  Metrics metrics;
  const JobOutcome outcome = run_selfcheck(job, metrics, MemoryLedger::global());
  write_job_reports(job, metrics);
  // Flushed before any error line, so a terminal shows them in order.
  std::cout << phase_table(metrics) << outcome.message << '\n'
            << "metrics: " << job.output.metrics << "\ntimeline: " << job.output.timeline
            << std::endl;
  if (!outcome.ok) {
    for (const std::string& d : outcome.details) log::error(d);
    std::fprintf(stderr, "kprove: %s\n", outcome.message.c_str());
    return kFailed;
  }
  return kOk;
}

// A non-negative integer option value at most `max`; `what` names it in the error.
unsigned parse_uint(const std::string& option, const std::string& text, unsigned long max,
                    const char* what) {
  std::size_t used = 0;
  unsigned long v = 0;
  try {
    v = std::stoul(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || text[0] == '-' || v > max)
    throw UsageError(option + ": '" + text + "' is not " + what + " (0 .. " +
                     std::to_string(max) + ")");
  return static_cast<unsigned>(v);
}

// The regime and the --min-security-bits verdict; false when the parameters fall short.
bool security_enough(const Args& a, const SecurityEstimate& security, SecurityRegime regime) {
  if (auto r = a.options.find("--security-regime"); r != a.options.end()) {
    if (r->second != "provable" && r->second != "conjectured")
      throw UsageError("--security-regime: '" + r->second + "' (expected provable or conjectured)");
    regime = r->second == "provable" ? SecurityRegime::provable : SecurityRegime::conjectured;
  }
  if (auto m = a.options.find("--min-security-bits"); m != a.options.end()) {
    const unsigned min_bits = parse_uint(m->first, m->second, 256, "a number of bits");
    const double bits = security.bits(regime);
    if (bits < min_bits) {
      std::fprintf(stderr, "kprove: proof rejected: its parameters give %.1f %s bits, below "
                   "--min-security-bits %u\n", bits, to_string(regime), min_bits);
      return false;
    }
  }
  return true;
}

// The key a program proof is checked against: the --vk file; the job's program under the job's
// parameters; or the --program ELF under the parameters the proof names (bound by the key's
// digest; --min-security-bits is what holds them to a floor).
rv32im::VerifyingKey verifying_key(const Args& a, const rv32im::ProgramProof& proof) {
  if (a.options.count("--vk")) return read_vk(a.options.at("--vk"));
  if (a.options.count("--program"))
    return program_vk(a.options.at("--program"), proof.params, proof.max_log_rows);
  const JobConfig job = parse_job_file(a.positional[1]);
  return program_vk(job.guest.program, job_pcs_params(job), job_max_log_rows(job));
}

int verify_program_proof(const Args& a, int& kokkos_argc, char** kokkos_argv) {
  const rv32im::ProgramProof proof = read_program_proof(a.positional[0]);
  Kokkos::ScopeGuard kokkos(kokkos_argc, kokkos_argv);
  const rv32im::VerifyingKey vk = verifying_key(a, proof);
  const rv32im::Machine machine(vk.shape);
  const SecurityEstimate security =
      estimate_security(vk.params,
                        protocol_shape(machine.chips(), vk.shape.max_log_rows, proof.shards.size()),
                        challenge_field_bits());
  if (!security_enough(a, security, SecurityRegime::provable)) return kFailed;
  rv32im::verify_program(proof, vk);
  std::cout << "proof " << a.positional[0] << " verified: " << describe_statement(proof) << "\n  ("
            << security.describe() << ")\n";
  return kOk;
}

int cmd_verify(const std::vector<std::string>& words, int& kokkos_argc, char** kokkos_argv) {
  const bool by_key = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w.rfind("--program", 0) == 0 || w.rfind("--vk", 0) == 0;
  });
  const Args a = parse_args("verify", words, by_key ? 1 : 2,
                            {"--min-security-bits", "--security-regime", "--program", "--vk"});
  if (a.options.count("--program") && a.options.count("--vk"))
    throw UsageError("verify: give --program or --vk, not both");
  try {
    return verify_program_proof(a, kokkos_argc, kokkos_argv);
  } catch (const ProofFormatError& e) {
    std::fprintf(stderr, "kprove: proof rejected: %s\n", e.what());
    return kFailed;
  } catch (const VerifyError& e) {
    std::fprintf(stderr, "kprove: proof rejected: %s\n", e.what());
    return kFailed;
  }
}

int cmd_vk(const std::vector<std::string>& words, int& kokkos_argc, char** kokkos_argv) {
  const Args a = parse_args("vk", words, 1, {"--out", "--job"});
  if (!a.options.count("--out")) throw UsageError("vk: --out PATH is required");
  const std::string out = a.options.at("--out");
  const std::optional<JobConfig> job =
      a.options.count("--job") ? std::optional(parse_job_file(a.options.at("--job"))) : std::nullopt;
  const PcsParams params = job ? job_pcs_params(*job) : PcsParams{};
  check_output_paths({{"--out", out}}, {{"the program", a.positional[0]}});
  Kokkos::ScopeGuard kokkos(kokkos_argc, kokkos_argv);
  const rv32im::VerifyingKey vk = program_vk(
      a.positional[0], params, job ? job_max_log_rows(*job) : rv32im::kDefaultMaxLogRows);
  const std::vector<uint8_t> bytes = serialize(vk);
  write_files_atomically({{out, std::string(bytes.begin(), bytes.end())}});
  std::cout << "verifying key of " << a.positional[0] << " (" << params.describe() << ") -> "
            << out << "\n  digest " << hex_digest(vk.digest()) << '\n';
  return kOk;
}

int cmd_execute(const std::vector<std::string>& words) {
  const Args a = parse_args("execute", words, 1, {"--records", "--program", "--input"});
  JobConfig job = parse_job_file(a.positional[0]);
  log::set_level(job.log_level);
  if (auto p = a.options.find("--program"); p != a.options.end()) job.guest.program = p->second;
  if (auto in = a.options.find("--input"); in != a.options.end()) {
    job.guest.input = read_input_file(in->second);
    job.guest.input_source = "file " + in->second;
  }
  ExecuteOptions options;
  if (auto r = a.options.find("--records"); r != a.options.end()) {
    options.records = true;
    options.threads = parse_uint("--records", r->second, 4096, "a thread count");
  }
  const ExecuteReport report = run_execute_job(job, options);
  std::cout << format_execute_report(job, report);
  return kOk;
}

int cmd_version() {
  std::cout << "kprove " << version() << "\nKokkos " << kokkos_version()
            << "\nexecution spaces: " << compiled_space_list() << '\n';
  return kOk;
}

// Kokkos reads its integer options with std::stoi, so --kokkos-threads=abc ended as "job failed:
// stoi": the documented ones are checked here, as usage errors (non-negative integers;
// --kokkos-num-devices=N[,SKIP]).
void check_kokkos_option(const std::string& arg) {
  for (const std::string name : {"--kokkos-threads", "--kokkos-numa", "--kokkos-device-id",
                                 "--kokkos-device", "--kokkos-num-devices"}) {
    if (arg.compare(0, name.size(), name) != 0) continue;
    if (arg.size() > name.size() && arg[name.size()] != '=') continue;  // a longer name
    const std::string value = arg.size() > name.size() ? arg.substr(name.size() + 1) : "";
    const std::size_t groups = name == "--kokkos-num-devices" ? 2 : 1;
    std::size_t group = 1, digits = 0;
    bool ok = !value.empty();
    for (char c : value) {
      if (c >= '0' && c <= '9' && digits < 9) {
        ++digits;
      } else if (c == ',' && digits > 0 && group < groups) {
        ++group;
        digits = 0;
      } else {
        ok = false;
      }
    }
    if (!ok || digits == 0)
      throw UsageError(name + ": '" + value + "' is not a non-negative integer (give " + name +
                       (groups == 2 ? "=N[,SKIP])" : "=N)"));
    return;
  }
}

// Kokkos' own options are split off (and only handed to Kokkos by commands that need it), so
// the commands see only their own words.
int run_cli(int argc, char** argv, const Launch& launch) {
  std::vector<char*> kokkos_args = {argv[0]};
  std::vector<std::string> words;
  bool device_chosen = false, threads_chosen = std::getenv("OMP_NUM_THREADS") != nullptr;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--kokkos-", 0) == 0) {
      check_kokkos_option(arg);
      kokkos_args.push_back(argv[i]);
      for (const char* name : {"--kokkos-device-id", "--kokkos-device", "--kokkos-num-devices"})
        device_chosen = device_chosen || arg.rfind(name, 0) == 0;
      threads_chosen = threads_chosen || arg.rfind("--kokkos-threads", 0) == 0;
    }
    else
      words.push_back(arg);
  }
  if (words.empty()) throw UsageError("no command given");
  const std::string command = words.front();
  words.erase(words.begin());
  if (launched_by_mpi() && command == "run" && !launch.world)
    throw UsageError("run: this kprove was built without MPI (KPROVE_MPI=OFF), so under an MPI "
                     "launcher every rank would prove the whole job; run it as one process");
  if (launch.ranked() && command != "run")
    throw UsageError(command + ": only 'run' spreads over MPI ranks; run '" + command +
                     "' as one process");
  if (launch.ranked()) log::set_source("rank " + std::to_string(launch.world->rank()));
  // Ranks of one host take its GPUs in turn and share its cores (each OpenMP instance would
  // otherwise start a thread per core, and ranks x cores threads spin against each other).
  std::string device_option, threads_option;
  if (launch.ranked() && !device_chosen) {
    if (const int gpus = visible_gpus(); gpus > 0) {
      device_option = "--kokkos-device-id=" + std::to_string(launch.local_rank % gpus);
      kokkos_args.push_back(device_option.data());
    }
  }
  if (launch.ranked() && !threads_chosen) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    threads_option = "--kokkos-threads=" +
                     std::to_string(std::max(1u, cores / unsigned(launch.local_size)));
    kokkos_args.push_back(threads_option.data());
  }
  int kokkos_argc = static_cast<int>(kokkos_args.size());
  kokkos_args.push_back(nullptr);

  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kHelp;
    return kOk;
  }
  if (command == "version" || command == "--version") {
    parse_args(command, words, 0, {});
    return cmd_version();
  }
  if (command == "validate-config") return cmd_validate(words);
  if (command == "verify") return cmd_verify(words, kokkos_argc, kokkos_args.data());
  if (command == "selfcheck") return cmd_selfcheck(words, kokkos_argc, kokkos_args.data());
  if (command == "run") return cmd_run(words, kokkos_argc, kokkos_args.data(), launch);
  if (command == "execute") return cmd_execute(words);
  if (command == "vk") return cmd_vk(words, kokkos_argc, kokkos_args.data());
  throw UsageError("unknown command '" + command + "'");
}

// Runs the command line; returns the exit status. `agreed`: the status is every rank's (a
// success, or a failure every rank was told of).
int run_main(int argc, char** argv, const Launch& launch, bool& agreed) {
  agreed = false;
  // An error of one rank names it (a failure every rank shares names the failed rank).
  const std::string who =
      launch.ranked() ? "rank " + std::to_string(launch.world->rank()) + ": " : "";
  try {
    const int status = run_cli(argc, argv, launch);
    agreed = true;
    return status;
  } catch (const RankFailure& e) {
    agreed = true;  // rank 0 reports it
    if (launch.writes()) std::fprintf(stderr, "kprove: job failed: %s\n", e.what());
    return kFailed;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "kprove: %s%s (see 'kprove --help')\n", who.c_str(), e.what());
    return kUsage;
  } catch (const ConfigError& e) {
    std::fprintf(stderr, "kprove: %s%s\n", who.c_str(), e.what());
    return kUsage;
  } catch (const vm::ElfError& e) {
    std::fprintf(stderr, "kprove: %s%s\n", who.c_str(), e.what());
    return kUsage;
  } catch (const vm::VmError& e) {
    std::fprintf(stderr, "kprove: %sguest stopped: %s\n", who.c_str(), e.what());
    return kFailed;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kprove: %sjob failed: %s\n", who.c_str(), e.what());
    return kFailed;
  }
}

}  // namespace
}  // namespace kprove

int main(int argc, char** argv) {
  using namespace kprove;
  bool agreed = false;
#ifdef KPROVE_HAVE_MPI
  std::optional<MpiSession> mpi;
  try {
    mpi.emplace(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kprove: MPI: %s\n", e.what());
    return kFailed;
  }
  Launch launch;
  if (mpi->active()) launch = {&mpi->world(), mpi->local_rank(), mpi->local_size()};
  const int status = run_main(argc, argv, launch, agreed);
  // An error the other ranks do not share ends them all, rather than leave them waiting.
  if (!agreed && launch.ranked()) mpi->abort_on_exit(status);
  return status;
#else
  return run_main(argc, argv, Launch{}, agreed);
#endif
}
