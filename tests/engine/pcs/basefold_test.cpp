// Basefold batch commitment and opening: codewords against direct evaluation, honest openings
// (claims from a naive MLE evaluation) verify, every tampered proof part is rejected, and
// the proof bytes round-trip and agree across backends.
#include "engine/pcs/basefold.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "engine/proof/verify_error.hpp"
#include "support/backends.hpp"
#include "support/pcs_reference.hpp"
#include "support/random.hpp"
#include "support/views.hpp"

namespace kprove {
namespace {

using Shapes = std::vector<std::pair<std::size_t, std::size_t>>;

PcsParams test_params(int final_log_size = 2) {
  PcsParams p;
  p.rate_bits = 1;
  p.queries = 6;
  p.pow_bits = 3;
  p.final_log_size = final_log_size;
  return p;
}

// Random matrices, points and their honest evaluations (host copies kept for references).
struct Batch {
  Shapes shapes;
  std::vector<std::vector<Felt>> data;  // row-major
  std::vector<std::vector<Ext>> points, evals;

  Batch(test::Rng& rng, const Shapes& s) : shapes(s) {
    for (auto [rows, cols] : shapes) {
      data.push_back(rng.felts(rows * cols));
      int v = 0;
      while ((std::size_t(1) << v) < rows) ++v;
      points.push_back(rng.exts(std::size_t(v)));
      std::vector<Ext> e;
      for (std::size_t c = 0; c < cols; ++c)
        e.push_back(test::naive_mle_eval(column(data.size() - 1, c), points.back()));
      evals.push_back(e);
    }
  }
  std::vector<Felt> column(std::size_t k, std::size_t c) const {
    std::vector<Felt> col;
    for (std::size_t r = 0; r < shapes[k].first; ++r)
      col.push_back(data[k][r * shapes[k].second + c]);
    return col;
  }
  template <class Mem>
  std::vector<Mat<Felt, Mem>> device() const {
    std::vector<Mat<Felt, Mem>> out;
    for (std::size_t k = 0; k < shapes.size(); ++k) {
      Mat<Felt, Mem> m("matrix", shapes[k].first, shapes[k].second);
      auto h = Kokkos::create_mirror_view(m);
      for (std::size_t i = 0; i < data[k].size(); ++i) h.data()[i] = data[k][i];
      Kokkos::deep_copy(m, h);
      out.push_back(m);
    }
    return out;
  }
};

int max_log_rows(const Shapes& shapes) {
  int v = 1;
  for (auto [rows, cols] : shapes)
    while ((std::size_t(1) << v) < rows) ++v;
  return v;
}

template <class Exec>
struct Opened {
  Digest root;
  BasefoldProof proof;
};

template <class Exec>
Opened<Exec> commit_and_open(const Batch& b, const PcsParams& params) {
  using Mem = typename Exec::memory_space;
  MemoryLedger ledger;
  NttTwiddles<Mem> tw(ledger, max_log_rows(b.shapes));
  const auto mats = b.device<Mem>();
  const auto comm = basefold_commit(Exec(), ledger, mats, params, tw);
  Transcript t("basefold-test");
  auto proof = basefold_open(Exec(), ledger, comm, mats, b.points, b.evals, t);
  return {comm.root(), std::move(proof)};
}

void verify(const Batch& b, const Digest& root, const BasefoldProof& proof,
            const PcsParams& params) {
  Transcript t("basefold-test");
  basefold_verify(root, b.shapes, b.points, b.evals, proof, params, t);
}

KPROVE_BACKEND_SUITE(BasefoldTest);

TYPED_TEST(BasefoldTest, CommitEncodesEveryColumnOnTheSubgroupInBitReversedOrder) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  const Batch b(rng, {{16, 3}, {4, 2}});
  for (int rate : {1, 2}) {
    MemoryLedger ledger;
    NttTwiddles<Mem> tw(ledger, 4);
    PcsParams params = test_params();
    params.rate_bits = rate;
    const std::size_t before = ledger.stats(Mem::name()).current;
    const auto comm = basefold_commit(Exec(), ledger, b.device<Mem>(), params, tw);
    EXPECT_EQ(comm.shapes(), b.shapes);
    EXPECT_EQ(ledger.stats(Mem::name()).current - before, comm.bytes());
    for (std::size_t k = 0; k < b.shapes.size(); ++k) {
      const auto cw = test::to_host(comm.codeword(k));
      const std::size_t cols = b.shapes[k].second;
      int log_size = rate;
      while ((std::size_t(1) << log_size) < (b.shapes[k].first << rate)) ++log_size;
      for (std::size_t c = 0; c < cols; ++c) {
        const auto expect = test::naive_codeword(b.column(k, c), log_size);
        for (std::size_t j = 0; j < expect.size(); ++j)
          ASSERT_EQ(cw[j * cols + c], expect[j]) << "matrix " << k << " col " << c << " row " << j;
      }
    }
  }
}

TYPED_TEST(BasefoldTest, HonestOpeningsVerify) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  const std::vector<std::pair<Shapes, int>> cases = {
      {{{128, 3}}, 2},                            // single matrix
      {{{256, 5}, {64, 3}, {64, 1}, {8, 2}}, 2},  // mixed heights
      {{{256, 5}, {64, 3}, {64, 1}, {8, 2}}, 6},  // final size capped by the smallest
      {{{8, 4}}, 5},                              // no fold rounds at all
      {{{32, 2}, {1, 3}, {2, 1}}, 3},             // a single-row matrix
  };
  for (const auto& [shapes, final_log] : cases) {
    const Batch b(rng, shapes);
    const auto params = test_params(final_log);
    const auto o = commit_and_open<Exec>(b, params);
    EXPECT_NO_THROW(verify(b, o.root, o.proof, params))
        << "shapes " << shapes.size() << " final " << final_log;
  }
}

