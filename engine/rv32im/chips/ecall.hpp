// ECALL: exit (a7 = 93), read (63, fd 0: the public input) and write (64, fd 1: the public
// output); any other a7 or fd matches no selector and is unprovable. a7, a0, a1, a2 are read
// at ts, a0 is written at ts + 2 (exit and write write back a0 and a2, read the count).
//   exit   sends (a0, ts + 4) on the halt bus instead of a next state: the run ends here.
//   read   count = n (= a2) or, short, count < n (n - count - 1 in [0, 2^32)); a short read
//          sets the input stream's eof, after which every read has count 0. The verifier
//          closes the stream at (input_read, eof) and checks eof => input_read = |input|,
//          so a short read before the end of the input is unprovable.
//   write  count = n.
// read and write move the stream cursor by count and hand the bytes [a1, a1 + count) to the
// transfer chips: they send (ts, a1, cursor) on the transfer bus and receive (ts, a1 + count,
// cursor + count), which the transfer rows of this call connect byte by byte (transfer.hpp).
#pragma once

#include "engine/rv32im/instruction_chip.hpp"

namespace kprove::rv32im {

inline constexpr uint32_t kSysExit = 93, kSysRead = 63, kSysWrite = 64;
inline constexpr uint32_t kRegA0 = 10, kRegA1 = 11, kRegA2 = 12, kRegA7 = 17;

struct EcallSpec {
  static constexpr const char* kName = "ecall";
  static constexpr vm::ChipKind kKind = vm::ChipKind::ecall;
  using Record = vm::EcallRecord;
  static constexpr std::size_t kColumns = 33;

  struct Cols {
    uint32_t is_exit, is_read, is_write;
    StepCols step;
    RegReadCols a7, a0, a1, a2;
    Word ret;
    RegWriteCols ret_write;
    uint32_t count, cursor, eof_in, is_short, eof_out, short_dt_lo;
  };

  static Cols build(ChipBuilder& b) {
    using chip::Bus;
    Cols c;
    c.is_exit = b.witness("is_exit");
    c.is_read = b.witness("is_read");
    c.is_write = b.witness("is_write");
    c.step = step_columns(b);
    const Expr exit = col(c.is_exit), read = col(c.is_read), write = col(c.is_write);
    const Expr real = exit + read + write, io = read + write;
    c.a7 = reg_read(b, "a7", cst(kRegA7), c.step, 0, real);
    c.a0 = reg_read(b, "a0", cst(kRegA0), c.step, 0, real);
    c.a1 = reg_read(b, "a1", cst(kRegA1), c.step, 0, real);
    c.a2 = reg_read(b, "a2", cst(kRegA2), c.step, 0, real);
    c.ret = b.witness_word("ret");
    c.ret_write = reg_write(b, "ret", cst(kRegA0), col(c.ret.lo), col(c.ret.hi), c.step, real);
    c.count = b.witness("count");
    c.cursor = b.witness("cursor");
    c.eof_in = b.witness("eof_in");
    c.is_short = b.witness("is_short");
    c.eof_out = b.witness("eof_out");
    c.short_dt_lo = b.witness("short_dt_lo");
    const Expr a0 = chip::value_of(c.a0.value), a1 = chip::value_of(c.a1.value);
    const Expr n = chip::value_of(c.a2.value), ret = chip::value_of(c.ret), count = col(c.count);
    const Expr is_short = col(c.is_short), eof_in = col(c.eof_in);
    for (uint32_t x : {c.is_exit, c.is_read, c.is_write, c.is_short}) b.constrain(chip::boolean(col(x)));
    b.constrain(chip::boolean(real));
    // The call and its file descriptor.
    b.constrain(col(c.a7.value.lo) - cst(kSysExit) * exit - cst(kSysRead) * read -
                cst(kSysWrite) * write);
    b.constrain(col(c.a7.value.hi));
    b.constrain(read * a0);
    b.constrain(write * (a0 - cst(1)));
    // The value written back to a0 (limb by limb: a value equation alone would let other
    // limbs through), and the count moved.
    b.constrain(exit * (col(c.ret.lo) - col(c.a0.value.lo)) +
                write * (col(c.ret.lo) - col(c.a2.value.lo)));
    b.constrain(exit * (col(c.ret.hi) - col(c.a0.value.hi)) +
                write * (col(c.ret.hi) - col(c.a2.value.hi)));
    b.constrain(read * (ret - count));
    b.constrain(exit * count + write * (count - n));
    b.range16(col(c.ret.lo), read);
    b.range16(col(c.ret.hi), read);
    // Reads: full (count = n) or short (count < n, setting eof); nothing after eof.
    b.constrain(is_short * (cst(1) - read));
    b.constrain((read - is_short) * (count - n));
    timestamp_after(b, n, c.count, c.short_dt_lo, is_short);  // count < n
    b.constrain(eof_in * count);
    // Cells no interaction reads on some rows are pinned to 0 there, so every witness cell is
    // bound (tests/rv32im/mutation_test.cpp).
    b.constrain(exit * col(c.cursor));
    b.constrain((cst(1) - is_short) * col(c.short_dt_lo));
    b.constrain(col(c.eof_out) - eof_in - is_short + eof_in * is_short);
    // Stream and transfer.
    b.receive(Bus::stream, {write, col(c.cursor), eof_in}, io);
    b.send(Bus::stream, {write, col(c.cursor) + count, col(c.eof_out)}, io);
    b.send(Bus::transfer, {col(c.step.ts), a1, col(c.cursor)}, io);
    b.receive(Bus::transfer, {col(c.step.ts), a1 + count, col(c.cursor) + count}, io);
    // Control: exit halts, read and write continue.
    b.send(Bus::halt, {col(c.a0.value.lo), col(c.a0.value.hi), col(c.step.ts) + cst(4)}, exit);
    receive_state(b, c.step, real);
    send_state(b, c.step, col(c.step.pc) + cst(4), io);
    fetch(b, c.step, fields(cst(uint32_t(vm::Op::ecall)), cst(0), cst(0), cst(0)), cst(0),
          cst(0), real);
    return c;
  }

  KOKKOS_INLINE_FUNCTION static void fill(const Cols& c, const Record& r, const RowWriter& w) {
    const uint32_t call = r.a7.value;
    const bool read = call == kSysRead, write = call == kSysWrite;
    w.set(call == kSysExit ? c.is_exit : read ? c.is_read : c.is_write, 1);
    w.step(c.step, r.step);
    w.read(c.a7, r.a7, r.step.ts);
    w.read(c.a0, r.a0, r.step.ts);
    w.read(c.a1, r.a1, r.step.ts);
    w.read(c.a2, r.a2, r.step.ts);
    w.word(c.ret, r.ret.value);
    w.write(c.ret_write, r.ret, r.step.ts + 2);
    const uint32_t count = read || write ? r.ret.value : 0;
    const bool is_short = read && count < r.a2.value;
    w.set(c.count, count);
    w.set(c.cursor, r.stream_offset);
    w.set(c.eof_in, r.eof_in);
    w.set(c.is_short, is_short);
    w.set(c.eof_out, r.eof_in || is_short);
    if (is_short) w.set(c.short_dt_lo, (r.a2.value - count - 1) & 0xFFFFu);
  }
};

using EcallChip = InstructionChip<EcallSpec>;

}  // namespace kprove::rv32im
