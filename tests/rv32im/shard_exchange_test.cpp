// What ranks send each other while proving a run: shard-indexed bytes and commitments come
// back as they were; a malformed message or an index beyond the run is refused.
#include "engine/rv32im/shard_exchange.hpp"

#include <gtest/gtest.h>

#include "engine/proof/bytes.hpp"

namespace kprove::rv32im {
namespace {

TEST(ShardExchange, IndexedBytesRoundTrip) {
  const IndexedBytes entries = {{3, {1, 2, 3}}, {0, {}}, {7, {9}}};
  EXPECT_EQ(unpack(pack(entries), 8), entries);
  EXPECT_TRUE(unpack(pack({}), 1).empty());
  EXPECT_THROW(unpack(pack(entries), 7), ProofFormatError);  // shard 7 of a run of 7
  std::vector<uint8_t> cut = pack(entries);
  cut.pop_back();
  EXPECT_THROW(unpack(cut, 8), ProofFormatError);
}

TEST(ShardExchange, CommitmentsRoundTrip) {
  ShardCommitment c;
  c.log_rows = {4, 0, 17};
  for (int i = 0; i < Digest::SIZE; ++i) c.root.h[i] = Felt::from_u64(uint64_t(1000 + i));
  const ShardCommitment back = deserialize_shard_commitment(serialize(c));
  EXPECT_EQ(back.log_rows, c.log_rows);
  EXPECT_TRUE(back.root == c.root);
  std::vector<uint8_t> more = serialize(c);
  more.push_back(1);
  EXPECT_THROW(deserialize_shard_commitment(more), ProofFormatError);
}

}  // namespace
}  // namespace kprove::rv32im
