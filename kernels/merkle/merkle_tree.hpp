// Mixed-matrix Merkle commitment (MMCS), Plonky3 MerkleTreeMmcs semantics with arity 2, over
// a Hasher (kernels/hash/sponge.hpp): hash = Hash::hash_elements (padding-free sponge) and
// compress = Hash::compress (2-to-1 truncated permutation).
//
// Commitment rule, for matrices of power-of-two heights, H = the tallest height:
//  1. Matrices are ordered tallest first; equal heights keep the caller's order.
//  2. Bottom layer (length H): leaf r = hash(row r of every matrix of height H, concatenated
//     in that order).
//  3. Layer l+1 (length H >> (l+1)): node i = compress(node_l[2i], node_l[2i+1]); if matrices
//     of height H >> (l+1) exist, then node i = compress(node i, hash(row i of each of them,
//     concatenated)).
//  4. The root is the single node of the top layer (layer log2 H).
// An opening of bottom index j holds, per matrix (caller order), its row j >> log2(H / h_i),
// and the siblings node_l[(j >> l) ^ 1] for l = 0 .. log2(H) - 1.
//
// The tree keeps copies of the matrices' View handles so openings can read rows later; their
// memory stays booked by the caller's owners. Its own buffers (all layers, in one allocation)
// are booked in the ledger passed to build().
#pragma once

#include <Kokkos_Core.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/hash/sponge.hpp"
#include "kernels/merkle/impl/merkle_kernels.hpp"
#include "kernels/merkle/impl/mmcs_layout.hpp"
#include "kernels/merkle/opening.hpp"
#include "views/owned.hpp"

namespace kprove {

template <class Mem, class Hash = GoldilocksHasher>
class MerkleTree {
 public:
  using Hasher = Hash;
  using Field = typename Hash::Field;
  using Digest = typename Hash::Digest;
  using Opening = MerkleOpeningOf<Hash>;

  // Throws std::invalid_argument if `matrices` is empty or a height is not a power of two.
  template <class Exec>
  static MerkleTree build(const Exec& exec, MemoryLedger& ledger,
                          const std::vector<Mat<Field, Mem>>& matrices);

  Digest root() const { return root_; }
  std::size_t height() const { return layout_.max_height; }  // leaves in the bottom layer
  int depth() const { return layout_.log_max_height; }       // siblings per opening
  const std::vector<std::size_t>& heights() const { return heights_; }  // caller order
  const std::vector<std::size_t>& widths() const { return widths_; }
  std::size_t bytes() const { return refs_.bytes() + digests_.bytes(); }

  // Throws std::out_of_range if index >= height().
  Opening open(std::size_t index) const { return open_batch({index}).front(); }
  // One gather kernel and two device-to-host copies for all indices.
  std::vector<Opening> open_batch(const std::vector<std::size_t>& indices) const;

 private:
  MerkleTree(MemoryLedger& ledger, const std::vector<Mat<Field, Mem>>& matrices);
  template <class Exec>
  void upload_refs(const Exec& exec);

