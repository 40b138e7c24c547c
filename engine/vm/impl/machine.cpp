#include "engine/vm/impl/machine.hpp"

#include <algorithm>
#include <cstdio>

namespace kprove::vm::detail {
namespace {

constexpr std::uint32_t kSysRead = 63, kSysWrite = 64, kSysExit = 93;
constexpr std::uint8_t kA0 = 10, kA1 = 11, kA2 = 12, kA7 = 17;

std::string hex32(std::uint32_t v) {
  char buf[12];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

std::uint32_t mulh(std::int64_t a, std::int64_t b) {
  return static_cast<std::uint32_t>(static_cast<std::uint64_t>(a * b) >> 32);
}
std::uint32_t div_s(std::uint32_t a, std::uint32_t b) {
  if (b == 0) return ~0u;
  if (a == 0x80000000u && b == ~0u) return a;
  return static_cast<std::uint32_t>(static_cast<std::int32_t>(a) / static_cast<std::int32_t>(b));
}
std::uint32_t rem_s(std::uint32_t a, std::uint32_t b) {
  if (b == 0) return a;
  if (a == 0x80000000u && b == ~0u) return 0;
  return static_cast<std::uint32_t>(static_cast<std::int32_t>(a) % static_cast<std::int32_t>(b));
}
std::uint32_t sra(std::uint32_t a, std::uint32_t sh) {
  return static_cast<std::uint32_t>(static_cast<std::int32_t>(a) >> (sh & 31));
}
bool lt(std::uint32_t a, std::uint32_t b) {
  return static_cast<std::int32_t>(a) < static_cast<std::int32_t>(b);
}

// R-type and I-type results; the second operand is rs2's value or the immediate.
std::uint32_t alu(Op op, std::uint32_t a, std::uint32_t b) {
  switch (op) {
    case Op::add: case Op::addi: return a + b;
    case Op::sub: return a - b;
    case Op::sll: case Op::slli: return a << (b & 31);
    case Op::slt: case Op::slti: return lt(a, b);
    case Op::sltu: case Op::sltiu: return a < b;
    case Op::xor_: case Op::xori: return a ^ b;
    case Op::srl: case Op::srli: return a >> (b & 31);
    case Op::sra: case Op::srai: return sra(a, b);
    case Op::or_: case Op::ori: return a | b;
    case Op::and_: case Op::andi: return a & b;
    case Op::mul: return a * b;
    case Op::mulh: return mulh(static_cast<std::int32_t>(a), static_cast<std::int32_t>(b));
    case Op::mulhsu: return mulh(static_cast<std::int32_t>(a), b);
    case Op::mulhu: return static_cast<std::uint32_t>((std::uint64_t(a) * b) >> 32);
    case Op::div: return div_s(a, b);
    case Op::divu: return b == 0 ? ~0u : a / b;
    case Op::rem: return rem_s(a, b);
    case Op::remu: return b == 0 ? a : a % b;
    default: return 0;
  }
}

bool taken(Op op, std::uint32_t a, std::uint32_t b) {
  switch (op) {
    case Op::beq: return a == b;
    case Op::bne: return a != b;
    case Op::blt: return lt(a, b);
    case Op::bge: return !lt(a, b);
    case Op::bltu: return a < b;
    default: return a >= b;  // bgeu
  }
}

// The loaded value from the aligned word; sub-word loads are sign- or zero-extended.
std::uint32_t extract(Op op, std::uint32_t word, std::uint32_t addr) {
  const std::uint32_t sh = (addr & 3) * 8;
  switch (op) {
    case Op::lb: return static_cast<std::uint32_t>(static_cast<std::int8_t>(word >> sh));
    case Op::lh: return static_cast<std::uint32_t>(static_cast<std::int16_t>(word >> sh));
    case Op::lbu: return (word >> sh) & 0xff;
    case Op::lhu: return (word >> sh) & 0xffff;
    default: return word;
  }
}

unsigned access_bytes(Op op) {
  switch (op) {
    case Op::lb: case Op::lbu: case Op::sb: return 1;
    case Op::lh: case Op::lhu: case Op::sh: return 2;
    default: return 4;
  }
}

}  // namespace

void Machine::fault(VmFault f, const std::string& detail) const {
  const Guest::Code* c = guest_.code_at(s_.pc);
  const std::uint32_t insn = c ? c->words[(s_.pc - c->base) / 4] : 0;
  throw VmError(f, s_.pc, insn, s_.cycle, detail);
}

void Machine::select_code(std::uint32_t pc) {
  const Guest::Code* c = guest_.code_at(pc);
  if (!c) fault(VmFault::fetch_fault, "pc " + hex32(pc) + " is outside the executable segments");
  code_ = c->insns.data();
  words_ = c->words.data();
  code_base_ = c->base;
  code_words_ = static_cast<std::uint32_t>(c->insns.size());
}

// RV32IM without C: a jump or taken branch to an address that is not 4-byte aligned raises
// instruction-address-misaligned at the jump.
std::uint32_t Machine::checked_target(std::uint32_t target) const {
  if (target & 3) fault(VmFault::misaligned_jump, "jump target " + hex32(target) + " is not 4-byte aligned");
  return target;
}

template <Mode M>
std::uint32_t* Machine::word(std::uint32_t addr, bool st, std::uint64_t ts, std::uint64_t* prev) {
  Page* p = (M == Mode::plain && !st) ? const_cast<Page*>(mem_.page(addr))
                                      : mem_.page_for_update(addr);
  if (!p)
    fault(st ? VmFault::store_fault : VmFault::load_fault,
          "address " + hex32(addr) + " is not mapped");
  if (st && (p->exec || !p->write))
    fault(VmFault::store_fault, "store to " + hex32(addr) + " in " +
                                    (p->exec ? "an executable" : "a read-only") + " segment");
  const std::uint32_t w = (addr >> 2) & (kPageWords - 1);
  if constexpr (M != Mode::plain) {
    *prev = p->ts[w];
    p->ts[w] = ts;
    if constexpr (M == Mode::recorded)
      if (*prev < base_ + 4) rec_->memory.push_back({addr & ~3u, p->words[w], origin(*prev), 0, 0});
  }
  return &p->words[w];
}

// read fills the words from the input, write appends their bytes to the output.
template <Mode M, bool kRead>
void Machine::transfer(std::uint32_t buf, std::uint32_t n, std::uint64_t ts) {
  if (n == 0) return;
  const std::uint64_t end = std::uint64_t(buf) + n;
  if (end > (std::uint64_t(1) << 32))
    fault(kRead ? VmFault::store_fault : VmFault::load_fault,
          "syscall buffer wraps the address space");
  for (std::uint64_t a = buf & ~3u; a < end; a += 4) {
    std::uint64_t prev = 0;
    std::uint32_t* w = word<M>(static_cast<std::uint32_t>(a), kRead, ts, &prev);
    const std::uint32_t old = *w;
    for (std::uint64_t b = std::max<std::uint64_t>(a, buf); b < std::min(a + 4, end); ++b) {
      const std::uint32_t sh = static_cast<std::uint32_t>(b - a) * 8;
      if constexpr (kRead)
        *w = (*w & ~(0xffu << sh)) | (std::uint32_t(input_[s_.input_pos + (b - buf)]) << sh);
      else
        result_.output.push_back(static_cast<std::uint8_t>(old >> sh));
    }
    if constexpr (M == Mode::tracked) ++io_words_[kRead ? 0 : 1];
    if constexpr (M == Mode::recorded)
      rec_->io_words.push_back({static_cast<std::uint32_t>(a), *w, old, stamp(prev)});
  }
}

template <Mode M>
std::uint32_t Machine::ecall(std::uint64_t ts) {
  EcallRecord r{};
  const std::uint32_t call = read_reg<M>(kA7, ts, &r.a7);
  const std::uint32_t a0 = read_reg<M>(kA0, ts, &r.a0);
  const std::uint32_t a1 = read_reg<M>(kA1, ts, &r.a1);
  const std::uint32_t a2 = read_reg<M>(kA2, ts, &r.a2);
  if constexpr (M == Mode::recorded) r.io_first = static_cast<std::uint32_t>(rec_->io_words.size());
  std::uint32_t ret = a0;
  if (call == kSysExit) {
    halted_ = true;
    result_.exit_code = a0;
    result_.exit_pc = s_.pc;
  } else if (call == kSysRead) {
    if (a0 != 0) fault(VmFault::bad_file_descriptor, "read from fd " + std::to_string(a0) + " (only fd 0, the public input)");
    const std::uint64_t left = input_.size() - s_.input_pos;
    ret = static_cast<std::uint32_t>(std::min<std::uint64_t>(a2, left));
    r.stream_offset = static_cast<std::uint32_t>(s_.input_pos);
    r.eof_in = s_.input_eof;
    transfer<M, true>(a1, ret, ts + 3);
    s_.input_pos += ret;
    s_.input_eof = s_.input_eof || ret < a2;
  } else if (call == kSysWrite) {
    if (a0 != 1) fault(VmFault::bad_file_descriptor, "write to fd " + std::to_string(a0) + " (only fd 1, the public output)");
    if (result_.output.size() + a2 > kMaxOutputBytes)
      fault(VmFault::output_limit, "output would exceed " + std::to_string(kMaxOutputBytes) + " bytes");
    r.stream_offset = static_cast<std::uint32_t>(result_.output.size());
    transfer<M, false>(a1, a2, ts + 3);
    s_.output_len = result_.output.size();
    ret = a2;
  } else {
    fault(VmFault::unsupported_ecall, "ecall a7=" + std::to_string(call) + " (supported: 63 read, 64 write, 93 exit)");
  }
  write_reg<M>(kA0, ret, ts + 2, &r.ret);
  if constexpr (M == Mode::recorded) {
    r.io_count = static_cast<std::uint32_t>(rec_->io_words.size()) - r.io_first;
    emit(rec_->ecall, r, ts);
  }
  return s_.pc + 4;
}

template <Mode M, Op O>
inline std::uint32_t Machine::step(const Insn& in, std::uint64_t ts) {
  constexpr ChipKind K = chip_of(O);
  constexpr bool kRec = M == Mode::recorded;
  if constexpr (M == Mode::tracked && K != ChipKind::invalid) ++rows_[static_cast<int>(K)];
  const std::uint32_t pc = s_.pc;
  if constexpr (K == ChipKind::alu_reg || K == ChipKind::mul || K == ChipKind::div) {
    RTypeRecord r;
    const std::uint32_t a = read_reg<M>(in.rs1, ts, &r.rs1);
    const std::uint32_t b = read_reg<M>(in.rs2, ts + 1, &r.rs2);
    write_reg<M>(in.rd, alu(O, a, b), ts + 2, &r.rd);
    if constexpr (kRec) emit(K == ChipKind::alu_reg ? rec_->alu_reg : K == ChipKind::mul ? rec_->mul : rec_->div, r, ts);
    return pc + 4;
  } else if constexpr (K == ChipKind::alu_imm) {
    ITypeRecord r;
    const std::uint32_t a = read_reg<M>(in.rs1, ts, &r.rs1);
    write_reg<M>(in.rd, alu(O, a, static_cast<std::uint32_t>(in.imm)), ts + 2, &r.rd);
    if constexpr (kRec) emit(rec_->alu_imm, r, ts);
    return pc + 4;
  } else if constexpr (K == ChipKind::branch) {
    BranchRecord r;
    const std::uint32_t a = read_reg<M>(in.rs1, ts, &r.rs1);
    const std::uint32_t b = read_reg<M>(in.rs2, ts + 1, &r.rs2);
    const std::uint32_t next = taken(O, a, b) ? checked_target(pc + in.imm) : pc + 4;
    if constexpr (kRec) emit(rec_->branch, r, ts);
    return next;
  } else if constexpr (K == ChipKind::jal || K == ChipKind::upper) {
    UTypeRecord r;
    const std::uint32_t imm = static_cast<std::uint32_t>(in.imm);
    const std::uint32_t next = K == ChipKind::jal ? checked_target(pc + imm) : pc + 4;
    write_reg<M>(in.rd, O == Op::lui ? imm : O == Op::auipc ? pc + imm : pc + 4, ts + 2, &r.rd);
    if constexpr (kRec) emit(K == ChipKind::jal ? rec_->jal : rec_->upper, r, ts);
    return next;
  } else if constexpr (K == ChipKind::jalr) {
    ITypeRecord r;
    const std::uint32_t a = read_reg<M>(in.rs1, ts, &r.rs1);
    const std::uint32_t next = checked_target((a + static_cast<std::uint32_t>(in.imm)) & ~1u);
    write_reg<M>(in.rd, pc + 4, ts + 2, &r.rd);
    if constexpr (kRec) emit(rec_->jalr, r, ts);
    return next;
  } else if constexpr (K == ChipKind::load) {
    LoadRecord r;
    const std::uint32_t addr = read_reg<M>(in.rs1, ts, &r.rs1) + static_cast<std::uint32_t>(in.imm);
    if (addr % access_bytes(O)) fault(VmFault::misaligned_load, "load from " + hex32(addr));
    std::uint64_t prev = 0;
    const std::uint32_t w = *word<M>(addr, false, ts + 3, &prev);
    write_reg<M>(in.rd, extract(O, w, addr), ts + 2, &r.rd);
    if constexpr (kRec) {
      const Page* page = mem_.page(addr);
      r.mem = {addr & ~3u, w, stamp(prev), page->write && !page->exec ? 1u : 0u};
      emit(rec_->load, r, ts);
    }
    return pc + 4;
  } else if constexpr (K == ChipKind::store) {
    StoreRecord r;
    const std::uint32_t addr = read_reg<M>(in.rs1, ts, &r.rs1) + static_cast<std::uint32_t>(in.imm);
    const std::uint32_t v = read_reg<M>(in.rs2, ts + 1, &r.rs2);
    constexpr unsigned kBytes = O == Op::sb ? 1 : O == Op::sh ? 2 : 4;
    if (addr % kBytes) fault(VmFault::misaligned_store, "store to " + hex32(addr));
    std::uint64_t prev = 0;
    std::uint32_t* w = word<M>(addr, true, ts + 3, &prev);
    const std::uint32_t old = *w, sh = (addr & 3) * 8;
    const std::uint32_t mask = (kBytes == 4 ? ~0u : ((1u << (8 * kBytes)) - 1)) << sh;
    *w = (old & ~mask) | ((v << sh) & mask);
    if constexpr (kRec) {
      r.mem = {addr & ~3u, *w, old, stamp(prev)};
      emit(rec_->store, r, ts);
    }
    return pc + 4;
  } else if constexpr (K == ChipKind::ecall) {
    return ecall<M>(ts);
  } else {
    fault(VmFault::illegal_instruction, "not an RV32IM instruction");
  }
}

template <Mode M>
bool Machine::run(std::uint64_t until, std::uint64_t max_cycles) {
  // Records hold 32-bit timestamps: a recorded run stops short of overflowing them.
  const std::uint64_t limit = M == Mode::recorded ? kMaxRecordedCycles : max_cycles;
  const std::uint64_t stop = std::min({until, max_cycles, limit});
  halted_ = false;
  while (s_.cycle < stop) {
    std::uint32_t idx = (s_.pc - code_base_) >> 2;
    if (idx >= code_words_) {
      select_code(s_.pc);
      idx = (s_.pc - code_base_) >> 2;
    }
    const Insn& in = code_[idx];
    const std::uint64_t ts = 4 * (s_.cycle + 1);
    std::uint32_t next;
    switch (in.op) {
#define KPROVE_OP_CASE(name, text) \
  case Op::name: next = step<M, Op::name>(in, ts); break;
      KPROVE_RV32IM_OPS(KPROVE_OP_CASE)
#undef KPROVE_OP_CASE
      default: next = step<M, Op::invalid>(in, ts);
    }
    ++s_.cycle;
    if (halted_) return true;
    s_.pc = next;
  }
  if (s_.cycle == max_cycles)
    fault(VmFault::max_cycles, "no exit within max_cycles = " + std::to_string(max_cycles));
  if (s_.cycle == limit && limit < until)
    throw std::invalid_argument("records hold 32-bit timestamps: a recorded run has at most " +
                                std::to_string(kMaxRecordedCycles) + " cycles");
  return false;
}

void Machine::begin_shard(ShardRecords& rec, std::uint32_t shard, std::uint64_t shard_cycles) {
  rec_ = &rec;
  base_ = 4 * s_.cycle;
  shard_cycles_ = shard_cycles;
  shard_start_ = s_;
  rec.shard = shard;
  rec.first_cycle = s_.cycle;
  rec.start_pc = s_.pc;
}

void Machine::end_shard(bool halted) {
  ShardRecords& rec = *rec_;
  rec.cycles = s_.cycle - rec.first_cycle;
  rec.halted = halted;
  rec.end_pc = halted ? result_.exit_pc : s_.pc;
  for (BoundaryEntry& e : rec.memory) {
    const Page* p = mem_.page(e.addr);
    const std::uint32_t w = (e.addr >> 2) & (kPageWords - 1);
    e.final_value = p->words[w];
    e.final_ts = stamp(p->ts[w]);
  }
  std::sort(rec.memory.begin(), rec.memory.end(),
            [](const BoundaryEntry& a, const BoundaryEntry& b) { return a.addr < b.addr; });
  for (std::uint32_t r = 0; r < kNumRegs; ++r)
    if (s_.reg_ts[r] >= base_ + 4)
      rec.registers.push_back({r, shard_start_.regs[r], origin(shard_start_.reg_ts[r]), s_.regs[r],
                               stamp(s_.reg_ts[r])});
  rec_ = nullptr;
}

template bool Machine::run<Mode::plain>(std::uint64_t, std::uint64_t);
template bool Machine::run<Mode::tracked>(std::uint64_t, std::uint64_t);
template bool Machine::run<Mode::recorded>(std::uint64_t, std::uint64_t);

}  // namespace kprove::vm::detail
