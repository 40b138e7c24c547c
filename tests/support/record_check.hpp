// An independent checker of execution records: what the zkVM's constraints and memory
// argument will demand of them. Returns the first problem found, or "" when the records are a
// complete, consistent account of the run:
//   * every record's result follows from its operands (RV32IM semantics written out afresh);
//   * steps chain: ts = 4(c + 1) for the run's cycle c, each pc the previous step's next pc;
//   * per register and memory word, accesses chain by (prev_ts, prev_value) from the shard's
//     boundary entry (and the address's last timestamp in an earlier shard) to its final
//     entry, and the boundary tables list exactly what was touched;
//   * shards chain: start pc = previous end pc, and every boundary init value is the final
//     value of the shard it names (or the program image / zero registers).
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "engine/vm/decode.hpp"
#include "engine/vm/memory.hpp"
#include "engine/vm/records.hpp"

namespace kprove::test {

namespace record_check_detail {

using namespace kprove::vm;

struct Access {
  std::uint32_t ts, prev_ts, before, after;
};
struct StepView {
  std::uint32_t ts, pc, next_pc;
  bool exit;
};

inline std::uint32_t expected(Op op, std::uint32_t a, std::uint32_t b) {
  const auto sa = static_cast<std::int64_t>(static_cast<std::int32_t>(a));
  const auto sb = static_cast<std::int64_t>(static_cast<std::int32_t>(b));
  switch (op) {
    case Op::add: case Op::addi: return a + b;
    case Op::sub: return a - b;
    case Op::sll: case Op::slli: return a << (b % 32);
    case Op::slt: case Op::slti: return sa < sb;
    case Op::sltu: case Op::sltiu: return a < b;
    case Op::xor_: case Op::xori: return a ^ b;
    case Op::srl: case Op::srli: return a >> (b % 32);
    case Op::sra: case Op::srai: return static_cast<std::uint32_t>(sa >> (b % 32));
    case Op::or_: case Op::ori: return a | b;
    case Op::and_: case Op::andi: return a & b;
    case Op::mul: return static_cast<std::uint32_t>(std::uint64_t(a) * b);
    case Op::mulh: return static_cast<std::uint32_t>(static_cast<std::uint64_t>(sa * sb) >> 32);
    case Op::mulhsu:
      return static_cast<std::uint32_t>(static_cast<std::uint64_t>(sa * std::int64_t(b)) >> 32);
    case Op::mulhu: return static_cast<std::uint32_t>((std::uint64_t(a) * b) >> 32);
    case Op::div: return b == 0 ? 0xffffffffu : static_cast<std::uint32_t>(sb == -1 ? -sa : sa / sb);
    case Op::divu: return b == 0 ? 0xffffffffu : a / b;
    case Op::rem: return b == 0 ? a : static_cast<std::uint32_t>(sb == -1 ? 0 : sa % sb);
    case Op::remu: return b == 0 ? a : a % b;
    default: return 0;
  }
}

class Checker {
 public:
  std::string error;

  void fail(const std::string& what, const Step& s) {
    if (error.empty()) error = what + " (pc " + std::to_string(s.pc) + ", ts " + std::to_string(s.ts) + ")";
  }
  void reg(std::uint32_t r, std::uint32_t ts, const RegRead& a) { regs[r].push_back({ts, a.prev_ts, a.value, a.value}); }
  void reg(std::uint32_t r, std::uint32_t ts, const RegWrite& a) { regs[r].push_back({ts, a.prev_ts, a.prev_value, a.value}); }
  void mem(std::uint32_t ts, std::uint32_t addr, std::uint32_t prev_ts, std::uint32_t before, std::uint32_t after) {
    mems[addr].push_back({ts, prev_ts, before, after});
  }

  void step(const Step& s, std::uint32_t next, bool exit = false) { steps.push_back({s.ts, s.pc, next, exit}); }

