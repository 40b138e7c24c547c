// libFuzzer target: the guest ELF loader (vm::load_elf) and what `kprove execute` does with a
// program it accepted: decode it into a Guest (code words, initial memory image) and run a
// few thousand cycles on an empty input, plain and with records. ElfError from the loader
// and VmError from the run are clean outcomes; any other exception, a crash, a sanitizer
// report, a leak, a hang or an allocation past the fuzzer's memory limits is a finding.
#include <cstdint>
#include <span>

#include "engine/vm/emulator.hpp"
#include "engine/vm/program.hpp"

using namespace kprove;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vm::Program program;
  try {
    program = vm::load_elf(std::span<const std::uint8_t>(data, size), "fuzz.elf");
  } catch (const vm::ElfError&) {
    return 0;
  }
  const vm::Guest guest(std::move(program));
  try {
    vm::execute(guest, {}, 4096);
  } catch (const vm::VmError&) {
  }
  try {
    vm::record_all(guest, {}, 512, 128);
  } catch (const vm::VmError&) {
  }
  return 0;
}
