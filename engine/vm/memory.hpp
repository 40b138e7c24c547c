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
    Page* p = lookup(addr);
    if (p && p->frozen) p = thaw(addr >> kPageShift);
    return p;
  }
  const Page* page(std::uint32_t addr) const { return lookup(addr); }

  // Freezes every page and shares them with the snapshot.
  MemoryImage snapshot();

 private:
  Page* thaw(std::uint32_t page);
  Page* lookup(std::uint32_t addr) const {
    const std::uint32_t i = (addr >> kPageShift) - first_page_;  // wraps below the first page
    return i < table_.size() ? table_[i] : nullptr;
  }

  std::shared_ptr<const PageLayout> layout_;
  std::vector<std::shared_ptr<Page>> pages_;
  // Pages first_page_ .. the last mapped one, nullptr where unmapped: a table the size of the
  // program's span, not of the address space, so a memory is cheap to make per shard.
  std::uint32_t first_page_ = 0;
  std::vector<Page*> table_;
};

}  // namespace kprove::vm
