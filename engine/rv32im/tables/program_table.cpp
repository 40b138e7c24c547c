#include "engine/rv32im/tables/program_table.hpp"

#include <stdexcept>
#include <string>

#include "engine/rv32im/step.hpp"

namespace kprove::rv32im {

namespace {

chip::ChipBuilder declare() {
  chip::ChipBuilder b("program");
  const uint32_t pc = b.preprocessed("pc"), f = b.preprocessed("fields");
  const uint32_t lo = b.preprocessed("imm_lo"), hi = b.preprocessed("imm_hi");
  const uint32_t mult = b.witness("mult");
  b.receive(chip::Bus::program, {col(pc), col(f), col(lo), col(hi)}, col(mult));
  return b;
}

chip::ProgramRows program_rows(const vm::Guest& guest) {
  chip::ProgramRows rows;
  for (const auto& code : guest.code()) {
    if (rows.segments == chip::ProgramRows::kMaxSegments)
      throw std::invalid_argument(guest.program().name + ": more than " +
                                  std::to_string(chip::ProgramRows::kMaxSegments) +
                                  " executable segments");
    rows.base[rows.segments] = code.base;
    rows.words[rows.segments] = uint32_t(code.insns.size());
    rows.first[rows.segments] = rows.rows();
    ++rows.segments;
  }
  return rows;
}

}  // namespace

ProgramTable::ProgramTable(uint32_t log_rows) : Chip(declare()), log_rows_(log_rows) {}

ProgramContent program_content(const vm::Guest& guest) {
  const chip::ProgramRows rows = program_rows(guest);
  ProgramContent out{rows, chip::HostTrace(chip::padded_rows(rows.rows()), 5)};
  std::size_t r = 0;
  for (const auto& code : guest.code())
    for (std::size_t i = 0; i < code.insns.size(); ++i, ++r) {
      const vm::Insn& in = code.insns[i];
      out.fixed.set(r, 0, code.base + 4 * i);
      out.fixed.set(r, 1, pack_fields(in.op, in.rd, in.rs1, in.rs2));
      out.fixed.set_word(r, 2, uint32_t(in.imm));
    }
  return out;
}

}  // namespace kprove::rv32im
