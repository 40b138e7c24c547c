// A guest program as loaded from its ELF: the entry point and the loadable segments with
// their permissions. Nothing here is trusted until load_elf has checked it.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace kprove::vm {

// A malformed or unsupported ELF; the message names the file and the problem.
class ElfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Segment {
  std::uint32_t vaddr = 0;
  std::uint32_t memsz = 0;          // bytes mapped; those past data.size() are zero
  std::vector<std::uint8_t> data;   // the file's bytes (p_filesz)
  bool read = false, write = false, exec = false;

  std::uint64_t end() const { return std::uint64_t(vaddr) + memsz; }
};

struct Program {
  std::string name;  // the file it was read from, for messages
  std::uint32_t entry = 0;
  std::vector<Segment> segments;  // sorted by vaddr, disjoint pages
};

// Statically linked little-endian ELF32 RISC-V executables (ET_EXEC, soft-float, no RVC).
// Throws ElfError: wrong class, data encoding, type, machine or ABI flags; truncated headers
// or segments; overlapping, out-of-range or page-sharing segments; more than 2 GiB mapped or
// more than 64 MiB executable; an entry point outside the executable segments.
Program load_elf(std::span<const std::uint8_t> bytes, const std::string& name);
Program load_elf_file(const std::string& path);

}  // namespace kprove::vm
