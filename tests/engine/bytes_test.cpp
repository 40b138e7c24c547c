// Proof byte encoding: round trips, and every kind of corruption is a named error.
#include <gtest/gtest.h>

#include "engine/proof/bytes.hpp"
#include "support/random.hpp"

namespace kprove {
namespace {

TEST(ProofBytes, RoundTripsValues) {
  KPROVE_RNG(rng);
  Felt f = rng.felt();
  Ext e = rng.ext();
  std::vector<Felt> v = rng.felts(17);
  ByteWriter w;
  w.u8(7);
  w.u32(0xDEADBEEF);
  w.felt(f);
  w.ext(e);
  w.seq(v, [](ByteWriter& o, Felt x) { o.felt(x); });
  ByteReader r(w.bytes());
  EXPECT_EQ(r.u8("tag"), 7);
  EXPECT_EQ(r.u32("magic"), 0xDEADBEEFu);
  EXPECT_EQ(r.felt("f"), f);
  EXPECT_EQ(r.ext("e"), e);
  auto back = r.seq("v", 100, 8, [](ByteReader& i) { return i.felt("v[i]"); });
  EXPECT_EQ(back, v);
  EXPECT_NO_THROW(r.expect_end("proof"));
}

TEST(ProofBytes, RejectsTruncationNonCanonicalLengthsAndTrailingBytes) {
  ByteWriter w;
  w.u64(Felt::P);  // non-canonical
  ByteReader r1(w.bytes());
  EXPECT_THROW(r1.felt("x"), ProofFormatError);

  std::vector<uint8_t> three = {1, 2, 3};
  ByteReader r2(three);
  try {
    r2.u64("round count");
    FAIL() << "truncated read accepted";
  } catch (const ProofFormatError& e) {
    EXPECT_NE(std::string(e.what()).find("round count is truncated"), std::string::npos);
  }

  ByteWriter big;
  big.u64(1ull << 40);
  ByteReader r3(big.bytes());
  EXPECT_THROW(r3.length("paths", 1000), ProofFormatError);
  ByteReader r4(big.bytes());
  EXPECT_THROW(r4.length("paths", 1ull << 41, 8), ProofFormatError);  // more than bytes left

  ByteWriter extra;
  extra.u8(1);
  extra.u8(2);
  ByteReader r5(extra.bytes());
  r5.u8("a");
  EXPECT_THROW(r5.expect_end("proof"), ProofFormatError);
}

}  // namespace
}  // namespace kprove
