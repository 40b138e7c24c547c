#define KPROVE_MACHINE_INSTANCES  // machine.hpp's instances live here
#include "engine/rv32im/machine.hpp"

#include <algorithm>

#include "engine/proof/verify_error.hpp"
#include "engine/prover/footprint.hpp"
#include "engine/vm/memory.hpp"
#include "kernels/bits/bits.hpp"

namespace kprove::rv32im {

namespace {

std::vector<std::unique_ptr<ZeroTable>> make_zero_tables(const std::vector<ZeroRegion>& zero) {
  std::vector<std::unique_ptr<ZeroTable>> out;
  for (std::size_t i = 0; i < zero.size(); ++i) {
    const std::string suffix = i == 0 ? "" : std::to_string(i);
    out.push_back(std::make_unique<ZeroTable>("heap" + suffix, zero[i], ZeroTable::Direction::up));
    out.push_back(
        std::make_unique<ZeroTable>("stack" + suffix, zero[i], ZeroTable::Direction::down));
  }
  return out;
}

// log2 of the rows of a trace holding n: a trace has at least two rows.
uint32_t trace_log_rows(uint64_t n) { return uint32_t(std::max(1, log2_ceil(n))); }

// Whether the word at addr lies in a writable segment's pages (the memory argument's tag).
bool writable(const vm::Program& program, uint32_t addr) {
  constexpr uint64_t kPage = uint64_t(1) << vm::kPageShift;
  for (const vm::Segment& s : program.segments)
    if (addr >= (s.vaddr & ~(kPage - 1)) && addr < ((s.end() + kPage - 1) & ~(kPage - 1)))
      return s.write && !s.exec;
  return false;
}

}  // namespace

Machine::Machine(MachineShape shape) : Machine(std::move(shape), std::nullopt) {}

Machine::Machine(std::shared_ptr<const vm::Guest> guest, uint32_t max_log_rows)
    : Machine(
          [&] {
            if (max_log_rows < 4 || max_log_rows > kMaxMaxLogRows)
              throw std::invalid_argument("shards of 2^" + std::to_string(max_log_rows) +
                                          " rows: the machine takes 2^4 .. 2^" +
                                          std::to_string(kMaxMaxLogRows));
            MemoryLayout layout = memory_layout(guest->program());
            ProgramContent program = program_content(*guest);
            MachineShape shape{max_log_rows, guest->program().entry,
                               trace_log_rows(program.fixed.rows),
                               trace_log_rows(layout.image.size()), layout.zero};
            return std::pair(std::move(shape),
                             Content{std::move(guest), std::move(layout), std::move(program)});
          }()) {}

Machine::Machine(std::pair<MachineShape, Content> made)
    : Machine(std::move(made.first), std::optional<Content>(std::move(made.second))) {}

Machine::Machine(MachineShape shape, std::optional<Content> content)
    : shape_(std::move(shape)),
      content_(std::move(content)),
      program_(shape_.program_log_rows),
      image_(shape_.image_log_rows),
      zero_(make_zero_tables(shape_.zero)) {
  std::apply([&](const auto&... chip) { (list_.push_back(&chip), ...); }, instructions_);
  for (const chip::Chip* c : std::initializer_list<const chip::Chip*>{
           &read_transfer_, &write_transfer_, &u16_range_, &and_byte_, &program_})
    list_.push_back(c);
  shard_list_ = list_;
  list_.push_back(&registers_);
  list_.push_back(&image_);
  for (const auto& z : zero_) list_.push_back(z.get());
}

std::vector<uint32_t> Machine::shard_log_rows(const vm::Checkpoint& start) const {
  std::vector<uint32_t> out;
  for (std::size_t k = 0; k < shard_list_.size(); ++k) {
    if (const auto fixed = shard_list_[k]->fixed_log_rows()) {
      out.push_back(*fixed);
      continue;
    }
    const uint64_t records = k < vm::kNumChipKinds ? start.rows[k]
                                                   : start.io_words[k - vm::kNumChipKinds];
    out.push_back(trace_log_rows(chip::padded_rows(records)));
    // Read and write ecalls move whole buffers in one cycle, so their rows are not bounded by
    // the cycles: the verifier takes no trace above the bound.
    if (out.back() > shape_.max_log_rows)
      throw std::invalid_argument(
          std::string(shard_list_[k]->name()) + " needs 2^" + std::to_string(out.back()) +
          " rows for its " + std::to_string(records) + " records, above the shard's 2^" +
          std::to_string(shape_.max_log_rows) +
          ": raise shard_cycles or move fewer bytes per read/write ecall");
  }
  return out;
}

ShardBytes Machine::footprint(const vm::Checkpoint& start, const PcsParams& params,
                             const FinalMemory* final) const {
  std::optional<std::vector<uint32_t>> memory_tables;
  if (final) memory_tables = zero_log_rows(final->memory);
  return footprint_with(start, params, memory_tables);
}

ShardBytes Machine::footprint_with(const vm::Checkpoint& start, const PcsParams& params,
                                  const std::optional<std::vector<uint32_t>>& zero_rows) const {
  std::vector<uint32_t> log_rows = shard_log_rows(start);
  if (zero_rows) {
    for (const chip::Chip* c : {static_cast<const chip::Chip*>(&registers_),
                                static_cast<const chip::Chip*>(&image_)})
      log_rows.push_back(*c->fixed_log_rows());
    log_rows.insert(log_rows.end(), zero_rows->begin(), zero_rows->end());
  }
  // Besides the traces: the records as uploaded, the lookup counters, the program rows.
  uint64_t extra = 0;
  std::size_t k = 0;
  std::apply([&](const auto&... chip) {
    ((extra += start.rows[k++] * sizeof(typename std::decay_t<decltype(chip)>::Record)), ...);
  }, instructions_);
  extra += (start.io_words[0] + start.io_words[1]) * sizeof(TransferRecord);
  extra += (chip::kNumTables * chip::kTableRows + 2 * (uint64_t(1) << shape_.program_log_rows)) *
           sizeof(uint32_t);
  return shard_footprint(chips(zero_rows.has_value()), log_rows, params, extra);
}

ShardBytes Machine::worst_footprint(const PcsParams& params, bool last) const {
  const uint32_t m = shape_.max_log_rows;
  std::vector<std::size_t> order(vm::kNumChipKinds);
  std::vector<std::size_t> cost(vm::kNumChipKinds);
  for (std::size_t k = 0; k < order.size(); ++k) {
    order[k] = k;
    cost[k] = shard_footprint({list_[k]}, {m}, params).peak();
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
  vm::Checkpoint worst;
  for (std::size_t i = 0; i < order.size(); ++i)
    worst.rows[order[i]] = uint64_t(1) << std::max<int64_t>(1, int64_t(m) - int64_t(i));
  worst.io_words = {uint64_t(1) << m, uint64_t(1) << m};
  std::optional<std::vector<uint32_t>> memory_tables;
  if (last) {
    memory_tables.emplace();
    for (const auto& z : zero_) memory_tables->push_back(z->max_log_rows(m));
  }
  return footprint_with(worst, params, memory_tables);
}

std::vector<uint32_t> Machine::zero_log_rows(const Boundary& memory) const {
  std::vector<uint32_t> out;
  for (std::size_t z = 0; z < zero_.size(); z += 2) {
    const ZeroRegion& region = zero_[z]->region();
    std::vector<uint64_t> words;  // touched word indices from the region's start
    for (const vm::BoundaryEntry& e : memory)
      if (e.addr >= region.begin && e.addr < region.end) words.push_back((e.addr - region.begin) / 4);
    const uint64_t size = (region.end - region.begin) / 4;
    const uint32_t bound = zero_[z]->max_log_rows(shape_.max_log_rows);
    // Split the touched words between the tables where the two heights cost least.
    uint32_t best_up = 0, best_down = 0;
    uint64_t best = ~uint64_t(0);
    for (std::size_t i = 0; i <= words.size(); ++i) {
      const uint32_t up = trace_log_rows(i == 0 ? 1 : words[i - 1] + 1);
      const uint32_t down = trace_log_rows(i == words.size() ? 1 : size - words[i]);
      const uint64_t rows = (uint64_t(1) << up) + (uint64_t(1) << down);
      if (up <= bound && down <= bound && rows <= size && rows < best)
        best = rows, best_up = up, best_down = down;
    }
    if (best == ~uint64_t(0))
      throw std::invalid_argument(
          "the run touches words of the zero region at " + std::to_string(region.begin) +
          " farther from both its ends than its heap and stack tables reach (2^" +
          std::to_string(bound) + " words each; larger shards raise the bound)");
    out.push_back(best_up);
    out.push_back(best_down);
  }
  return out;
}

void Machine::check_zero_heights(const std::vector<uint32_t>& log_rows) const {
  if (log_rows.size() != list_.size()) return;  // the shard verifier rejects the shape
  const std::size_t first = list_.size() - zero_.size();
  for (std::size_t z = 0; z < zero_.size(); z += 2) {
    const ZeroRegion& region = zero_[z]->region();
    const uint32_t up = log_rows[first + z], down = log_rows[first + z + 1];
    if (up >= 32 || down >= 32 ||
        (uint64_t(4) << up) + (uint64_t(4) << down) > region.end - region.begin)
      throw VerifyError("shard proof rejected: shape: tables " + zero_[z]->name() + " (2^" +
                        std::to_string(up) + " words) and " + zero_[z + 1]->name() + " (2^" +
                        std::to_string(down) + " words) overlap in their region");
  }
}

const Machine::Content& Machine::content() const {
  if (!content_) throw std::logic_error("a verifier's machine has no program to prove");
  return *content_;
}

std::vector<TransferRecord> Machine::transfers(const vm::ShardRecords& shard, bool read) const {
  std::vector<TransferRecord> out;
  const uint32_t call = read ? kSysRead : kSysWrite;
  for (const vm::EcallRecord& e : shard.ecall) {
    if (e.a7.value != call) continue;
    const uint64_t begin = e.a1.value, end = begin + e.ret.value;
    for (uint32_t i = 0; i < e.io_count; ++i) {
      const vm::MemWrite& w = shard.io_words[e.io_first + i];
      const uint64_t lo = std::max<uint64_t>(begin, w.addr), hi = std::min<uint64_t>(end, w.addr + 4);
      out.push_back({e.step.ts, w.addr, uint32_t(lo - w.addr), uint32_t(hi - 1 - w.addr),
                     uint32_t(e.stream_offset + (lo - begin)), w.prev_value, w.value, w.prev_ts,
                     writable(content().guest->program(), w.addr)});
    }
  }
  return out;
}

}  // namespace kprove::rv32im
