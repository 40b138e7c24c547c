#include "engine/vm/emulator.hpp"

#include <pthread.h>
#include <sched.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "engine/vm/impl/machine.hpp"

namespace kprove::vm {

const char* to_string(VmFault f) {
  switch (f) {
    case VmFault::illegal_instruction: return "illegal instruction";
    case VmFault::unsupported_ecall: return "unsupported ecall";
    case VmFault::bad_file_descriptor: return "bad file descriptor";
    case VmFault::misaligned_load: return "misaligned load";
    case VmFault::misaligned_store: return "misaligned store";
    case VmFault::misaligned_jump: return "misaligned jump";
    case VmFault::load_fault: return "load fault";
    case VmFault::store_fault: return "store fault";
    case VmFault::fetch_fault: return "fetch fault";
    case VmFault::output_limit: return "output limit";
    case VmFault::max_cycles: return "max_cycles reached";
  }
  return "fault";
}

namespace {
std::string fault_message(VmFault f, std::uint32_t pc, std::uint32_t insn, std::uint64_t cycle,
                          const std::string& detail) {
  char where[96];
  std::snprintf(where, sizeof where, " at pc 0x%08x (instruction 0x%08x), cycle %llu", pc, insn,
                static_cast<unsigned long long>(cycle));
  return std::string(to_string(f)) + where + ": " + detail;
}
}  // namespace

VmError::VmError(VmFault f, std::uint32_t p, std::uint32_t i, std::uint64_t c,
                 const std::string& detail)
    : std::runtime_error(fault_message(f, p, i, c, detail)), fault(f), pc(p), insn(i), cycle(c) {}

Guest::Guest(Program program) : program_(std::move(program)), image_(initial_image(program_)) {
  for (const Segment& s : program_.segments) {
    if (!s.exec) continue;
    Code c;
    c.base = s.vaddr;
    c.words.assign(s.memsz / 4, 0);
    for (std::size_t i = 0; i < c.words.size(); ++i)
      for (std::size_t b = 0; b < 4 && 4 * i + b < s.data.size(); ++b)
        c.words[i] |= std::uint32_t(s.data[4 * i + b]) << (8 * b);
    c.insns.reserve(c.words.size());
    for (std::uint32_t w : c.words) c.insns.push_back(decode(w));
    code_.push_back(std::move(c));
  }
}

const Guest::Code* Guest::code_at(std::uint32_t pc) const {
  for (const Code& c : code_)
    if (pc >= c.base && (pc - c.base) / 4 < c.insns.size()) return &c;
  return nullptr;
}

namespace {

// Worker threads may use every CPU the process may (the kernel narrows the mask to the
// process's cpuset): with OMP_PROC_BIND, libgomp pins the initial thread to one core before
// main, and threads it starts would inherit that pin and share that core.
void unpin_this_thread() {
  cpu_set_t all;
  CPU_ZERO(&all);
  for (int c = 0; c < CPU_SETSIZE; ++c) CPU_SET(c, &all);
  pthread_setaffinity_np(pthread_self(), sizeof all, &all);
}

MachineState initial_state(const Guest& g) {
  MachineState s;
  s.pc = g.program().entry;
  return s;
}
}  // namespace

Execution execute(const Guest& guest, std::span<const std::uint8_t> input,
                  std::uint64_t max_cycles) {
  detail::Machine m(guest, initial_state(guest), guest.image(), input);
  m.run<detail::Mode::plain>(max_cycles, max_cycles);
  Execution e = std::move(m.result());
  e.cycles = m.state().cycle;
  e.input_read = m.state().input_pos;
  e.input_eof = m.state().input_eof;
  return e;
}

ShardPlan plan_shards(std::shared_ptr<const Guest> guest,
                      std::shared_ptr<const std::vector<std::uint8_t>> input,
                      std::uint64_t max_cycles, std::uint64_t shard_cycles) {
  ShardPlan plan;
  plan.guest = guest;
  plan.input = input;
  plan.shard_cycles = shard_cycles;
  plan.max_cycles = max_cycles;
  detail::Machine m(*guest, initial_state(*guest), guest->image(), *input);
  bool halted = false;
  while (!halted) {
    plan.starts.push_back({m.state(), m.memory().snapshot(), {}});
    m.reset_rows();
    halted = m.run<detail::Mode::tracked>(m.state().cycle + shard_cycles, max_cycles);
    plan.starts.back().rows = m.rows();
    plan.starts.back().io_words = m.io_words();
  }
  plan.execution = std::move(m.result());
  plan.execution.cycles = m.state().cycle;
  plan.execution.input_read = m.state().input_pos;
  plan.execution.input_eof = m.state().input_eof;
  return plan;
}

void record_shard(const ShardPlan& plan, std::size_t s, ShardRecords& out) {
  const Checkpoint& start = plan.starts.at(s);
  out.clear();
  out.for_each_chip([&](ChipKind k, auto& v) { v.reserve(start.rows[static_cast<int>(k)]); });
  detail::Machine m(*plan.guest, start.state, start.memory, *plan.input);
  m.begin_shard(out, static_cast<std::uint32_t>(s), plan.shard_cycles);
  const bool halted =
      m.run<detail::Mode::recorded>(start.state.cycle + plan.shard_cycles, plan.max_cycles);
  m.end_shard(halted);
}

ShardRecords record_shard(const ShardPlan& plan, std::size_t s) {
  ShardRecords out;
  record_shard(plan, s, out);
  return out;
}

unsigned default_record_threads() {
  const long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? unsigned(n) : 1u;
}

void record_shards(const ShardPlan& plan, unsigned threads,
                   const std::function<void(const ShardRecords&)>& consume) {
  if (threads == 0) threads = default_record_threads();
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  auto work = [&] {
    try {
      ShardRecords buffer;
      for (std::size_t s; !failed && (s = next++) < plan.num_shards();) {
        record_shard(plan, s, buffer);
        consume(buffer);
      }
    } catch (...) {
      if (!failed.exchange(true)) error = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<std::size_t>(threads, plan.num_shards()); ++t)
    pool.emplace_back([&] {
      unpin_this_thread();
      work();
    });
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

std::vector<ShardRecords> record_shards(const ShardPlan& plan, unsigned threads) {
  std::vector<ShardRecords> out(plan.num_shards());
  record_shards(plan, threads, [&](const ShardRecords& r) { out[r.shard] = r; });
  return out;
}

std::vector<ShardRecords> record_all(const Guest& guest, std::span<const std::uint8_t> input,
                                     std::uint64_t max_cycles, std::uint64_t shard_cycles,
                                     Execution* execution) {
  detail::Machine m(guest, initial_state(guest), guest.image(), input);
  std::vector<ShardRecords> out;
  bool halted = false;
  while (!halted) {
    out.emplace_back();
    m.begin_shard(out.back(), static_cast<std::uint32_t>(out.size() - 1), shard_cycles);
    halted = m.run<detail::Mode::recorded>(m.state().cycle + shard_cycles, max_cycles);
    m.end_shard(halted);
  }
  if (execution) {
    *execution = std::move(m.result());
    execution->cycles = m.state().cycle;
    execution->input_read = m.state().input_pos;
    execution->input_eof = m.state().input_eof;
  }
  return out;
}

}  // namespace kprove::vm
