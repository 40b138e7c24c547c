// The preprocessed columns of a chip list (program table, memory image): fixed by the program,
// committed once (the verifying key's commitment) and opened in every shard proof at the
// shard's points, so a verifier needs the root only.
#pragma once

#include <Kokkos_Core.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/pcs/basefold.hpp"
#include "engine/protocol/shard_protocol.hpp"
#include "kernels/mle/mle.hpp"
#include "views/trace.hpp"

namespace kprove {

template <class Mem>
struct Preprocessed {
  std::vector<std::size_t> chips;               // detail::preprocessed_chips order
  std::vector<Owned<Mat<Felt, Mem>>> matrices;  // each chip's preprocessed columns
  std::optional<BasefoldCommitment<Mem>> commitment;

  Digest root() const { return commitment->root(); }
  std::vector<Mat<Felt, Mem>> views() const {
    std::vector<Mat<Felt, Mem>> out;
    for (const auto& m : matrices) out.push_back(m.view());
    return out;
  }
};

// Commits the preprocessed columns of `traces[k]` for every chip k that has some (traces in
// chip order; the others may be empty). Throws std::invalid_argument for a missing or
// mis-shaped trace.
template <class Exec>
Preprocessed<typename Exec::memory_space> commit_preprocessed(
    const Exec& exec, MemoryLedger& ledger, const ChipList& chips,
    const std::vector<Trace<typename Exec::memory_space>>& traces, const PcsParams& params) {
  using Mem = typename Exec::memory_space;
  Preprocessed<Mem> out;
  out.chips = detail::preprocessed_chips(chips);
  if (out.chips.empty()) return out;
  int log_max = 1;
  for (std::size_t k : out.chips) {
    const chip::Chip& c = *chips[k];
    if (k >= traces.size() || traces[k].cols() != c.num_columns())
      throw std::invalid_argument("commit_preprocessed: no trace of chip " + c.name());
    const auto& t = traces[k];
    out.matrices.push_back(alloc_mat<Felt, Mem>(ledger, "preprocessed:" + c.name(), t.rows(),
                                                c.preprocessed_columns()));
    const std::size_t first = c.structured_columns();
    Kokkos::deep_copy(exec, out.matrices.back().view(),
                      Kokkos::subview(t.view(), Kokkos::ALL,
                                      std::make_pair(first, first + c.preprocessed_columns())));
    log_max = std::max(log_max, mle_num_vars(t.rows(), "commit_preprocessed"));
  }
  const NttTwiddles<Mem> twiddles(ledger, log_max);
  out.commitment.emplace(basefold_commit(exec, ledger, out.views(), params, twiddles));
  exec.fence();
  return out;
}

}  // namespace kprove
