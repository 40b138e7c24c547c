// Device kernels of the MMCS tree. All layers live in one buffer: layer l (length H >> l)
// starts at layer_offset(H, l), the root is the last element.
#pragma once

#include <Kokkos_Core.hpp>
#include <cstddef>

#include "kernels/hash/sponge.hpp"

namespace kprove::detail {

// A committed matrix as the kernels see it (raw pointer into the caller's row-major View).
template <class F>
struct MatRef {
  const F* data;
  std::size_t width;
  std::size_t row_stride;
  int shift;               // opened row = bottom index >> shift
  std::size_t out_offset;  // where its row goes in a gathered opening (sorted order)
};

KOKKOS_INLINE_FUNCTION std::size_t layer_offset(std::size_t max_height, int l) {
  return 2 * max_height - 2 * (max_height >> l);
}

// Digest of row r of mats[begin, end) concatenated.
template <class H, class Refs>
KOKKOS_INLINE_FUNCTION typename H::Digest hash_rows(const Refs& mats, std::size_t begin,
                                                    std::size_t end, std::size_t r) {
  typename H::Sponge sponge;
  for (std::size_t m = begin; m < end; ++m) {
    const auto ref = mats(m);
    const auto* row = ref.data + r * ref.row_stride;
    for (std::size_t c = 0; c < ref.width; ++c) sponge.absorb(row[c]);
  }
  return sponge.finish();
}

// Bottom layer: one leaf per row of the tallest matrices.
template <class H, class Mem>
struct HashLeafRows {
  Kokkos::View<const MatRef<typename H::Field>*, Mem> mats;
  std::size_t begin, end;
  Kokkos::View<typename H::Digest*, Mem> digests;  // layer 0 starts at 0
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t r) const {
    digests(r) = hash_rows<H>(mats, begin, end, r);
  }
};

// Layer l+1 from layer l, injecting the rows of the matrices of that layer's height.
template <class H, class Mem>
struct CompressLayer {
  Kokkos::View<typename H::Digest*, Mem> digests;
  std::size_t prev_offset, next_offset;
  Kokkos::View<const MatRef<typename H::Field>*, Mem> mats;
  bool inject;
  std::size_t begin, end;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t i) const {
    auto d = H::compress(digests(prev_offset + 2 * i), digests(prev_offset + 2 * i + 1));
    if (inject) d = H::compress(d, hash_rows<H>(mats, begin, end, i));
    digests(next_offset + i) = d;
  }
};

// Openings of several bottom indices at once: rows (sorted matrix order, concatenated) and the
// sibling path bottom-up.
template <class H, class Mem>
struct GatherOpenings {
  Kokkos::View<const std::size_t*, Mem> indices;
  Kokkos::View<const MatRef<typename H::Field>*, Mem> mats;
  Kokkos::View<const typename H::Digest*, Mem> digests;
  std::size_t max_height;
  int depth;
  Kokkos::View<typename H::Field**, Kokkos::LayoutRight, Mem> rows;
  Kokkos::View<typename H::Digest**, Kokkos::LayoutRight, Mem> siblings;
  KOKKOS_INLINE_FUNCTION void operator()(std::size_t q) const {
    const std::size_t index = indices(q);
    for (std::size_t m = 0; m < mats.extent(0); ++m) {
      const auto ref = mats(m);
      const auto* row = ref.data + (index >> ref.shift) * ref.row_stride;
      for (std::size_t c = 0; c < ref.width; ++c) rows(q, ref.out_offset + c) = row[c];
    }
    for (int l = 0; l < depth; ++l)
      siblings(q, l) = digests(layer_offset(max_height, l) + ((index >> l) ^ 1));
  }
};

}  // namespace kprove::detail
