// The RV32IM decoder against an independent encoder (tests/support/rv32_asm.hpp, written from
// the ISA manual's tables): every opcode with random fields round-trips, every 32-bit word the
// decoder accepts re-encodes to itself, and the device decodes exactly what the host does.
#include "engine/vm/decode.hpp"

#include <gtest/gtest.h>

#include <Kokkos_Core.hpp>
#include <vector>

#include "support/backends.hpp"
#include "support/random.hpp"
#include "support/rv32_asm.hpp"

namespace kprove {
namespace {

using vm::Insn;
using vm::Op;

// Random immediates in the range each format can hold.
std::int32_t random_imm(Op op, test::Rng& rng) {
  const std::uint64_t r = rng.u64();
  switch (test::rv32::encoding(op).format) {
    case 'I': case 'S': return static_cast<std::int32_t>(r << 52 >> 32) >> 20;
    case 'H': return static_cast<std::int32_t>(r % 32);
    case 'B': return (static_cast<std::int32_t>(r << 51 >> 32) >> 19) & ~1;
    case 'U': return static_cast<std::int32_t>(r & 0xfffff000u);
    case 'J': return (static_cast<std::int32_t>(r << 43 >> 32) >> 11) & ~1;
    default: return 0;
  }
}

TEST(Decode, EveryOpcodeRoundTripsWithRandomFields) {
  test::Rng rng(test::test_seed());
  for (int o = 0; o < vm::kNumOps; ++o) {
    const Op op = static_cast<Op>(o);
    const char f = test::rv32::encoding(op).format;
    for (int trial = 0; trial < 200; ++trial) {
      const std::uint32_t rd = rng.u64() % 32, rs1 = rng.u64() % 32, rs2 = rng.u64() % 32;
      const std::int32_t imm = random_imm(op, rng);
      const Insn in = vm::decode(test::rv32::encode(op, rd, rs1, rs2, imm));
      ASSERT_EQ(in.op, op) << vm::mnemonic(op);
      ASSERT_EQ(vm::chip_of(in.op) == vm::ChipKind::invalid, false);
      const bool has_rd = f != 'S' && f != 'B' && f != 'E';
      const bool has_rs1 = f != 'U' && f != 'J' && f != 'E';
      const bool has_rs2 = f == 'R' || f == 'S' || f == 'B';
      EXPECT_EQ(in.rd, has_rd ? (rd == 0 ? vm::kRegSink : rd) : 0u) << vm::mnemonic(op);
      EXPECT_EQ(in.rs1, has_rs1 ? rs1 : 0u) << vm::mnemonic(op);
      EXPECT_EQ(in.rs2, has_rs2 ? rs2 : 0u) << vm::mnemonic(op);
      EXPECT_EQ(in.imm, f == 'R' || f == 'E' ? 0 : imm) << vm::mnemonic(op);
    }
  }
}

TEST(Decode, AcceptedWordsReencodeToThemselves) {
  test::Rng rng(test::test_seed());
  std::size_t valid = 0;
  for (int trial = 0; trial < 2'000'000; ++trial) {
    // Low 7 bits from the real opcodes half the time, so every format is hit often.
    std::uint32_t w = static_cast<std::uint32_t>(rng.u64());
    if (trial & 1) {
      const std::uint32_t opcodes[] = {0x37, 0x17, 0x6f, 0x67, 0x63, 0x03, 0x23, 0x13, 0x33, 0x73};
      w = (w & ~0x7fu) | opcodes[rng.u64() % 10];
    }
    const Insn in = vm::decode(w);
    if (in.op == Op::invalid) continue;
    ++valid;
    const std::uint32_t rd = in.rd == vm::kRegSink ? 0 : in.rd;
    ASSERT_EQ(test::rv32::encode(in.op, rd, in.rs1, in.rs2, in.imm), w)
        << std::hex << w << " decoded as " << vm::mnemonic(in.op);
  }
  EXPECT_GT(valid, 100'000u);
}

TEST(Decode, RejectsWhatRv32imLacks) {
  const std::uint32_t words[] = {
      0x00000000,  // all zero (illegal by design)
      0xffffffff,
      0x00100073,  // ebreak
      0x0000000f,  // fence
      0x30002573,  // csrr a0, mstatus
      0x00004501,  // c.li a0, 0 (compressed)
      0x02b5553b,  // divuw (RV64M)
      0x0005b503,  // ld (RV64I)
      0x40b51533,  // sll with funct7 0x20
      0x40051513,  // slli with funct7 0x20
      0x00051067,  // jalr with funct3 1
  };
  for (std::uint32_t w : words) EXPECT_EQ(vm::decode(w).op, Op::invalid) << std::hex << w;
}

template <class Exec>
struct DecodeOnDevice {
  Kokkos::View<const std::uint32_t*, typename Exec::memory_space> words;
  Kokkos::View<std::int64_t**, Kokkos::LayoutRight, typename Exec::memory_space> out;
  KOKKOS_INLINE_FUNCTION void operator()(int i) const {
    const Insn in = vm::decode(words(i));
    out(i, 0) = static_cast<std::int64_t>(in.op);
    out(i, 1) = in.rd;
    out(i, 2) = in.rs1;
    out(i, 3) = in.rs2;
    out(i, 4) = in.imm;
    out(i, 5) = static_cast<std::int64_t>(vm::chip_of(in.op));
  }
};

template <class Exec>
std::vector<std::int64_t> decode_on(const std::vector<std::uint32_t>& words) {
  using Mem = typename Exec::memory_space;
  Kokkos::View<std::uint32_t*, Mem> w("words", words.size());
  Kokkos::deep_copy(w, Kokkos::View<const std::uint32_t*, Kokkos::HostSpace>(words.data(), words.size()));
  Kokkos::View<std::int64_t**, Kokkos::LayoutRight, Mem> out("decoded", words.size(), 6);
  Kokkos::parallel_for(Kokkos::RangePolicy<Exec>(0, static_cast<int>(words.size())),
                       DecodeOnDevice<Exec>{w, out});
  auto h = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), out);
  return std::vector<std::int64_t>(h.data(), h.data() + h.size());
}

KPROVE_BACKEND_SUITE(DecodeBackend);

TYPED_TEST(DecodeBackend, DeviceDecodesAsTheHostDoes) {
  test::Rng rng(test::test_seed());
  std::vector<std::uint32_t> words(1 << 16);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Op op = static_cast<Op>(i % vm::kNumOps);
    words[i] = i % 3 ? test::rv32::encode(op, rng.u64() % 32, rng.u64() % 32, rng.u64() % 32,
                                          random_imm(op, rng))
                     : static_cast<std::uint32_t>(rng.u64());
  }
  const auto got = decode_on<TypeParam>(words);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Insn in = vm::decode(words[i]);
    const std::int64_t want[6] = {static_cast<std::int64_t>(in.op), in.rd, in.rs1, in.rs2, in.imm,
                                  static_cast<std::int64_t>(vm::chip_of(in.op))};
    for (int f = 0; f < 6; ++f) ASSERT_EQ(got[6 * i + f], want[f]) << std::hex << words[i];
  }
}

}  // namespace
}  // namespace kprove
