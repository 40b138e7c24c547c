// Where the memory argument initialises each word of a program's mapped pages (the emulator
// maps whole 4 KiB pages of every segment):
//   image   the words of read-only pages and the file-backed words of writable segments,
//           with their initial values and writable tag: preprocessed, in the verifying key;
//   zero    the rest of each writable segment (bss, heap, stack), zero-initialised, covered
//           by two tables growing from its ends (ZeroTable), sized per shard.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/vm/program.hpp"

namespace kprove::rv32im {

struct ImageWord {
  uint32_t addr = 0, value = 0;
  bool writable = false;
};

struct ZeroRegion {
  uint32_t begin = 0;  // word aligned
  uint64_t end = 0;    // page aligned, <= 2^32
  friend bool operator==(const ZeroRegion&, const ZeroRegion&) = default;
};

struct MemoryLayout {
  std::vector<ImageWord> image;  // by address
  std::vector<ZeroRegion> zero;  // by address
};

MemoryLayout memory_layout(const vm::Program& program);

}  // namespace kprove::rv32im
