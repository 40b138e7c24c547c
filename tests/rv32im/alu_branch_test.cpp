// The alu_reg, alu_imm and branch chips on every backend, on synthetic records (every opcode
// over edge operands, every shift amount, random operands; results from a reference written
// here) and on the records of real guests: constraints hold, every lookup finds its table
// row, the register write carries the result and the next state the branch target, padding
// rows send nothing, and a column that some opcode's rows leave unconstrained is one of the
// documented scratch columns. Then forged rows — a wrong result with every witness column
// the cheat can adjust re-solved — must be rejected, each by the check that should catch it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "engine/rv32im/chips/alu_imm.hpp"
#include "engine/rv32im/chips/alu_reg.hpp"
#include "engine/rv32im/chips/branch.hpp"
#include "support/backends.hpp"
#include "support/chip_check.hpp"
#include "support/rv32_asm.hpp"

namespace kprove::rv32im {
namespace {

using vm::Op;

// ---- reference semantics and encoders, independent of the emulator and decoder ----

uint32_t ref_alu(Op op, uint32_t a, uint32_t b) {
  const uint32_t s = b & 31;
  switch (op) {
    case Op::add: case Op::addi: return a + b;
    case Op::sub: return a - b;
    case Op::sll: case Op::slli: return a << s;
    case Op::slt: case Op::slti: return int32_t(a) < int32_t(b);
    case Op::sltu: case Op::sltiu: return a < b;
    case Op::xor_: case Op::xori: return a ^ b;
    case Op::srl: case Op::srli: return a >> s;
    case Op::sra: case Op::srai: return uint32_t(int32_t(a) >> s);
    case Op::or_: case Op::ori: return a | b;
    case Op::and_: case Op::andi: return a & b;
    default: ADD_FAILURE() << "no ALU op"; return 0;
  }
}

bool ref_taken(Op op, uint32_t a, uint32_t b) {
  switch (op) {
    case Op::beq: return a == b;
    case Op::bne: return a != b;
    case Op::blt: return int32_t(a) < int32_t(b);
    case Op::bge: return int32_t(a) >= int32_t(b);
    case Op::bltu: return a < b;
    case Op::bgeu: return a >= b;
    default: ADD_FAILURE() << "no branch"; return false;
  }
}

constexpr Op kRType[] = {Op::add, Op::sub, Op::sll, Op::slt, Op::sltu,
                         Op::xor_, Op::srl, Op::sra, Op::or_, Op::and_};
constexpr Op kIType[] = {Op::addi, Op::slti, Op::sltiu, Op::xori, Op::ori,
                         Op::andi, Op::slli, Op::srli, Op::srai};
constexpr Op kBType[] = {Op::beq, Op::bne, Op::blt, Op::bge, Op::bltu, Op::bgeu};

bool is_shift(Op op) {
  return op == Op::sll || op == Op::srl || op == Op::sra || op == Op::slli || op == Op::srli ||
         op == Op::srai;
}

const std::vector<uint32_t> kEdges = {0,          1,          2,          0x7FFF,     0x8000,
                                      0xFFFF,     0x10000,    0x1FFFF,    0x7FFFFFFF, 0x80000000,
                                      0x80000001, 0xFFFF0000, 0xFFFFFFFE, 0xFFFFFFFF, 0x12345678,
                                      0xDEADBEEF};
// Register shift amounts: every low-5-bit value, and high bits that RV32 ignores.
std::vector<uint32_t> shift_operands() {
  std::vector<uint32_t> v;
  for (uint32_t s = 0; s < 32; ++s) v.push_back(s);
  for (uint32_t b : {32u, 33u, 63u, 0xFFE0u, 0xFFFFu, 0x10005u, 0x7FFFFFE3u, 0xFFFFFFE0u,
                     0xFFFFFFFFu})
    v.push_back(b);
  return v;
}

vm::Step step(std::size_t i, uint32_t insn, uint32_t pc = 0) {
  return {pc ? pc : uint32_t(0x10000 + 4 * i), insn, uint32_t(4 * (i + 1))};
}

std::vector<vm::RTypeRecord> alu_reg_records() {
  std::mt19937 rng(7);
  std::vector<vm::RTypeRecord> out;
  auto add = [&](Op op, uint32_t a, uint32_t b) {
    const std::size_t i = out.size();
    const uint32_t rd = 1 + i % 31, rs1 = i % 32, rs2 = (i / 32) % 32;
    const uint32_t prev = uint32_t(i * 2654435761u);
    out.push_back({step(i, test::rv32::encode(op, rd, rs1, rs2, 0)), {a, 0}, {b, uint32_t(i % 3)},
                   {ref_alu(op, a, b), prev, uint32_t(i % 5)}});
  };
  for (const Op op : kRType) {
    const auto bs = is_shift(op) ? shift_operands() : kEdges;
    for (uint32_t a : kEdges)
      for (uint32_t b : bs) add(op, a, b);
    for (int k = 0; k < 64; ++k) add(op, rng(), rng());
  }
  return out;
}

std::vector<vm::ITypeRecord> alu_imm_records() {
  std::mt19937 rng(11);
  std::vector<vm::ITypeRecord> out;
  const std::vector<int32_t> imms = {0, 1, 2, -1, -2, 0x7FF, -0x800, 0x555, -0x556, 0xFF, -0x100};
  auto add = [&](Op op, uint32_t a, int32_t imm) {
    const std::size_t i = out.size();
    const uint32_t rd = 1 + i % 31, rs1 = i % 32;
    out.push_back({step(i, test::rv32::encode(op, rd, rs1, 0, imm)), {a, 0},
                   {ref_alu(op, a, uint32_t(imm)), uint32_t(i * 40503u), 0}});
  };
  for (const Op op : kIType) {
    std::vector<int32_t> is = imms;
    if (is_shift(op)) {
      is.clear();
      for (int32_t s = 0; s < 32; ++s) is.push_back(s);
    }
    for (uint32_t a : kEdges)
      for (int32_t imm : is) add(op, a, imm);
    for (int k = 0; k < 64; ++k)
      add(op, rng(), is_shift(op) ? int32_t(rng() & 31) : int32_t(rng() & 0xFFF) - 0x800);
  }
  return out;
}

std::vector<vm::BranchRecord> branch_records() {
  std::mt19937 rng(13);
  std::vector<vm::BranchRecord> out;
  auto add = [&](Op op, uint32_t a, uint32_t b, int32_t imm, uint32_t pc) {
    const std::size_t i = out.size();
    out.push_back({step(i, test::rv32::encode(op, 0, i % 32, (i / 7) % 32, imm), pc), {a, 0},
                   {b, 1}});
  };
  const int32_t imms[] = {8, -8, 4094, -4096};
  for (const Op op : kBType) {
    for (uint32_t a : kEdges)
      for (uint32_t b : kEdges) add(op, a, b, imms[(a ^ b) % 4], 0);
    for (uint32_t a : kEdges) add(op, a, a, 8, 0);
    // Targets across 0: pc + imm wraps.
    add(op, 1, 1, -16, 0x8);
    add(op, 0, 0, 0x10, 0xFFFFFFF8u);
    add(op, 0, 5, -16, 0x8);
    for (int k = 0; k < 64; ++k) {
      const uint32_t a = rng(), b = k % 4 == 0 ? a : rng();
      add(op, a, b, 2 * (int32_t(rng() & 0xFFF) - 0x800), 0);
    }
  }
  return out;
}

// ---- checks shared by the three chips ----

// The messages of a row that count: those with nonzero multiplicity.
std::vector<test::Message> sent(const chip::Chip& chip, std::span<const Felt> row) {
  std::vector<test::Message> out;
  for (auto& m : test::row_messages(chip, row))
    if (!m.multiplicity.is_zero()) out.push_back(std::move(m));
  return out;
}

// Witness columns where adding a delta to a cell of one of `rows` changes neither a
// constraint value nor a message with nonzero multiplicity of that row
// (test::unconstrained_columns over chosen rows, blind to messages the row does not send).
std::vector<std::string> unconstrained_columns(const chip::Chip& chip, const test::ChipTrace& t,
                                               const std::vector<std::size_t>& rows) {
  std::vector<std::string> out;
  for (std::size_t c = chip.fixed_columns(); c < t.cols; ++c) {
    bool noticed = true;
    for (std::size_t i = 0; i < rows.size() && noticed; ++i) {
      std::vector<Felt> row(t.row(rows[i]).begin(), t.row(rows[i]).end());
      const auto before = sent(chip, row);
      row[c] += Felt::from_u64(1 + (rows[i] % 7));
      bool changed = sent(chip, row) != before;
      for (const Expr& e : chip.constraints())
        changed = changed || !e.evaluate(std::span<const Felt>(row)).is_zero();
      noticed = changed;
    }
    if (!noticed) out.push_back(chip.columns()[c]);
  }
  return out;
}

// Every lookup of the row into a fixed table (u16_range, and_byte) with nonzero
// multiplicity finds its tuple in the table.
bool lookups_ok(const chip::Chip& chip, std::span<const Felt> row) {
  for (const auto& m : test::row_messages(chip, row))
    if (!m.multiplicity.is_zero() &&
        (m.bus == chip::Bus::u16_range || m.bus == chip::Bus::and_byte)) {
      uint64_t v[3] = {};
      for (std::size_t i = 0; i < m.tuple.size(); ++i) v[i] = m.tuple[i].value();
      if (chip::table_row(m.bus, v) < 0) return false;
    }
  return true;
}

// Every constraint holds and every lookup finds its table row: what a row must do for its
// shard to verify, the balance of the other buses aside.
bool row_accepted(const chip::Chip& chip, std::span<const Felt> row) {
  for (const Expr& e : chip.constraints())
    if (!e.evaluate(row).is_zero()) return false;
  return lookups_ok(chip, row);
}

template <class Chip>
Op op_of(const typename Chip::Record& r) {
  return vm::decode(r.step.insn).op;
}

// Columns a row of each opcode may leave free (scratch of the other opcodes).
std::set<std::string> scratch_columns(const std::string& chip) {
  if (chip == "branch") return {"d_lo", "d_hi"};
  std::set<std::string> s = {"w", "rest"};
  for (int i = 0; i < 8; ++i) s.insert("t" + std::to_string(i));
  return s;
}

template <class Exec, class Chip>
test::ChipTrace check_trace(const Chip& chip, const std::vector<typename Chip::Record>& records) {
  EXPECT_FALSE(records.empty());
  const test::ChipTrace t = test::chip_trace<Exec>(chip, records);
  EXPECT_EQ(t.cols, chip.num_columns());
  EXPECT_LE(chip.max_degree(), 3);
  const auto failures = test::constraint_failures(chip, t);
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first "
                                << (failures.empty() ? "" : failures[0]);
  std::size_t rejected = 0;
  for (std::size_t r = 0; r < t.rows; ++r) rejected += !row_accepted(chip, t.row(r));
  EXPECT_EQ(rejected, 0u);
  for (std::size_t r = t.real; r < t.rows; ++r)
    for (const auto& m : test::row_messages(chip, t.row(r)))
      EXPECT_TRUE(m.multiplicity.is_zero()) << "padding row " << r;

  // Per opcode: what its rows leave unconstrained is scratch; when every opcode is there,
  // every column is constrained by some opcode's rows.
  std::map<Op, std::vector<std::size_t>> rows_of;
  for (std::size_t r = 0; r < t.real; ++r) rows_of[op_of<Chip>(records[r])].push_back(r);
  const std::set<std::string> scratch = scratch_columns(chip.name());
  std::map<std::string, std::size_t> free_in;
  for (const auto& [op, rows] : rows_of) {
    const std::vector<std::size_t> sample(rows.begin(),
                                          rows.begin() + std::min<std::size_t>(rows.size(), 48));
    for (const std::string& c : unconstrained_columns(chip, t, sample)) {
      EXPECT_TRUE(scratch.count(c)) << vm::mnemonic(op) << " leaves " << c << " unconstrained";
      ++free_in[c];
    }
  }
  if (rows_of.size() == chip.cols().op.count)
    for (const auto& [c, n] : free_in)
      EXPECT_LT(n, rows_of.size()) << c << " is unconstrained on every opcode's rows";
  return t;
}

template <class Exec, class Chip>
void check_alu(const Chip& chip, const std::vector<typename Chip::Record>& records) {
  const test::ChipTrace t = check_trace<Exec>(chip, records);
  for (std::size_t r = 0; r < t.real; ++r) {
    const auto& rec = records[r];
    const auto writes = test::messages_on(chip, t, r, chip::Bus::reg);
    ASSERT_GE(writes.size(), 2u);
    const auto& sent = writes.back();  // the rd write's send comes last
    ASSERT_EQ(sent.tuple[1], Felt::from_u64(rec.rd.value & 0xFFFF))
        << vm::mnemonic(op_of<Chip>(rec)) << " " << std::hex << rec.rs1.value << " row " << r;
    ASSERT_EQ(sent.tuple[2], Felt::from_u64(rec.rd.value >> 16)) << "row " << r;
    ASSERT_EQ(sent.tuple[3], Felt::from_u64(rec.step.ts + 2));
    const auto state = test::messages_on(chip, t, r, chip::Bus::state);
    ASSERT_EQ(state.size(), 2u);
    ASSERT_EQ(state[1].tuple[0], Felt::from_u64(rec.step.pc + 4));
  }
}

template <class Exec>
void check_branch(const BranchChip& chip, const std::vector<vm::BranchRecord>& records) {
  const test::ChipTrace t = check_trace<Exec>(chip, records);
  for (std::size_t r = 0; r < t.real; ++r) {
    const auto& rec = records[r];
    const vm::Insn insn = vm::decode(rec.step.insn);
    const bool taken = ref_taken(insn.op, rec.rs1.value, rec.rs2.value);
    const uint32_t target = rec.step.pc + (taken ? uint32_t(insn.imm) : 4u);
    const auto state = test::messages_on(chip, t, r, chip::Bus::state);
    ASSERT_EQ(state.size(), 2u);
    ASSERT_EQ(state[1].tuple[0], Felt::from_u64(target))
        << vm::mnemonic(insn.op) << " " << std::hex << rec.rs1.value << " " << rec.rs2.value;
    ASSERT_EQ(state[1].tuple[1], Felt::from_u64(rec.step.ts + 4));
  }
}


KPROVE_BACKEND_SUITE(AluBranchTest);

TYPED_TEST(AluBranchTest, AluRegSynthetic) {
  check_alu<typename TestFixture::Exec>(AluRegChip(), alu_reg_records());
}
TYPED_TEST(AluBranchTest, AluImmSynthetic) {
  check_alu<typename TestFixture::Exec>(AluImmChip(), alu_imm_records());
}
TYPED_TEST(AluBranchTest, BranchSynthetic) {
  check_branch<typename TestFixture::Exec>(BranchChip(), branch_records());
}

TYPED_TEST(AluBranchTest, Guests) {
  REQUIRE_GUESTS();
  using Exec = typename TestFixture::Exec;
  const AluRegChip reg;
  const AluImmChip imm;
  const BranchChip branch;
  const std::vector<std::uint8_t> input(100, 0x61);
  for (const char* g : {"asm/alu_r", "asm/shifts", "asm/slt", "programs/insn_coverage"})
    check_alu<Exec>(reg, test::guest_records<vm::RTypeRecord>(g, vm::ChipKind::alu_reg));
  for (const char* g : {"asm/alu_i", "asm/shifts", "asm/slt", "programs/insn_coverage"})
    check_alu<Exec>(imm, test::guest_records<vm::ITypeRecord>(g, vm::ChipKind::alu_imm));
  for (const char* g : {"asm/branches", "programs/insn_coverage"})
    check_branch<Exec>(branch, test::guest_records<vm::BranchRecord>(g, vm::ChipKind::branch));
  check_alu<Exec>(reg, test::guest_records<vm::RTypeRecord>("programs/sha256",
                                                            vm::ChipKind::alu_reg, input));
  check_alu<Exec>(imm, test::guest_records<vm::ITypeRecord>("programs/sha256",
                                                            vm::ChipKind::alu_imm, input));
  check_branch<Exec>(branch, test::guest_records<vm::BranchRecord>(
                                 "programs/sort", vm::ChipKind::branch));
}

// ---- forged rows ----

Felt F(int64_t v) { return v >= 0 ? Felt::from_u64(uint64_t(v)) : -Felt::from_u64(uint64_t(-v)); }
uint64_t val(const std::vector<Felt>& row, uint32_t c) { return row[c].value(); }

// Why a row is rejected: a constraint, or (every constraint holding) a fixed-table lookup.
enum class Verdict { accepted, constraint, lookup };
Verdict verdict(const chip::Chip& chip, const std::vector<Felt>& row) {
  for (const Expr& e : chip.constraints())
    if (!e.evaluate(std::span<const Felt>(row)).is_zero()) return Verdict::constraint;
  return row_accepted(chip, row) ? Verdict::accepted : Verdict::lookup;
}

// Sign bits forged in pairs: sa' = sa - u/2^16 and sb' = sb - v/2^16 with u - v = 2^16 D
// pass both sign lookups (2 hi - 2^16 s' = x + u, y + v stay in [0, 2^16), x and y the
// honest values) and move sb - sa by D, an integer: only booleanity stops them. False
// where no such u exists (the honest x, y do not allow it).
bool forge_sign_pair(std::vector<Felt>& row, uint32_t a_hi, uint32_t b_hi, uint32_t sa,
                     uint32_t sb, int64_t D) {
  const int64_t x = 2 * int64_t(row[a_hi].value()) - 65536 * int64_t(row[sa].value());
  const int64_t y = 2 * int64_t(row[b_hi].value()) - 65536 * int64_t(row[sb].value());
  for (int64_t u = -x; u < 65536 - x; ++u) {
    const int64_t v = u - 65536 * D;
    if (y + v < 0 || y + v >= 65536) continue;
    const Felt inv16 = Felt::from_u64(65536).inverse();
    row[sa] -= F(u) * inv16, row[sb] -= F(v) * inv16;
    return true;
  }
  return false;
}

// Counts forgeries; `lookup`: the forgery keeps every constraint, so only a lookup can
// catch it (the test of that lookup's necessity).
struct Forger {
  const chip::Chip& chip;
  std::size_t forged = 0;
  void reject(const std::vector<Felt>& row, const char* what, bool lookup = false) {
    ++forged;
    const Verdict v = verdict(chip, row);
    EXPECT_NE(v, Verdict::accepted) << what;
    if (lookup) EXPECT_EQ(v, Verdict::lookup) << what;
  }
  // Passes every lookup: only a constraint (a booleanity) catches it.
  void reject_by_constraint(const std::vector<Felt>& row, const char* what) {
    ++forged;
    EXPECT_EQ(verdict(chip, row), Verdict::constraint) << what;
    EXPECT_TRUE(lookups_ok(chip, row)) << what << ": not the forgery meant";
  }
  // Both rejected, one of them by a lookup alone.
  void reject_either(const std::vector<Felt>& x, const std::vector<Felt>& y, const char* what) {
    forged += 2;
    const Verdict u = verdict(chip, x), v = verdict(chip, y);
    EXPECT_TRUE(u != Verdict::accepted && v != Verdict::accepted) << what;
    EXPECT_TRUE(u == Verdict::lookup || v == Verdict::lookup) << what;
  }
};

// Rows of the honest trace with the opcodes `ops`, as host vectors.
template <class Chip>
std::vector<std::vector<Felt>> rows_with(const Chip& chip,
                                         const std::vector<typename Chip::Record>& records,
                                         std::initializer_list<Op> ops) {
  const test::ChipTrace t = test::chip_trace<Kokkos::Serial>(chip, records);
  std::vector<std::vector<Felt>> out;
  for (std::size_t r = 0; r < t.real; ++r)
    if (std::find(ops.begin(), ops.end(), op_of<Chip>(records[r])) != ops.end())
      out.emplace_back(t.row(r).begin(), t.row(r).end());
  EXPECT_FALSE(out.empty());
  return out;
}

// Sets the u16 limbs of T into y0, y1 (and y2 >= 0); false if T has no such limbs.
bool put_limbs(std::vector<Felt>& row, Felt T, uint32_t y0, uint32_t y1, int64_t y2) {
  const uint64_t t = T.value();
  if (t >> (y2 >= 0 ? 48 : 32)) return false;
  row[y0] = F(int64_t(t & 0xFFFF)), row[y1] = F(int64_t((t >> 16) & 0xFFFF));
  if (y2 >= 0) row[uint32_t(y2)] = F(int64_t(t >> 32));
  return true;
}

// c and W re-solved from the shift equation (in the field) for the row's possibly forged
// pow, Mx and fill; false if the solution has no u16 limbs (the row is then rejected anyway).
bool resolve_shift(std::vector<Felt>& row, const AluCoreCols& k, Word a, Op op) {
  const Felt alo = row[a.lo], ahi = row[a.hi], pow = row[k.pow], mx = row[k.t[6]],
             fill = row[k.t[7]], two16 = Felt::from_u64(65536), two32 = two16 * two16;
  const bool s4 = val(row, k.t[4]) != 0;
  const bool left = op == Op::sll || op == Op::slli;
  const bool sra = op == Op::sra || op == Op::srai;
  Felt T = left ? alo * pow + two16 * ahi * mx : alo * mx + two16 * ahi * pow;
  if (sra) T -= two32 * fill * (pow - two16);
  if (left && !s4) return put_limbs(row, T, k.c.lo, k.c.hi, k.w);
  if (left) return row[k.c.lo] = Felt::zero(), put_limbs(row, T, k.c.hi, k.w, -1);
  if (!s4) return put_limbs(row, T, k.w, k.c.lo, k.c.hi);
  row[k.c.hi] = sra ? Felt::from_u64(0xFFFF) * fill : Felt::zero();
  return put_limbs(row, T * two16.inverse(), k.w, k.c.lo, -1);
}

// N, pow and Mx from the row's bits (as the constraints define them, in the field).
void rederive_pow(std::vector<Felt>& row, const AluCoreCols& k, bool left) {
  const Felt one = Felt::one();
  const Felt n = (one + row[k.t[0]]) * (one + Felt::from_u64(3) * row[k.t[1]]) *
                 Felt::from_u64(left ? 1 : 2);
  row[k.t[5]] = n;
  row[k.pow] = n * (one + Felt::from_u64(15) * row[k.t[2]]) *
               (one + Felt::from_u64(255) * row[k.t[3]]);
  row[k.t[6]] = (one - row[k.t[4]]) * row[k.pow];
}

template <class Chip>
void forge_alu(const Chip& chip, const std::vector<typename Chip::Record>& records,
               Word a, Word bw, bool immediate) {
  const AluCoreCols& k = chip.cols().alu;
  const auto pick = [immediate](Op r, Op i) { return immediate ? i : r; };
  Forger f{chip};
  const Felt two16 = Felt::from_u64(1u << 16), one = Felt::one();

  // add/sub: c_hi moved by 2^16, or c_lo by 2^16 against 1 in c_hi (the same word value):
  // one direction gives a carry its other boolean value, so only the range checks catch it.
  for (const Op op : {pick(Op::add, Op::addi), Op::sub}) {
    if (immediate && op == Op::sub) continue;
    for (auto row : rows_with(chip, records, {op})) {
      auto up = row, down = row;
      up[k.c.hi] += two16, down[k.c.hi] -= two16;
      f.reject_either(up, down, "add/sub c_hi by 2^16");
      up = row, down = row;
      up[k.c.lo] += two16, up[k.c.hi] -= one;
      down[k.c.lo] -= two16, down[k.c.hi] += one;
      f.reject_either(up, down, "add/sub carry moved");
    }
  }
  // slt/sltu: the other result, balanced by d_hi (out of range: a lookup catches it), or
  // for slt by sa or sb (then no longer the sign bits, or not boolean).
  const uint32_t d_hi = immediate ? k.t[0] : k.rest;
  for (const Op op : {pick(Op::slt, Op::slti), pick(Op::sltu, Op::sltiu)})
    for (auto row : rows_with(chip, records, {op})) {
      const Felt flip = val(row, k.c.lo) ? -one : one;
      row[k.c.lo] += flip;
      auto by_d = row;
      by_d[d_hi] += flip * two16;
      f.reject(by_d, "slt via d_hi", true);
      if (op == Op::slt || op == Op::slti) {
        auto by_sa = row;
        by_sa[k.t[7]] += flip;
        f.reject(by_sa, "slt via sa");
        if (!immediate) {
          auto by_sb = row;
          by_sb[k.t[6]] -= flip;
          f.reject(by_sb, "slt via sb");
          auto pair = row;
          const int64_t dlt = val(row, k.c.lo) ? 1 : -1;
          if (forge_sign_pair(pair, a.hi, bw.hi, k.t[7], k.t[6], -dlt))
            f.reject_by_constraint(pair, "slt via non-boolean sign bits");
        }
      }
    }
  // Bitwise: a result bit flipped through x0, which then is not a0 & b0 (or not a byte).
  for (const Op op : {pick(Op::and_, Op::andi), pick(Op::or_, Op::ori), pick(Op::xor_, Op::xori)})
    for (auto row : rows_with(chip, records, {op})) {
      const Felt d = val(row, k.c.lo) & 1 ? -one : one;
      row[k.c.lo] += d;
      // c_lo = X_lo (and), a + b - X_lo (or), a + b - 2 X_lo (xor)
      const Felt dx = op == Op::and_ || op == Op::andi ? d
                      : op == Op::or_ || op == Op::ori ? -d
                                                       : -d * Felt::from_u64(2).inverse();
      row[k.t[4]] += dx;
      f.reject(row, "bitwise via x0", true);
    }
  // Shifts: another amount (each bit flipped in turn) or the other fill, with N, pow, Mx, c
  // and W re-solved, and rest for a register amount (a fraction then: only its range check
  // catches it).
  for (const Op op : {pick(Op::sll, Op::slli), pick(Op::srl, Op::srli), pick(Op::sra, Op::srai)}) {
    const bool left = op == Op::sll || op == Op::slli;
    for (const auto& honest : rows_with(chip, records, {op})) {
      auto same = honest;
      rederive_pow(same, k, left);
      ASSERT_TRUE(resolve_shift(same, k, a, op));
      ASSERT_EQ(same, honest) << "the re-solvers reproduce an honest row";
      for (uint32_t bit = 0; bit < 5; ++bit) {
        auto row = honest;
        row[k.t[bit]] = one - row[k.t[bit]];
        rederive_pow(row, k, left);
        if (!immediate) {
          const uint64_t e = val(row, k.t[0]) + 2 * val(row, k.t[1]) + 4 * val(row, k.t[2]) +
                             8 * val(row, k.t[3]);
          const int64_t s = (left ? int64_t(e) : 15 - int64_t(e)) + 16 * int64_t(val(row, k.t[4]));
          row[k.rest] = (row[bw.lo] - F(s)) * Felt::from_u64(32).inverse();
        }
        const bool solved = resolve_shift(row, k, a, op);
        f.reject(row, "shift by another amount", solved && !immediate);
      }
      // Bits that are no bits, b_lo's decomposition kept: e1 (e3) from 1 to 0 and e0 (e2)
      // up by 2; pow is then no power of two.
      for (const uint32_t lo : {0u, 2u})
        if (val(honest, k.t[lo + 1]) == 1) {
          auto row = honest;
          row[k.t[lo]] += F(2), row[k.t[lo + 1]] = Felt::zero();
          rederive_pow(row, k, left);
          if (resolve_shift(row, k, a, op))
            f.reject_by_constraint(row, "shift with non-boolean bits");
        }
      if (op == Op::sra || op == Op::srai) {
        auto row = honest;
        row[k.t[7]] = one - row[k.t[7]];
        const bool solved = resolve_shift(row, k, a, op);
        f.reject(row, "sra with the other fill", solved);
        // A fill that passes the sign lookup without being boolean, (2 a_hi - x) / 2^16
        // for another x: 2^32 fill (pow - 2^16) is then the integer
        // 2^16 (2 a_hi - x)(pow - 2^16), which moves the result.
        for (const int64_t dx : {-1, 1, 77}) {
          auto forged = honest;
          const int64_t x =
              2 * int64_t(val(honest, a.hi)) - 65536 * int64_t(val(honest, k.t[7])) + dx;
          if (x < 0 || x >= 65536) continue;
          forged[k.t[7]] = (Felt::from_u64(2) * honest[a.hi] - F(x)) * two16.inverse();
          // (with s4 = 1 the shifted-in limb 0xFFFF fill is out of range: a lookup catches it)
          if (val(honest, k.t[4]) == 0 && resolve_shift(forged, k, a, op))
            f.reject_by_constraint(forged, "sra with a non-boolean fill");
        }
      }
    }
  }
  EXPECT_GT(f.forged, 1000u);
}

TEST(AluBranchForgeries, AluReg) {
  const AluRegChip chip;
  forge_alu(chip, alu_reg_records(), chip.cols().step.rs1_read.value,
            chip.cols().step.rs2_read.value, false);
}
TEST(AluBranchForgeries, AluImm) {
  const AluImmChip chip;
  forge_alu(chip, alu_imm_records(), chip.cols().rs1_read.value, chip.cols().imm, true);
}

TEST(AluBranchForgeries, Branch) {
  const BranchChip chip;
  const auto& c = chip.cols();
  const auto records = branch_records();
  const Felt two16 = Felt::from_u64(1u << 16), one = Felt::one();
  Forger f{chip};
  // next_pc and jump_wrap for the row's taken, so a forgery is only the comparison's.
  const auto retarget = [&](std::vector<Felt>& row) {
    const uint64_t imm = val(row, c.imm.lo) | val(row, c.imm.hi) << 16;
    const uint64_t target = val(row, c.step.pc) + (val(row, c.taken) ? imm : 4);
    row[c.next_pc] = F(int64_t(target & 0xFFFFFFFFu)), row[c.jump_wrap] = F(int64_t(target >> 32));
  };
  for (const auto& honest : rows_with(chip, records, {Op::beq, Op::bne})) {
    // The other outcome, with inv the difference's inverse (or anything when it is zero).
    auto row = honest;
    row[c.taken] = one - row[c.taken];
    retarget(row);
    const Felt delta = (row[c.rs1_read.value.lo] + two16 * row[c.rs1_read.value.hi]) -
                       (row[c.rs2_read.value.lo] + two16 * row[c.rs2_read.value.hi]);
    for (const Felt inv : {delta.inverse(), Felt::from_u64(12345), Felt::zero()}) {
      row[c.d.lo] = inv;
      f.reject(row, "beq/bne the other way");
    }
  }
  for (const auto& honest : rows_with(chip, records, {Op::blt, Op::bge, Op::bltu, Op::bgeu})) {
    const bool is_signed = val(honest, c.op.column(Op::blt)) || val(honest, c.op.column(Op::bge));
    const bool direct = val(honest, c.op.column(Op::blt)) || val(honest, c.op.column(Op::bltu));
    auto row = honest;
    const Felt flip = val(row, c.taken) ? -one : one;
    row[c.taken] += flip;
    retarget(row);
    const Felt dlt = direct ? flip : -flip;  // lt's change
    auto by_d = row;
    by_d[c.d.hi] += dlt * two16;
    f.reject(by_d, "compare via d_hi", true);
    if (is_signed) {
      auto by_sa = row, by_sb = row, pair = row;
      by_sa[c.sa] += dlt, by_sb[c.sb] -= dlt;
      f.reject(by_sa, "compare via sa");
      f.reject(by_sb, "compare via sb");
      const int64_t d = dlt == one ? 1 : -1;
      if (forge_sign_pair(pair, c.rs1_read.value.hi, c.rs2_read.value.hi, c.sa, c.sb, -d))
        f.reject_by_constraint(pair, "compare via non-boolean sign bits");
    }
  }
  EXPECT_GT(f.forged, 500u);
}

}  // namespace
}  // namespace kprove::rv32im
