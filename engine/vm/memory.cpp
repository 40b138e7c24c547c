#include "engine/vm/memory.hpp"

#include <algorithm>
#include <cstring>
#include <map>

namespace kprove::vm {

std::size_t PageLayout::slot_of(std::uint32_t page) const {
  return static_cast<std::size_t>(
      std::lower_bound(page_index.begin(), page_index.end(), page) - page_index.begin());
}

MemoryImage initial_image(const Program& program) {
  // Untouched pages of a segment (bss, heap, stack) share one zero page per permission.
  std::map<std::pair<bool, bool>, std::shared_ptr<Page>> zero;
  std::map<std::uint32_t, std::shared_ptr<Page>> pages;
  for (const Segment& s : program.segments) {
    auto& z = zero[{s.write, s.exec}];
    if (!z) {
      z = std::make_shared<Page>();
      z->write = s.write;
      z->exec = s.exec;
      z->frozen = true;
    }
    const std::uint32_t first = s.vaddr >> kPageShift;
    const std::uint32_t last = static_cast<std::uint32_t>((s.end() - 1) >> kPageShift);
    for (std::uint32_t pg = first; pg <= last; ++pg) pages.emplace(pg, z);  // keeps a sharer's
    for (std::size_t off = 0; off < s.data.size();) {
      const std::uint32_t addr = s.vaddr + static_cast<std::uint32_t>(off);
      auto& p = pages[addr >> kPageShift];
      if (p == z) {
        p = std::make_shared<Page>(*z);
      }
      const std::uint32_t in_page = addr & ((1u << kPageShift) - 1);
      const std::size_t n = std::min<std::size_t>(s.data.size() - off, (1u << kPageShift) - in_page);
      std::memcpy(reinterpret_cast<std::uint8_t*>(p->words.data()) + in_page, s.data.data() + off,
                  n);
      off += n;
    }
  }
  auto layout = std::make_shared<PageLayout>();
  MemoryImage image;
  for (auto& [pg, p] : pages) {
    layout->page_index.push_back(pg);
    image.pages.push_back(p);
  }
  image.layout = std::move(layout);
  return image;
}

Memory::Memory(const MemoryImage& image)
    : layout_(image.layout), pages_(image.pages) {
  const auto& index = layout_->page_index;  // sorted, never empty (the loader requires a segment)
  first_page_ = index.front();
  table_.assign(std::size_t(index.back() - first_page_) + 1, nullptr);
  for (std::size_t i = 0; i < pages_.size(); ++i) table_[index[i] - first_page_] = pages_[i].get();
}

Page* Memory::thaw(std::uint32_t page) {
  auto& holder = pages_[layout_->slot_of(page)];
  auto copy = std::make_shared<Page>(*holder);
  copy->frozen = false;
  holder = std::move(copy);
  table_[page - first_page_] = holder.get();
  return holder.get();
}

MemoryImage Memory::snapshot() {
  // Pages not yet frozen belong to this memory alone, so this writes no shared page.
  for (auto& p : pages_)
    if (!p->frozen) p->frozen = true;
  return MemoryImage{layout_, pages_};
}

}  // namespace kprove::vm
