// An RV32IM instruction chip from its Spec, the one place a chip is declared:
//
//   struct Spec {
//     static constexpr const char* kName;        // the chip's name
//     static constexpr vm::ChipKind kKind;       // the records it proves (instruction chips)
//     using Record = vm::...Record;
//     static constexpr std::size_t kColumns;     // = the columns build declares
//     struct Cols { ... };                       // column indices, device-copyable
//     static Cols build(ChipBuilder&);           // columns, constraints, interactions
//     KOKKOS_INLINE_FUNCTION static void fill(const Cols&, const Record&, const RowWriter&);
//   };
//
// fill writes one real row (pre-zeroed); padding rows stay zero, so every constraint must
// vanish on a zero row and every multiplicity be zero there.
#pragma once

#include <Kokkos_Core.hpp>
#include <string>
#include <utility>

#include "engine/chip/witgen.hpp"
#include "engine/rv32im/step.hpp"

namespace kprove::rv32im {

template <class Spec>
class InstructionChip : public chip::Chip {
 public:
  using spec = Spec;
  using Record = typename Spec::Record;
  using Cols = typename Spec::Cols;

  InstructionChip() : InstructionChip(declare()) {}

  const Cols& cols() const { return cols_; }

  // The device functor of one row (public: nvcc's kernel stubs name it).
  struct Fill {
    static constexpr std::size_t kColumns = Spec::kColumns;
    Cols cols;
    KOKKOS_INLINE_FUNCTION void operator()(const Record& r, Felt* row) const {
      Spec::fill(cols, r, RowWriter{row});
    }
  };

  // The trace of `records`, padded_rows(n) x kColumns; counts the rows' lookups into
  // `counters`. Fences exec.
  template <class Exec>
  Trace<typename Exec::memory_space> witgen(
      const Exec& exec, MemoryLedger& ledger,
      const Kokkos::View<const Record*, typename Exec::memory_space>& records,
      const chip::MultiplicityCounters<typename Exec::memory_space>& counters) const {
    return chip::witgen_rows(exec, ledger, *this, records, counters, Fill{cols_});
  }

 private:
  struct Declared {
    ChipBuilder builder;
    Cols cols;
  };
  static Declared declare() {
    ChipBuilder b(Spec::kName);
    const Cols cols = Spec::build(b);
    return {std::move(b), cols};
  }
  explicit InstructionChip(Declared d) : Chip(std::move(d.builder)), cols_(d.cols) {}

  Cols cols_;
};

}  // namespace kprove::rv32im
