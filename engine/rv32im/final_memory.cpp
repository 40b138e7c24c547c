#include "engine/rv32im/final_memory.hpp"

#include <initializer_list>

#include "engine/proof/bytes.hpp"

namespace kprove::rv32im {

namespace {

// Both sorted by address; an address in both keeps its later access.
void merge_into(Boundary& into, const Boundary& other) {
  Boundary merged;
  merged.reserve(into.size() + other.size());
  auto a = into.begin();
  for (const vm::BoundaryEntry& e : other) {
    while (a != into.end() && a->addr < e.addr) merged.push_back(*a++);
    if (a != into.end() && a->addr == e.addr) {
      merged.push_back(a->final_ts > e.final_ts ? *a : e);
      ++a;
    } else {
      merged.push_back(e);
    }
  }
  merged.insert(merged.end(), a, into.end());
  into = std::move(merged);
}

void write_boundary(ByteWriter& w, const Boundary& b) {
  w.seq(b, [](ByteWriter& out, const vm::BoundaryEntry& e) {
    for (uint32_t v : {e.addr, e.init_value, e.init_shard, e.final_value, e.final_ts}) out.u32(v);
  });
}

Boundary read_boundary(ByteReader& r, const char* what) {
  Boundary b = r.seq(what, r.remaining() / 20, 20, [&](ByteReader& in) {
    vm::BoundaryEntry e;
    e.addr = in.u32(what);
    e.init_value = in.u32(what);
    e.init_shard = in.u32(what);
    e.final_value = in.u32(what);
    e.final_ts = in.u32(what);
    return e;
  });
  for (std::size_t i = 1; i < b.size(); ++i)
    if (b[i - 1].addr >= b[i].addr) r.fail(what, "addresses are not sorted and unique");
  return b;
}

}  // namespace

void FinalMemory::add(const vm::ShardRecords& shard) {
  merge_into(registers, shard.registers);
  merge_into(memory, shard.memory);
}

void FinalMemory::merge(const FinalMemory& other) {
  merge_into(registers, other.registers);
  merge_into(memory, other.memory);
}

std::vector<uint8_t> serialize(const FinalMemory& final) {
  ByteWriter w;
  write_boundary(w, final.registers);
  write_boundary(w, final.memory);
  return w.take();
}

FinalMemory deserialize_final_memory(const std::vector<uint8_t>& bytes) {
  ByteReader r(bytes);
  FinalMemory f;
  f.registers = read_boundary(r, "final registers");
  f.memory = read_boundary(r, "final memory");
  r.expect_end("final memory");
  return f;
}

}  // namespace kprove::rv32im