TYPED_TEST(BasefoldTest, WrongClaimedEvaluationIsRejected) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  Batch b(rng, {{64, 3}, {16, 2}});
  const auto params = test_params();
  b.evals[1][1] += Ext::one();
  const auto o = commit_and_open<Exec>(b, params);
  EXPECT_THROW(verify(b, o.root, o.proof, params), VerifyError);
  // An honest proof does not verify a different claim either.
  Batch honest = b;
  honest.evals[1][1] -= Ext::one();
  const auto h = commit_and_open<Exec>(honest, params);
  EXPECT_NO_THROW(verify(honest, h.root, h.proof, params));
  EXPECT_THROW(verify(b, h.root, h.proof, params), VerifyError);
}

// A prover that runs the sumchecks on other tables than it committed (here: one changed
// entry in the smallest matrix, whose claims it reports honestly for the changed table)
// passes every sumcheck and Merkle check; only the query folds can catch it.
TYPED_TEST(BasefoldTest, OpeningOtherThanTheCommittedMatricesIsRejected) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  Batch b(rng, {{64, 2}, {16, 3}});
  const auto params = test_params();
  MemoryLedger ledger;
  NttTwiddles<Mem> tw(ledger, 6);
  const auto comm = basefold_commit(Exec(), ledger, b.device<Mem>(), params, tw);
  b.data[1][5] += Felt::one();
  for (std::size_t c = 0; c < 3; ++c)
    b.evals[1][c] = test::naive_mle_eval(b.column(1, c), b.points[1]);
  Transcript t("basefold-test");
  const auto proof = basefold_open(Exec(), ledger, comm, b.device<Mem>(), b.points, b.evals, t);
  try {
    verify(b, comm.root(), proof, params);
    FAIL() << "accepted an opening of uncommitted data";
  } catch (const VerifyError& e) {
    EXPECT_NE(std::string(e.what()).find("final message's encoding"), std::string::npos)
        << e.what();
  }
}

TYPED_TEST(BasefoldTest, EveryTamperedProofPartIsRejected) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  const Batch b(rng, {{64, 3}, {32, 2}, {8, 1}});
  const auto params = test_params();
  const auto o = commit_and_open<Exec>(b, params);
  ASSERT_NO_THROW(verify(b, o.root, o.proof, params));
  ASSERT_GE(o.proof.layer_roots.size(), 2u);
  const Felt one = Felt::one();
  const std::vector<std::pair<const char*, std::function<void(BasefoldProof&)>>> tampers = {
      {"opened value", [&](BasefoldProof& p) { p.queries[1].initial.rows[2][1] += one; }},
      {"Merkle sibling", [&](BasefoldProof& p) { p.queries[0].initial.siblings[3].h[2] += one; }},
      {"layer opening", [&](BasefoldProof& p) { p.queries[2].layers[1].rows[0][3] += one; }},
      {"layer sibling", [&](BasefoldProof& p) { p.queries[2].layers[0].siblings[0].h[0] += one; }},
      {"layer root", [&](BasefoldProof& p) { p.layer_roots[1].h[1] += one; }},
      {"reduction round", [&](BasefoldProof& p) { p.reduction_rounds[2][2] += Ext::one(); }},
      {"reduced evaluation", [&](BasefoldProof& p) { p.reduced_evals[1] += Ext::one(); }},
      {"fold round", [&](BasefoldProof& p) { p.fold_rounds[1][0] += Ext::one(); }},
      {"final message", [&](BasefoldProof& p) { p.final_message[3] += Ext::one(); }},
      {"PoW nonce", [&](BasefoldProof& p) { p.pow_nonce += 1; }},
      {"missing query", [&](BasefoldProof& p) { p.queries.pop_back(); }},
  };
  for (const auto& [what, tamper] : tampers) {
    BasefoldProof p = o.proof;
    tamper(p);
    EXPECT_THROW(verify(b, o.root, p, params), VerifyError) << what;
  }
  Digest root = o.root;
  root.h[0] += one;
  EXPECT_THROW(verify(b, root, o.proof, params), VerifyError) << "root";
}