  void rtype(const RTypeRecord& r) {
    const Insn in = decode(r.step.insn);
    reg(in.rs1, r.step.ts, r.rs1);
    reg(in.rs2, r.step.ts + 1, r.rs2);
    reg(in.rd, r.step.ts + 2, r.rd);
    if (r.rd.value != expected(in.op, r.rs1.value, r.rs2.value)) fail(std::string("wrong ") + mnemonic(in.op) + " result", r.step);
    step(r.step, r.step.pc + 4);
  }
  void itype(const ITypeRecord& r, bool jalr) {
    const Insn in = decode(r.step.insn);
    reg(in.rs1, r.step.ts, r.rs1);
    reg(in.rd, r.step.ts + 2, r.rd);
    const std::uint32_t imm = static_cast<std::uint32_t>(in.imm);
    const std::uint32_t want = jalr ? r.step.pc + 4 : expected(in.op, r.rs1.value, imm);
    if (r.rd.value != want) fail(std::string("wrong ") + mnemonic(in.op) + " result", r.step);
    step(r.step, jalr ? (r.rs1.value + imm) & ~1u : r.step.pc + 4);
  }
  void branch(const BranchRecord& r) {
    const Insn in = decode(r.step.insn);
    reg(in.rs1, r.step.ts, r.rs1);
    reg(in.rs2, r.step.ts + 1, r.rs2);
    const std::uint32_t a = r.rs1.value, b = r.rs2.value;
    const auto sa = static_cast<std::int32_t>(a), sb = static_cast<std::int32_t>(b);
    const bool t = in.op == Op::beq ? a == b : in.op == Op::bne ? a != b : in.op == Op::blt ? sa < sb
                 : in.op == Op::bge ? sa >= sb : in.op == Op::bltu ? a < b : a >= b;
    step(r.step, t ? r.step.pc + static_cast<std::uint32_t>(in.imm) : r.step.pc + 4);
  }
  void utype(const UTypeRecord& r) {
    const Insn in = decode(r.step.insn);
    reg(in.rd, r.step.ts + 2, r.rd);
    const std::uint32_t imm = static_cast<std::uint32_t>(in.imm);
    const std::uint32_t want = in.op == Op::lui ? imm : in.op == Op::auipc ? r.step.pc + imm : r.step.pc + 4;
    if (r.rd.value != want) fail(std::string("wrong ") + mnemonic(in.op) + " result", r.step);
    step(r.step, in.op == Op::jal ? r.step.pc + imm : r.step.pc + 4);
  }
  void load(const LoadRecord& r) {
    const Insn in = decode(r.step.insn);
    reg(in.rs1, r.step.ts, r.rs1);
    reg(in.rd, r.step.ts + 2, r.rd);
    const std::uint32_t addr = r.rs1.value + static_cast<std::uint32_t>(in.imm);
    mem(r.step.ts + 3, r.mem.addr, r.mem.prev_ts, r.mem.value, r.mem.value);
    const std::uint32_t sh = (addr % 4) * 8, v = r.mem.value >> sh;
    const std::uint32_t want = in.op == Op::lb ? std::uint32_t(std::int32_t(std::int8_t(v)))
                             : in.op == Op::lh ? std::uint32_t(std::int32_t(std::int16_t(v)))
                             : in.op == Op::lbu ? (v & 0xff) : in.op == Op::lhu ? (v & 0xffff) : v;
    if (r.mem.addr != (addr & ~3u) || r.rd.value != want) fail("wrong load", r.step);
    step(r.step, r.step.pc + 4);
  }
  void store(const StoreRecord& r) {
    const Insn in = decode(r.step.insn);
    reg(in.rs1, r.step.ts, r.rs1);
    reg(in.rs2, r.step.ts + 1, r.rs2);
    const std::uint32_t addr = r.rs1.value + static_cast<std::uint32_t>(in.imm);
    mem(r.step.ts + 3, r.mem.addr, r.mem.prev_ts, r.mem.prev_value, r.mem.value);
    std::uint32_t want = r.rs2.value;
    if (in.op != Op::sw) {
      const std::uint32_t bits = in.op == Op::sb ? 8 : 16, sh = (addr % 4) * 8;
      const std::uint32_t m = ((1u << bits) - 1) << sh;
      want = (r.mem.prev_value & ~m) | ((r.rs2.value << sh) & m);
    }
    if (r.mem.addr != (addr & ~3u) || r.mem.value != want) fail("wrong store", r.step);
    step(r.step, r.step.pc + 4);
  }
  void ecall(const EcallRecord& r, const std::vector<MemWrite>& io) {
    reg(17, r.step.ts, r.a7);
    reg(10, r.step.ts, r.a0);
    reg(11, r.step.ts, r.a1);
    reg(12, r.step.ts, r.a2);
    reg(10, r.step.ts + 2, r.ret);
    for (std::uint32_t i = r.io_first; i < r.io_first + r.io_count; ++i)
      mem(r.step.ts + 3, io[i].addr, io[i].prev_ts, io[i].prev_value, io[i].value);
    step(r.step, r.step.pc + 4, r.a7.value == 93);
  }

