#include "engine/rv32im/memory_layout.hpp"

#include <cstring>

#include "engine/vm/memory.hpp"

namespace kprove::rv32im {

MemoryLayout memory_layout(const vm::Program& program) {
  constexpr uint64_t kPage = uint64_t(1) << vm::kPageShift;
  MemoryLayout out;
  for (const vm::Segment& s : program.segments) {
    const uint64_t first = s.vaddr & ~(kPage - 1);
    const uint64_t last = (s.end() + kPage - 1) & ~(kPage - 1);
    const bool writable = s.write && !s.exec;
    const uint64_t file_end = writable ? (uint64_t(s.vaddr) + s.data.size() + 3) & ~uint64_t(3)
                                       : last;
    for (uint64_t a = first; a < file_end; a += 4) {
      uint32_t v = 0;
      for (uint64_t b = 0; b < 4; ++b) {
        const uint64_t at = a + b;
        if (at >= s.vaddr && at < uint64_t(s.vaddr) + s.data.size())
          v |= uint32_t(s.data[at - s.vaddr]) << (8 * b);
      }
      out.image.push_back({uint32_t(a), v, writable});
    }
    if (writable && file_end < last) out.zero.push_back({uint32_t(file_end), last});
  }
  return out;
}

}  // namespace kprove::rv32im
