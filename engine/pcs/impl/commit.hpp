// basefold_commit (declared in engine/pcs/basefold.hpp).
#pragma once

namespace kprove {

template <class Exec, class Mem>
BasefoldCommitment<Mem> basefold_commit(const Exec& exec, MemoryLedger& ledger,
                                        const std::vector<Mat<Felt, Mem>>& matrices,
                                        const PcsParams& params, const NttTwiddles<Mem>& twiddles) {
  std::vector<std::pair<std::size_t, std::size_t>> shapes;
  for (const auto& m : matrices) shapes.emplace_back(m.extent(0), m.extent(1));
  pcs::BatchLayout layout = pcs::BatchLayout::make(shapes, params);

  // The subgroup itself (shift 1) for every height: the running folded codeword lives on
  // H_L after each fold, so a matrix joining at size 2^L must be encoded on H_L too.
  std::vector<Owned<Mat<Felt, Mem>>> codewords;
  std::vector<Mat<Felt, Mem>> leaves;
  for (const auto& m : matrices) {
    codewords.push_back(rs_encode(exec, ledger, m, params.rate_bits, Felt::one(),
                                  NttOrder::bit_reversed, twiddles));
    const auto& cw = codewords.back().view();
    // Same memory, rows paired: leaf row i holds codeword rows 2i and 2i+1.
    leaves.push_back(Mat<Felt, Mem>(cw.data(), cw.extent(0) / 2, 2 * cw.extent(1)));
  }
  auto tree = MerkleTree<Mem>::build(exec, ledger, leaves);
  return BasefoldCommitment<Mem>(params, std::move(layout), std::move(codewords), std::move(tree));
}

}  // namespace kprove
