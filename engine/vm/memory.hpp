// Guest memory: 4 KiB pages with the permissions of the segment that maps them, each word
// with the global timestamp of its last access (what offline memory checking needs).
// Pages are copy-on-write: a snapshot (MemoryImage) freezes the pages it shares, so the
// state at every shard boundary costs one pointer per mapped page, and threads re-executing
// different shards read the same frozen pages.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/vm/program.hpp"

namespace kprove::vm {

inline constexpr std::uint32_t kPageShift = 12;
inline constexpr std::uint32_t kPageWords = 1u << (kPageShift - 2);
inline constexpr std::uint32_t kNumPages = 1u << (32 - kPageShift);

struct Page {
  std::array<std::uint32_t, kPageWords> words{};
  std::array<std::uint64_t, kPageWords> ts{};  // 0: not accessed since the program started
  bool write = false;
  bool exec = false;
  bool frozen = false;  // shared with a snapshot: copy before changing
};

// The mapped pages of one program, in address order: the same layout for every state.
struct PageLayout {
  std::vector<std::uint32_t> page_index;  // sorted
  std::size_t slot_of(std::uint32_t page) const;
};

// The pages of one state; pages[i] maps layout.page_index[i].
struct MemoryImage {
  std::shared_ptr<const PageLayout> layout;
  std::vector<std::shared_ptr<Page>> pages;
};

// The initial image of a program: its segments' bytes, everything else zero.
MemoryImage initial_image(const Program& program);

class Memory {
 public:
  explicit Memory(const MemoryImage& image);

  // nullptr when addr is not mapped; the page is writable (copied if frozen).
  Page* page_for_update(std::uint32_t addr) {
    Page* p = table_[addr >> kPageShift];
    if (p && p->frozen) p = thaw(addr >> kPageShift);
    return p;
  }
  const Page* page(std::uint32_t addr) const { return table_[addr >> kPageShift]; }

  // Freezes every page and shares them with the snapshot.
  MemoryImage snapshot();

 private:
  Page* thaw(std::uint32_t page);

  std::shared_ptr<const PageLayout> layout_;
  std::vector<std::shared_ptr<Page>> pages_;
  std::vector<Page*> table_;  // kNumPages entries, nullptr where unmapped
};

}  // namespace kprove::vm
