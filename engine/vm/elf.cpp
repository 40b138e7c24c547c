// ELF32 loader. Every field is read through bounds-checked little-endian accessors, so a
// truncated or hostile file yields an ElfError, never an out-of-range read.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "engine/vm/program.hpp"

namespace kprove::vm {
namespace {

constexpr std::uint16_t kEtExec = 2, kEmRiscv = 243;
constexpr std::uint32_t kPtLoad = 1, kPtDynamic = 2, kPtInterp = 3;
constexpr std::uint32_t kPfX = 1, kPfW = 2, kPfR = 4;
constexpr std::uint32_t kEfRvc = 0x1, kEfFloatAbi = 0x6, kEfRve = 0x8;
constexpr std::size_t kEhdrSize = 52, kPhdrSize = 32, kMaxPhdrs = 256;
constexpr std::uint32_t kPageBytes = 4096;
// Pages are mapped lazily, but a guest's address space is still a budget.
constexpr std::uint64_t kMaxMappedBytes = std::uint64_t(1) << 31;
// Executable segments are decoded ahead of the run (Guest: a word and a decoded instruction,
// 12 bytes, per 4 bytes of p_memsz), so their size is a budget of its own: without it a
// 100-byte ELF with a 2 GiB executable segment costs 6 GiB of host memory.
constexpr std::uint64_t kMaxCodeBytes = std::uint64_t(1) << 26;
constexpr std::uint64_t kMaxFileBytes = std::uint64_t(1) << 30;

std::string hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

class Reader {
 public:
  Reader(std::span<const std::uint8_t> b, const std::string& name) : b_(b), name_(name) {}

  std::uint32_t u32(std::size_t at, const char* what) const { return get(at, 4, what); }
  std::uint16_t u16(std::size_t at, const char* what) const {
    return static_cast<std::uint16_t>(get(at, 2, what));
  }
  std::uint8_t u8(std::size_t at, const char* what) const {
    return static_cast<std::uint8_t>(get(at, 1, what));
  }
  std::span<const std::uint8_t> bytes(std::size_t at, std::size_t n) const {
    return b_.subspan(at, n);  // callers have checked the range
  }
  std::size_t size() const { return b_.size(); }
  [[noreturn]] void fail(const std::string& msg) const {
    throw ElfError(name_ + ": not a supported RV32 guest ELF: " + msg);
  }

 private:
  std::uint32_t get(std::size_t at, std::size_t n, const char* what) const {
    if (at > b_.size() || b_.size() - at < n)
      fail(std::string("truncated (") + what + " at byte " + std::to_string(at) +
           ", file has " + std::to_string(b_.size()) + ")");
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= std::uint32_t(b_[at + i]) << (8 * i);
    return v;
  }
  std::span<const std::uint8_t> b_;
  const std::string& name_;
};

void check_header(const Reader& r) {
  if (r.size() < 4 || r.u8(0, "magic") != 0x7f || r.u8(1, "magic") != 'E' ||
      r.u8(2, "magic") != 'L' || r.u8(3, "magic") != 'F')
    r.fail("no ELF magic");
  if (r.size() < kEhdrSize)
    r.fail("truncated ELF header (" + std::to_string(r.size()) + " bytes)");
  if (const auto c = r.u8(4, "class"); c != 1)
    r.fail("ELF class " + std::to_string(c) + " (expected 1, ELF32)");
  if (const auto d = r.u8(5, "data"); d != 1)
    r.fail("data encoding " + std::to_string(d) + " (expected 1, little-endian)");
  if (r.u8(6, "version") != 1) r.fail("ELF version is not 1");
  if (const auto abi = r.u8(7, "OS ABI"); abi != 0 && abi != 3)
    r.fail("OS ABI " + std::to_string(abi) + " (expected 0, System V, or 3, Linux)");
  if (const auto t = r.u16(16, "e_type"); t != kEtExec)
    r.fail("e_type " + std::to_string(t) + " (expected 2, a statically linked executable)");
  if (const auto m = r.u16(18, "e_machine"); m != kEmRiscv)
    r.fail("e_machine " + std::to_string(m) + " (expected 243, RISC-V)");
  const std::uint32_t flags = r.u32(36, "e_flags");
  if (flags & kEfRvc) r.fail("e_flags has RVC: compressed instructions are not supported");
  if (flags & kEfFloatAbi) r.fail("e_flags has a hard-float ABI (expected ilp32, soft-float)");
  if (flags & kEfRve) r.fail("e_flags has the RV32E ABI (expected ilp32)");
  if (flags & ~(kEfRvc | kEfFloatAbi | kEfRve)) r.fail("unknown e_flags " + hex(flags));
}

Segment read_segment(const Reader& r, std::size_t ph, std::size_t index) {
  const std::uint32_t offset = r.u32(ph + 4, "p_offset"), vaddr = r.u32(ph + 8, "p_vaddr");
  const std::uint32_t filesz = r.u32(ph + 16, "p_filesz"), memsz = r.u32(ph + 20, "p_memsz");
  const std::uint32_t flags = r.u32(ph + 24, "p_flags");
  const std::string which = "segment " + std::to_string(index) + " at " + hex(vaddr);
  if (filesz > memsz)
    r.fail(which + ": p_filesz " + hex(filesz) + " > p_memsz " + hex(memsz));
  if (std::uint64_t(offset) + filesz > r.size())
    r.fail(which + ": file bytes " + hex(offset) + ".." + hex(std::uint64_t(offset) + filesz) +
           " run past the end of the file (" + hex(r.size()) + ")");
  if (std::uint64_t(vaddr) + memsz > (std::uint64_t(1) << 32))
    r.fail(which + ": ends past the 32-bit address space");
  if (vaddr < kPageBytes) r.fail(which + ": maps the zero page");
  if (!(flags & kPfR)) r.fail(which + ": not readable");
  Segment s;
  s.vaddr = vaddr;
  s.memsz = memsz;
  const auto file = r.bytes(offset, filesz);
  s.data.assign(file.begin(), file.end());
  s.read = true;
  s.write = flags & kPfW;
  s.exec = flags & kPfX;
  return s;
}

// Segments may share a page only when they agree on its permissions.
void check_layout(const Reader& r, const std::vector<Segment>& segs) {
  std::uint64_t mapped = 0, code = 0;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    mapped += segs[i].memsz;
    if (segs[i].exec) code += segs[i].memsz;
    if (i == 0) continue;
    const Segment &a = segs[i - 1], &b = segs[i];
    if (a.end() > b.vaddr)
      r.fail("segments at " + hex(a.vaddr) + " and " + hex(b.vaddr) + " overlap");
    const bool same_perm = a.write == b.write && a.exec == b.exec;
    if (!same_perm && (a.end() - 1) / kPageBytes == b.vaddr / kPageBytes)
      r.fail("segments at " + hex(a.vaddr) + " and " + hex(b.vaddr) +
             " share a 4 KiB page with different permissions");
  }
  if (mapped > kMaxMappedBytes)
    r.fail("maps " + hex(mapped) + " bytes (at most " + hex(kMaxMappedBytes) + ")");
  if (code > kMaxCodeBytes)
    r.fail("executable segments map " + hex(code) + " bytes (at most " + hex(kMaxCodeBytes) + ")");
}

}  // namespace