  std::map<std::uint32_t, std::vector<Access>> regs, mems;
  std::vector<StepView> steps;
};

// Accesses of one address chain from its boundary entry to its final value.
// `init_ts`: the timestamp of the address's last access in an earlier shard (0: none).
inline std::string check_chain(const char* what, std::uint32_t addr, std::vector<Access> acc,
                               const BoundaryEntry* b, std::uint32_t init_ts) {
  const std::string name = std::string(what) + " " + std::to_string(addr);
  if (!b) return name + " is touched but not in the boundary table";
  std::sort(acc.begin(), acc.end(), [](const Access& x, const Access& y) { return x.ts < y.ts; });
  std::uint32_t ts = init_ts, value = b->init_value;
  for (const Access& a : acc) {
    if (a.ts <= ts && ts != 0) return name + ": two accesses at ts " + std::to_string(a.ts);
    if (a.prev_ts != ts) return name + ": prev_ts " + std::to_string(a.prev_ts) + ", expected " + std::to_string(ts);
    if (a.before != value) return name + ": reads " + std::to_string(a.before) + ", last written " + std::to_string(value);
    ts = a.ts;
    value = a.after;
  }
  if (b->final_value != value || b->final_ts != ts) return name + ": boundary final entry disagrees";
  return "";
}

inline const BoundaryEntry* find(const std::vector<BoundaryEntry>& t, std::uint32_t addr) {
  for (const BoundaryEntry& e : t)
    if (e.addr == addr) return &e;
  return nullptr;
}

// init_ts(is_register, address): the address's last timestamp before the shard (0: none).
template <class InitTs>
std::string check_shard(const ShardRecords& s, const InitTs& init_ts) {
  Checker c;
  for (const auto& r : s.alu_reg) c.rtype(r);
  for (const auto& r : s.mul) c.rtype(r);
  for (const auto& r : s.div) c.rtype(r);
  for (const auto& r : s.alu_imm) c.itype(r, false);
  for (const auto& r : s.jalr) c.itype(r, true);
  for (const auto& r : s.branch) c.branch(r);
  for (const auto& r : s.jal) c.utype(r);
  for (const auto& r : s.upper) c.utype(r);
  for (const auto& r : s.load) c.load(r);
  for (const auto& r : s.store) c.store(r);
  for (const auto& r : s.ecall) c.ecall(r, s.io_words);
  if (!c.error.empty()) return c.error;
  s.for_each_chip([&](ChipKind k, const auto& v) {
    for (const auto& r : v)
      if (chip_of(decode(r.step.insn).op) != k && c.error.empty())
        c.error = std::string("a ") + mnemonic(decode(r.step.insn).op) + " record among " + to_string(k);
  });
  if (!c.error.empty()) return c.error;

  if (c.steps.size() != s.cycles) return "records for " + std::to_string(c.steps.size()) + " of " + std::to_string(s.cycles) + " cycles";
  std::sort(c.steps.begin(), c.steps.end(), [](const StepView& a, const StepView& b) { return a.ts < b.ts; });
  std::uint32_t pc = s.start_pc;
  for (std::size_t i = 0; i < c.steps.size(); ++i) {
    const StepView& st = c.steps[i];
    if (st.ts != 4 * (s.first_cycle + i + 1))
      return "step " + std::to_string(i) + " at ts " + std::to_string(st.ts);
    if (st.pc != pc) return "step " + std::to_string(i) + " at pc " + std::to_string(st.pc) + ", expected " + std::to_string(pc);
    if (st.exit != (s.halted && i + 1 == c.steps.size())) return "exit out of place at step " + std::to_string(i);
    pc = st.exit ? st.pc : st.next_pc;
  }
  if (pc != s.end_pc) return "end pc " + std::to_string(s.end_pc) + ", expected " + std::to_string(pc);

  for (const auto& [r, acc] : c.regs)
    if (auto e = check_chain("register", r, acc, find(s.registers, r), init_ts(true, r)); !e.empty())
      return e;
  for (const auto& [a, acc] : c.mems)
    if (auto e = check_chain("word", a, acc, find(s.memory, a), init_ts(false, a)); !e.empty())
      return e;
  if (c.regs.size() != s.registers.size() || c.mems.size() != s.memory.size())
    return "boundary tables list addresses never touched";
  return "";
}

}  // namespace record_check_detail

// Checks every shard, then the chain between shards against the initial image.
inline std::string check_records(const std::vector<vm::ShardRecords>& shards,
                                 const vm::MemoryImage& image, std::uint32_t entry) {
  using namespace vm;
  // The latest final value per address, which shard wrote it and when.
  struct Last {
    std::uint32_t value, shard, ts;
  };
  std::map<std::uint32_t, Last> reg_last, mem_last;
  std::uint32_t pc = entry;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const ShardRecords& s = shards[i];
    const std::string at = "shard " + std::to_string(i) + ": ";
    const auto init_ts = [&](bool reg, std::uint32_t addr) {
      const auto& last = reg ? reg_last : mem_last;
      const auto it = last.find(addr);
      return it == last.end() ? 0u : it->second.ts;
    };
    if (auto e = record_check_detail::check_shard(s, init_ts); !e.empty()) return at + e;
    if (s.start_pc != pc) return at + "does not start where the previous shard ended";
    if (s.halted != (i + 1 == shards.size())) return at + "halted flag out of place";
    auto chain = [&](const std::vector<BoundaryEntry>& t, auto& last, auto image_value) -> std::string {
      for (const BoundaryEntry& b : t) {
        auto it = last.find(b.addr);
        const std::uint32_t origin = it == last.end() ? 0 : it->second.shard + 1;
        const std::uint32_t v = it == last.end() ? image_value(b.addr) : it->second.value;
        if (b.init_shard != origin || b.init_value != v)
          return at + "boundary entry " + std::to_string(b.addr) + " does not continue the previous state";
      }
      for (const BoundaryEntry& b : t)
        last[b.addr] = {b.final_value, static_cast<std::uint32_t>(i), b.final_ts};
      return "";
    };
    if (auto e = chain(s.registers, reg_last, [](std::uint32_t) { return 0u; }); !e.empty()) return e;
    auto image_word = [&](std::uint32_t addr) {
      const std::size_t slot = image.layout->slot_of(addr >> kPageShift);
      return image.pages[slot]->words[(addr >> 2) & (kPageWords - 1)];
    };
    if (auto e = chain(s.memory, mem_last, image_word); !e.empty()) return e;
    pc = s.end_pc;
  }
  return "";
}

}  // namespace kprove::test