  MemoryLedger* ledger_;
  std::vector<Mat<Field, Mem>> matrices_;  // caller order
  std::vector<std::size_t> heights_, widths_;
  detail::MmcsLayout layout_;
  std::size_t total_width_ = 0;
  Owned<Vec<detail::MatRef<Field>, Mem>> refs_;  // tallest-first order
  Owned<Vec<Digest, Mem>> digests_;       // all layers, see detail::layer_offset
  Digest root_{};
};

template <class Mem, class Hash>
MerkleTree<Mem, Hash>::MerkleTree(MemoryLedger& ledger,
                               const std::vector<Mat<Field, Mem>>& matrices)
    : ledger_(&ledger), matrices_(matrices) {
  for (const auto& m : matrices_) {
    heights_.push_back(m.extent(0));
    widths_.push_back(m.extent(1));
    total_width_ += m.extent(1);
  }
  layout_ = detail::MmcsLayout::from_heights(heights_);
}

template <class Mem, class Hash>
template <class Exec>
void MerkleTree<Mem, Hash>::upload_refs(const Exec& exec) {
  std::vector<detail::MatRef<Field>> host;
  std::size_t offset = 0;
  for (std::size_t p = 0; p < layout_.order.size(); ++p) {
    const auto& m = matrices_[layout_.order[p]];
    host.push_back(detail::MatRef<Field>{m.data(), m.extent(1), std::size_t(m.stride(0)),
                                         layout_.shift(m.extent(0)), offset});
    offset += m.extent(1);
  }
  refs_ = upload_vec<Mem>(exec, *ledger_, "merkle.matrix_refs", host);
}

template <class Mem, class Hash>
template <class Exec>
MerkleTree<Mem, Hash> MerkleTree<Mem, Hash>::build(const Exec& exec, MemoryLedger& ledger,
                                             const std::vector<Mat<Field, Mem>>& matrices) {
  static_assert(Kokkos::SpaceAccessibility<Exec, Mem>::accessible,
                "the execution space must be able to read the matrices");
  MerkleTree t(ledger, matrices);
  t.upload_refs(exec);
  const std::size_t H = t.layout_.max_height;
  t.digests_ = alloc_vec<Digest, Mem>(ledger, "merkle.layers", 2 * H - 1);
  const auto& digests = t.digests_.view();
  const auto& leaves = t.layout_.groups.front();
  Kokkos::parallel_for(
      "kprove::merkle::leaves", Kokkos::RangePolicy<Exec>(exec, 0, H),
      detail::HashLeafRows<Hash, Mem>{t.refs_.view(), leaves.begin, leaves.end, digests});
  for (int l = 0; l < t.depth(); ++l) {
    const std::size_t len = H >> (l + 1);
    const auto* g = t.layout_.group_of_height(len);
    Kokkos::parallel_for("kprove::merkle::layer", Kokkos::RangePolicy<Exec>(exec, 0, len),
                         detail::CompressLayer<Hash, Mem>{
                             digests, detail::layer_offset(H, l), detail::layer_offset(H, l + 1),
                             t.refs_.view(), g != nullptr, g ? g->begin : 0, g ? g->end : 0});
  }
  Kokkos::View<Digest, Kokkos::HostSpace> root(
      Kokkos::view_alloc(Kokkos::WithoutInitializing, "merkle.root"));
  Kokkos::deep_copy(exec, root, Kokkos::subview(digests, 2 * H - 2));
  exec.fence();
  t.root_ = root();
  return t;
}

template <class Mem, class Hash>
std::vector<MerkleOpeningOf<Hash>> MerkleTree<Mem, Hash>::open_batch(
    const std::vector<std::size_t>& indices) const {
  using Exec = typename Mem::execution_space;
  for (std::size_t index : indices)
    if (index >= height())
      throw std::out_of_range("MerkleTree::open: index " + std::to_string(index) +
                              " out of range for a tree of height " + std::to_string(height()));
  const std::size_t nq = indices.size();
  auto d_indices = alloc_vec<std::size_t, Mem>(*ledger_, "merkle.open.indices", nq);
  Kokkos::deep_copy(
      d_indices.view(),
      Kokkos::View<const std::size_t*, Kokkos::HostSpace, Kokkos::MemoryTraits<Kokkos::Unmanaged>>(
          indices.data(), nq));
  auto rows = alloc_mat<Field, Mem>(*ledger_, "merkle.open.rows", nq, total_width_);
  auto sibs = alloc_mat<Digest, Mem>(*ledger_, "merkle.open.siblings", nq, depth());
  const Exec exec;
  Kokkos::parallel_for("kprove::merkle::open", Kokkos::RangePolicy<Exec>(exec, 0, nq),
                       detail::GatherOpenings<Hash, Mem>{d_indices.view(), refs_.view(),
                                                         digests_.view(), height(), depth(),
                                                         rows.view(), sibs.view()});
  exec.fence();
  const auto h_rows = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), rows.view());
  const auto h_sibs = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), sibs.view());

  std::vector<std::size_t> offset(matrices_.size());  // caller index -> column in h_rows
  for (std::size_t p = 0, o = 0; p < layout_.order.size(); ++p) {
    offset[layout_.order[p]] = o;
    o += widths_[layout_.order[p]];
  }
  std::vector<Opening> out(nq);
  for (std::size_t q = 0; q < nq; ++q) {
    for (std::size_t i = 0; i < matrices_.size(); ++i) {
      const Field* row = h_rows.data() + q * total_width_ + offset[i];
      out[q].rows.emplace_back(row, row + widths_[i]);
    }
    for (int l = 0; l < depth(); ++l) out[q].siblings.push_back(h_sibs(q, l));
  }
  return out;
}

}  // namespace kprove