Program load_elf(std::span<const std::uint8_t> bytes, const std::string& name) {
  const Reader r(bytes, name);
  check_header(r);
  const std::uint32_t phoff = r.u32(28, "e_phoff");
  const std::uint16_t phentsize = r.u16(42, "e_phentsize"), phnum = r.u16(44, "e_phnum");
  if (phnum == 0) r.fail("no program headers");
  if (phnum > kMaxPhdrs) r.fail(std::to_string(phnum) + " program headers (at most 256)");
  if (phentsize != kPhdrSize)
    r.fail("e_phentsize " + std::to_string(phentsize) + " (expected 32)");
  if (std::uint64_t(phoff) + std::uint64_t(phnum) * kPhdrSize > r.size())
    r.fail("program headers run past the end of the file");

  Program p;
  p.name = name;
  p.entry = r.u32(24, "e_entry");
  for (std::size_t i = 0; i < phnum; ++i) {
    const std::size_t ph = phoff + i * kPhdrSize;
    const std::uint32_t type = r.u32(ph, "p_type");
    if (type == kPtDynamic || type == kPtInterp)
      r.fail("dynamically linked (program header " + std::to_string(i) + ")");
    if (type != kPtLoad || r.u32(ph + 20, "p_memsz") == 0) continue;
    p.segments.push_back(read_segment(r, ph, i));
  }
  if (p.segments.empty()) r.fail("no loadable segments");
  std::sort(p.segments.begin(), p.segments.end(),
            [](const Segment& a, const Segment& b) { return a.vaddr < b.vaddr; });
  check_layout(r, p.segments);
  const bool entry_ok = std::any_of(p.segments.begin(), p.segments.end(), [&](const Segment& s) {
    return s.exec && p.entry >= s.vaddr && p.entry + std::uint64_t(4) <= s.end();
  });
  if (!entry_ok) r.fail("entry point " + hex(p.entry) + " is not in an executable segment");
  if (p.entry % 4) r.fail("entry point " + hex(p.entry) + " is not 4-byte aligned");
  return p;
}

Program load_elf_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ElfError(path + ": cannot open the guest ELF");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw ElfError(path + ": cannot read the guest ELF (not a regular file?)");
  if (static_cast<std::uint64_t>(size) > kMaxFileBytes)
    throw ElfError(path + ": " + std::to_string(size) + " bytes is too large for a guest ELF");
  in.seekg(0);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (!in.read(reinterpret_cast<char*>(bytes.data()), size))
    throw ElfError(path + ": cannot read the guest ELF");
  return load_elf(bytes, path);
}

}  // namespace kprove::vm