TYPED_TEST(BasefoldTest, ProofBytesRoundTripAndMatchSerial) {
  using Exec = typename TestFixture::Exec;
  KPROVE_RNG(rng);
  const Batch b(rng, {{128, 4}, {16, 2}, {16, 1}});
  const auto params = test_params();
  const auto o = commit_and_open<Exec>(b, params);
  const auto bytes = serialize(o.proof);
  const auto back = deserialize_basefold_proof(bytes, params);
  EXPECT_EQ(serialize(back), bytes);
  EXPECT_NO_THROW(verify(b, o.root, back, params));
  const auto serial = commit_and_open<Kokkos::Serial>(b, params);
  EXPECT_EQ(serial.root, o.root);
  EXPECT_EQ(serialize(serial.proof), bytes);
}

TEST(BasefoldTest, CorruptedBytesGiveProofFormatError) {
  KPROVE_RNG(rng);
  const Batch b(rng, {{32, 2}, {8, 1}});
  const auto params = test_params();
  const auto bytes = serialize(commit_and_open<Kokkos::Serial>(b, params).proof);
  for (std::size_t n = 0; n < bytes.size(); n += 1 + n / 8)
    EXPECT_THROW(
        deserialize_basefold_proof(std::vector<uint8_t>(bytes.begin(), bytes.begin() + n), params),
        ProofFormatError)
        << "truncated to " << n;
  auto trailing = bytes;
  trailing.push_back(0);
  EXPECT_THROW(deserialize_basefold_proof(trailing, params), ProofFormatError);
  auto magic = bytes;
  magic[0] ^= 1;
  EXPECT_THROW(deserialize_basefold_proof(magic, params), ProofFormatError);
  auto version = bytes;
  version[4] = 99;
  EXPECT_THROW(deserialize_basefold_proof(version, params), ProofFormatError);
  // The first length prefix (reduction rounds) set huge; then a non-canonical field element.
  auto length = bytes;
  for (int i = 8; i < 16; ++i) length[i] = 0xFF;
  EXPECT_THROW(deserialize_basefold_proof(length, params), ProofFormatError);
  auto felt = bytes;
  for (int i = 16; i < 24; ++i) felt[i] = 0xFF;
  EXPECT_THROW(deserialize_basefold_proof(felt, params), ProofFormatError);
  // More queries than the parameters allow.
  PcsParams fewer = params;
  fewer.queries = params.queries - 1;
  EXPECT_THROW(deserialize_basefold_proof(bytes, fewer), ProofFormatError);
}

TYPED_TEST(BasefoldTest, BadInputsAreRefused) {
  using Exec = typename TestFixture::Exec;
  using Mem = typename TestFixture::Mem;
  KPROVE_RNG(rng);
  MemoryLedger ledger;
  NttTwiddles<Mem> tw(ledger, 6);
  const Batch b(rng, {{32, 2}, {8, 1}});
  const auto mats = b.device<Mem>();
  PcsParams bad = test_params();
  bad.rate_bits = 0;
  EXPECT_THROW(basefold_commit(Exec(), ledger, mats, bad, tw), std::invalid_argument);
  EXPECT_THROW(basefold_commit(Exec(), ledger, std::vector<Mat<Felt, Mem>>{}, test_params(), tw),
               std::invalid_argument);
  const auto comm = basefold_commit(Exec(), ledger, mats, test_params(), tw);
  Transcript t("basefold-test");
  auto points = b.points;
  points[1].pop_back();
  EXPECT_THROW(basefold_open(Exec(), ledger, comm, mats, points, b.evals, t),
               std::invalid_argument);
  EXPECT_THROW(basefold_open(Exec(), ledger, comm, {mats[0]}, b.points, b.evals, t),
               std::invalid_argument);
  Transcript v("basefold-test");
  EXPECT_THROW(
      basefold_verify(comm.root(), b.shapes, points, b.evals, BasefoldProof{}, test_params(), v),
      VerifyError);
}

}  // namespace
}  // namespace kprove
