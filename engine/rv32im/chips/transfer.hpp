// The bytes a read or write ecall moves between memory and the public input or output
// stream, one row per memory word touched (at the call's ts + 3):
//   s_j, e_j   one-hot: the row's first and last byte in the word; a_j = sum_{i<=j} s_i -
//              sum_{i<j} e_i is 1 exactly on the bytes between (a_j boolean forces e >= s)
//   transfer   receives (ts, word + first, offset) and sends (ts, word + last + 1, offset +
//              sum a_j): rows chain the call's range [a1, a1 + count) from the ecall's send
//              to its receive, each byte once (two rows on one word would access it twice
//              at the same timestamp, which memory checking rejects)
//   io         byte j (active) is looked up as (stream, offset + sum_{i<j} a_i, byte): the
//              verifier puts the public input / output bytes on the bus
//   mem        read (stream -> memory): the word's inactive bytes are unchanged and it must
//              be writable; write (memory -> stream): the word is read, any permission
// Every byte of the old word is checked by an and_byte lookup, so the limbs are unique.
#pragma once

#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

struct TransferRecord {
  uint32_t ts;          // the ecall's step timestamp
  uint32_t word;        // aligned address
  uint32_t first, last;  // active bytes of the word
  uint32_t offset;      // stream offset of byte `first`
  uint32_t prev_value, value, prev_ts;
  uint32_t writable;    // the word's tag
};

template <bool kRead>
struct TransferSpec {
  static constexpr const char* kName = kRead ? "read_transfer" : "write_transfer";
  using Record = TransferRecord;
  static constexpr std::size_t kColumns = kRead ? 21 : 18;

  struct Cols {
    uint32_t ts, word, offset, first_s, first_e, old_byte, new_byte, prev_ts, dt_lo, writable;
  };

  static Cols build(ChipBuilder& b) {
    using chip::Bus;
    Cols c;
    c.ts = b.witness("ts");
    c.word = b.witness("word");
    c.offset = b.witness("offset");
    c.first_s = b.witness("s0");
    for (int j = 1; j < 4; ++j) b.witness("s" + std::to_string(j));
    c.first_e = b.witness("e0");
    for (int j = 1; j < 4; ++j) b.witness("e" + std::to_string(j));
    c.old_byte = b.witness("old0");
    for (int j = 1; j < 4; ++j) b.witness("old" + std::to_string(j));
    if constexpr (kRead) {
      c.new_byte = b.witness("new0");
      for (int j = 1; j < 4; ++j) b.witness("new" + std::to_string(j));
    }
    c.prev_ts = b.witness("prev_ts");
    c.dt_lo = b.witness("dt_lo");
    if constexpr (!kRead) c.writable = b.witness("writable");
    const auto s = [&](int j) { return col(c.first_s + j); };
    const auto e = [&](int j) { return col(c.first_e + j); };
    const auto old_b = [&](int j) { return col(c.old_byte + j); };
    const auto new_b = [&](int j) { return kRead ? col(c.new_byte + j) : old_b(j); };
    Expr real = s(0) + s(1) + s(2) + s(3);
    Expr first = s(1) + cst(2) * s(2) + cst(3) * s(3);
    Expr after_last = e(0) + cst(2) * e(1) + cst(3) * e(2) + cst(4) * e(3);
    b.constrain(chip::boolean(real));
    b.constrain(real - (e(0) + e(1) + e(2) + e(3)));
    Expr active[4], before = cst(0), offset_j[4];
    for (int j = 0; j < 4; ++j) {
      b.constrain(chip::boolean(s(j)));
      b.constrain(chip::boolean(e(j)));
      Expr a = s(0);
      for (int i = 1; i <= j; ++i) a = a + s(i);
      for (int i = 0; i < j; ++i) a = a - e(i);
      active[j] = a;
      b.constrain(chip::boolean(a));
      offset_j[j] = col(c.offset) + before;
      before = before + a;
      b.send(Bus::and_byte, {old_b(j), old_b(j), old_b(j)}, real);
      if constexpr (kRead) b.constrain((real - a) * (new_b(j) - old_b(j)));
      b.send(Bus::io, {cst(kRead ? 0 : 1), offset_j[j], kRead ? new_b(j) : old_b(j)}, a);
    }
    const Expr two8 = cst(256);
    const Expr writable = kRead ? cst(1) : col(c.writable);
    const Expr at = col(c.ts) + cst(3);
    b.receive(Bus::mem, {col(c.word), old_b(0) + two8 * old_b(1), old_b(2) + two8 * old_b(3),
                         col(c.prev_ts), writable}, real);
    b.send(Bus::mem, {col(c.word), new_b(0) + two8 * new_b(1), new_b(2) + two8 * new_b(3), at,
                      writable}, real);
    timestamp_after(b, at, c.prev_ts, c.dt_lo, real);
    b.receive(Bus::transfer, {col(c.ts), col(c.word) + first, col(c.offset)}, real);
    b.send(Bus::transfer, {col(c.ts), col(c.word) + after_last, col(c.offset) + before}, real);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    w.set(c.ts, r.ts);
    w.set(c.word, r.word);
    w.set(c.offset, r.offset);
    w.set(c.first_s + r.first, 1);
    w.set(c.first_e + r.last, 1);
    for (uint32_t j = 0; j < 4; ++j) {
      w.set(c.old_byte + j, (r.prev_value >> (8 * j)) & 0xFFu);
      if constexpr (kRead) w.set(c.new_byte + j, (r.value >> (8 * j)) & 0xFFu);
    }
    w.set(c.prev_ts, r.prev_ts);
    w.set(c.dt_lo, (r.ts + 3 - r.prev_ts - 1) & 0xFFFFu);
    if constexpr (!kRead) w.set(c.writable, r.writable);
  }
};

using ReadTransferChip = InstructionChip<TransferSpec<true>>;
using WriteTransferChip = InstructionChip<TransferSpec<false>>;

}  // namespace kprove::rv32im
