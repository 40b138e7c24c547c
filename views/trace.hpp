// A row-major witness trace (rows = padded steps, cols = chip columns) in one memory space.
// Move-only: commit consumes it, and the raw buffer is released as soon as the commit no
// longer needs it, which the ledger records.
#pragma once

#include <string>

#include "kernels/field/goldilocks.hpp"
#include "views/owned.hpp"

namespace kprove {

template <class MemSpace>
using TraceView = Mat<Felt, MemSpace>;

template <class MemSpace>
class Trace {
 public:
  using memory_space = MemSpace;

  Trace() = default;
  Trace(std::string name, Owned<TraceView<MemSpace>> data)
      : name_(std::move(name)), data_(std::move(data)) {}
  Trace(Trace&&) noexcept = default;
  Trace& operator=(Trace&&) noexcept = default;

  static Trace allocate(MemoryLedger& ledger, std::string name, std::size_t rows,
                        std::size_t cols) {
    auto data = alloc_mat<Felt, MemSpace>(ledger, "trace:" + name, rows, cols);
    return Trace(std::move(name), std::move(data));
  }

  const std::string& name() const { return name_; }
  const TraceView<MemSpace>& view() const { return data_.view(); }
  std::size_t rows() const { return data_.view().extent(0); }
  std::size_t cols() const { return data_.view().extent(1); }
  std::size_t bytes() const { return data_.bytes(); }
  bool empty() const { return data_.empty(); }

  // Frees the raw trace now; used by commit once the encoded copy exists.
  void release() { data_.release(); }

 private:
  std::string name_;
  Owned<TraceView<MemSpace>> data_;
};

}  // namespace kprove
