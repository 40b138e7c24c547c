#include "engine/jobs/execute_job.hpp"

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <sstream>

#include "engine/vm/program.hpp"

namespace kprove {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string hex_bytes(const std::vector<std::uint8_t>& b, std::size_t limit) {
  std::string s;
  char buf[3];
  for (std::size_t i = 0; i < b.size() && i < limit; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", b[i]);
    s += buf;
  }
  if (b.size() > limit) s += "...";
  return s;
}

bool printable(const std::vector<std::uint8_t>& b) {
  for (std::uint8_t c : b)
    if ((c < 0x20 || c > 0x7e) && c != '\n' && c != '\t') return false;
  return !b.empty();
}

std::string mhz(std::uint64_t cycles, double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MHz", s > 0 ? cycles / s / 1e6 : 0.0);
  return buf;
}

}  // namespace

ExecuteReport run_execute_job(const JobConfig& job, const ExecuteOptions& options) {
  const GuestConfig& g = job.guest;
  auto guest = std::make_shared<const vm::Guest>(vm::load_elf_file(g.program));
  ExecuteReport r;
  auto t0 = std::chrono::steady_clock::now();
  r.execution = vm::execute(*guest, g.input, g.max_cycles);
  r.execute_s = seconds_since(t0);
  if (!options.records) return r;

  auto input = std::make_shared<const std::vector<std::uint8_t>>(g.input);
  t0 = std::chrono::steady_clock::now();
  const vm::ShardPlan plan = vm::plan_shards(guest, input, g.max_cycles, g.shard_cycles);
  r.plan_s = seconds_since(t0);
  r.threads = options.threads ? options.threads : vm::default_record_threads();
  t0 = std::chrono::steady_clock::now();
  std::mutex m;
  vm::record_shards(plan, r.threads, [&](const vm::ShardRecords& s) {
    const std::lock_guard<std::mutex> lock(m);
    r.record_bytes += s.record_bytes();
    s.for_each_chip([&](vm::ChipKind k, const auto& v) {
      r.chip_rows[static_cast<int>(k)] += v.size();
    });
  });
  r.record_s = seconds_since(t0);
  r.shards = plan.num_shards();
  return r;
}

std::string format_execute_report(const JobConfig& job, const ExecuteReport& r) {
  const vm::Execution& e = r.execution;
  std::ostringstream o;
  o << "program " << job.guest.program << " (input: " << job.guest.input_source << ", "
    << job.guest.input.size() << " bytes, " << e.input_read << " read)\n"
    << "cycles: " << e.cycles << "\nexit code: " << e.exit_code << "\noutput: "
    << e.output.size() << " bytes";
  if (!e.output.empty()) o << "\n  hex: " << hex_bytes(e.output, 256);
  if (printable(e.output) && e.output.size() <= 4096)
    o << "\n  text: " << std::string(e.output.begin(), e.output.end());
  o << "\nemulation: " << r.execute_s << " s, " << mhz(e.cycles, r.execute_s) << " (one core)\n";
  if (r.shards) {
    o << "records: " << r.shards << " shard(s) of " << job.guest.shard_cycles
      << " cycles; checkpoint pass " << r.plan_s << " s (" << mhz(e.cycles, r.plan_s)
      << "), records on " << r.threads << " thread(s) " << r.record_s << " s ("
      << mhz(e.cycles, r.record_s) << "), " << r.record_bytes << " bytes\n  rows:";
    for (int k = 0; k < vm::kNumChipKinds; ++k)
      if (r.chip_rows[k]) o << ' ' << vm::to_string(static_cast<vm::ChipKind>(k)) << '=' << r.chip_rows[k];
    o << '\n';
  }
  return o.str();
}

}  // namespace kprove
