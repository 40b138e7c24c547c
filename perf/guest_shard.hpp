// A real guest shard for the benchmarks: the machine and the records of shard 0 of
// fibonacci(2^20) (about 5 M cycles) in shards of 2^log_rows - 1 cycles, a non-last shard
// (instruction chips, register and transfer tables, program table, fixed lookup tables).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/rv32im/machine.hpp"
#include "engine/vm/emulator.hpp"
#include "guest_dir.hpp"

namespace kprove::bench {

struct GuestShard {
  std::unique_ptr<rv32im::Machine> machine;
  vm::ShardRecords records;
  std::uint64_t cycles = 0;
  std::uint64_t record_bytes = 0;  // the records witgen reads
};

// Null when the guests are not built. Cached per translation unit for the last log_rows.
inline const GuestShard* guest_shard(std::uint32_t log_rows) {
  static std::unique_ptr<GuestShard> cached;
  static std::uint32_t cached_log_rows = 0;
  if (cached && cached_log_rows == log_rows) return cached.get();
  const std::string elf = guest_dir() + "/programs/fibonacci.elf";
  if (guest_dir().empty() || !std::filesystem::exists(elf)) return nullptr;
  auto guest = std::make_shared<const vm::Guest>(vm::load_elf_file(elf));
  const auto input = std::make_shared<const std::vector<std::uint8_t>>(
      std::vector<std::uint8_t>{0, 0, 0x10, 0});  // n = 2^20
  auto s = std::make_unique<GuestShard>();
  s->machine = std::make_unique<rv32im::Machine>(guest, log_rows);
  const vm::ShardPlan plan =
      vm::plan_shards(guest, input, 1ull << 30, (std::uint64_t(1) << log_rows) - 1);
  if (plan.num_shards() < 2) return nullptr;  // shard 0 must not be the last
  s->records = vm::record_shard(plan, 0);
  s->cycles = s->records.cycles;
  s->record_bytes = s->records.record_bytes();
  cached = std::move(s);
  cached_log_rows = log_rows;
  return cached.get();
}

}  // namespace kprove::bench
