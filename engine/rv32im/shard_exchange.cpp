#include "engine/rv32im/shard_exchange.hpp"

#include "engine/proof/bytes.hpp"

namespace kprove::rv32im {

std::vector<uint8_t> pack(const IndexedBytes& entries) {
  ByteWriter w;
  w.seq(entries, [](ByteWriter& out, const auto& e) {
    out.u64(e.first);
    out.blob(e.second);
  });
  return w.take();
}

IndexedBytes unpack(const std::vector<uint8_t>& bytes, std::size_t count) {
  ByteReader r(bytes);
  IndexedBytes out = r.seq("shard entries", count, 16, [&](ByteReader& in) {
    const uint64_t index = in.u64("shard index");
    if (index >= count) in.fail("shard index", std::to_string(index) + " is out of range");
    return std::make_pair(std::size_t(index), in.blob("shard bytes", in.remaining()));
  });
  r.expect_end("shard entries");
  return out;
}

std::vector<uint8_t> serialize(const ShardCommitment& c) {
  ByteWriter w;
  w.seq(c.log_rows, [](ByteWriter& out, uint32_t h) { out.u32(h); });
  for (Felt x : c.root.h) w.felt(x);
  return w.take();
}

ShardCommitment deserialize_shard_commitment(const std::vector<uint8_t>& bytes) {
  ByteReader r(bytes);
  ShardCommitment c;
  c.log_rows = r.seq("heights", r.remaining() / 4, 4, [](ByteReader& in) { return in.u32("height"); });
  for (Felt& x : c.root.h) x = r.felt("root");
  r.expect_end("commitment");
  return c;
}

}  // namespace kprove::rv32im
