// Sumcheck claim sum_x f_1(x) * ... * f_d(x), 1 <= d <= MAX_PRODUCT_FACTORS, over MLEs of one
// value type F (a prime field or its challenge extension E) and one size, stored in the
// kernels/mle/mle.hpp order.
//
// Memory traffic per factor of N entries: rounds 1 and 2 read the inputs (round 2 folds the first
// challenge on the fly), round 3 folds both challenges from the inputs into an E buffer of N/4
// entries (allocated on first use, booked in the ledger, kept by reset()), and every later
// round folds that buffer in place and evaluates in the same pass. For Goldilocks inputs (E
// twice their size) this moves 8N + 8N + (8N + 4N) + (4N + 2N) + ... = 40N bytes, the same as
// materialising every folded table once. The inputs are only read; the last few entries are
// folded on the host.
//
// Once the tables have at most host_tail entries (default: 256 on a GPU, never on host
// backends) they are copied to the host and a host ProductInstance finishes the rounds.
#pragma once

#include <Kokkos_Core.hpp>
#include <array>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/sumcheck/impl/host_read.hpp"
#include "engine/sumcheck/impl/host_tail.hpp"
#include "engine/sumcheck/instance.hpp"
#include "kernels/dispatch/with_constant.hpp"
#include "kernels/sumcheck/product_round.hpp"
#include "views/owned.hpp"

namespace kprove {

template <class Exec, class F>
class ProductInstance final : public SumcheckInstanceOf<challenge_t<F>> {
 public:
  using E = challenge_t<F>;
  using Mem = typename Exec::memory_space;
  using Input = Kokkos::View<const F*, Mem>;

  ProductInstance(const Exec& exec, std::vector<Input> factors, MemoryLedger& ledger,
                  std::size_t host_tail = detail::default_host_tail<Exec>())
      : exec_(exec),
        ledger_(&ledger),
        sums_(exec, ledger, MAX_PRODUCT_FACTORS + 1),
        host_tail_(host_tail) {
    reset(std::move(factors));
  }

  // Starts over on new factors; buffers are kept when the sizes allow.
  void reset(std::vector<Input> factors) {
    if (factors.empty() || factors.size() > std::size_t(MAX_PRODUCT_FACTORS))
      throw std::invalid_argument("ProductInstance: " + std::to_string(factors.size()) +
                                  " factors, supported 1.." + std::to_string(MAX_PRODUCT_FACTORS));
    const int v = mle_num_vars(factors[0].extent(0), "ProductInstance");
    for (const auto& f : factors)
      if (f.extent(0) != factors[0].extent(0))
        throw std::invalid_argument("ProductInstance: factors have different sizes");
    if (v == 0) throw std::invalid_argument("ProductInstance: factors have no variables");
    if (v != v_ || factors.size() != inputs_.size()) folded_.clear();
    inputs_ = std::move(factors);
    v_ = v;
    bound_ = stored_ = 0;
    tail_.reset();
    tail_tables_.clear();
  }

  int num_vars() const override { return v_; }
  int degree() const override { return int(inputs_.size()); }
  std::size_t num_finals() const override { return inputs_.size(); }

  std::vector<E> round_evals() override {
    if (bound_ >= v_) throw std::logic_error("ProductInstance: all variables are bound");
    if (!tail_ && size_at(stored_) <= host_tail_) start_tail();
    if (tail_) return tail_->round_evals();
    return dispatch([&](auto dc) {
      constexpr int D = decltype(dc)::value;
      const int pending = bound_ - stored_;
      std::array<E, D + 1> g;
      if (pending == 0) {
        g = stored_ == 0 ? product_round<D>(sums_, inputs<D>())
                         : product_round<D>(sums_, level<D>());
      } else if (pending == 1 && stored_ == 0) {  // round 2: re-read the inputs, store nothing
        g = product_round_folding<D, 1, false>(sums_, inputs<D>(), std::array<E, 1>{pending_[0]},
                                               std::array<Vec<E, Mem>, D>());
      } else if (pending == 1) {
        g = product_round_folding<D, 1, true>(sums_, level<D>(), std::array<E, 1>{pending_[0]},
                                              buffers<D>(size_at(bound_)));
        stored_ = bound_;
      } else {  // round 3: both pending challenges straight from the inputs
        g = product_round_folding<D, 2, true>(sums_, inputs<D>(),
                                              std::array<E, 2>{pending_[0], pending_[1]},
                                              buffers<D>(size_at(bound_)));
        stored_ = bound_;
      }
      return std::vector<E>(g.begin(), g.end());
    });
  }

  void bind(E r) override {
    if (bound_ >= v_) throw std::logic_error("ProductInstance: all variables are bound");
    if (tail_) {
      tail_->bind(r);
    } else {
      const int pending = bound_ - stored_;
      if (pending == 2 || (pending == 1 && stored_ > 0)) materialize();
      pending_[bound_ - stored_] = r;
    }
    ++bound_;
  }

  // The at most 2^2 entries left per factor are folded on the host.
  std::vector<E> final_evals() override {
    if (bound_ != v_) throw std::logic_error("ProductInstance: variables left unbound");
    if (tail_) return tail_->final_evals();
    const std::size_t n = size_at(stored_);
    std::vector<E> out;
    for (std::size_t k = 0; k < inputs_.size(); ++k) {
      auto vals = read_stored(k, n);
      for (int p = 0; p < bound_ - stored_; ++p) {
        const std::size_t half = vals.size() / 2;
        for (std::size_t i = 0; i < half; ++i)
          vals[i] = vals[i] + pending_[p] * (vals[i + half] - vals[i]);
        vals.resize(half);
      }
      out.push_back(vals[0]);
    }
    return out;
  }

 private:
  template <class Fn>
  decltype(auto) dispatch(Fn&& fn) {
    return with_constant<1, MAX_PRODUCT_FACTORS>(int(inputs_.size()), std::forward<Fn>(fn));
  }

  // The first n entries of factor k's stored table, on the host.
  std::vector<E> read_stored(std::size_t k, std::size_t n) const {
    return stored_ == 0 ? detail::read_head<E>(inputs_[k], n)
                        : detail::read_head<E>(folded_[k].view(), n);
  }

  // Entries per factor after `bound` challenges.
  std::size_t size_at(int bound) const { return std::size_t(1) << (v_ - bound); }

  template <int D>
  std::array<Input, D> inputs() const {
    std::array<Input, D> a;
    for (int k = 0; k < D; ++k) a[k] = inputs_[k];
    return a;
  }

  // The stored tables after `stored_ >= 1` folds.
  template <int D>
  auto level() const {
    using Sub = decltype(Kokkos::subview(folded_[0].view(), std::pair<std::size_t, std::size_t>()));
    std::array<Sub, D> a;
    for (int k = 0; k < D; ++k)
      a[k] = Kokkos::subview(folded_[k].view(), std::make_pair(std::size_t(0), size_at(stored_)));
    return a;
  }

  // Fold buffers of at least `entries` each: a quarter of the inputs in the usual flow.
  template <int D>
  std::array<Vec<E, Mem>, D> buffers(std::size_t entries) {
    if (folded_.size() != inputs_.size() || folded_[0].view().extent(0) < entries) {
      folded_.clear();  // release before allocating, so the ledger never holds both
      for (std::size_t k = 0; k < inputs_.size(); ++k)
        folded_.push_back(alloc_vec<E, Mem>(*ledger_, "sumcheck:product_fold", entries));
    }
    std::array<Vec<E, Mem>, D> a;
    for (int k = 0; k < D; ++k) a[k] = folded_[k].view();
    return a;
  }

  // Applies the pending challenges one by one (bind() with no round_evals() in between).
  void materialize() {
    dispatch([&](auto dc) {
      constexpr int D = decltype(dc)::value;
      for (int p = 0, n = bound_ - stored_; p < n; ++p) {
        if (stored_ == 0) {
          const auto out = buffers<D>(size_at(1));
          for (int k = 0; k < D; ++k) fix_first_variable(exec_, inputs_[k], pending_[p], out[k]);
        } else {
          const auto in = level<D>();
          for (int k = 0; k < D; ++k) fix_first_variable(exec_, in[k], pending_[p], in[k]);
        }
        ++stored_;
      }
      return 0;
    });
  }

  // Copies the current tables to the host and hands them, with the pending challenges, to a
  // host instance that takes over every later call.
  void start_tail() {
    std::vector<Kokkos::View<const E*, Kokkos::HostSpace>> host;
    for (std::size_t k = 0; k < inputs_.size(); ++k) {
      const std::size_t n = size_at(stored_);
      tail_tables_.push_back(alloc_vec<E, Kokkos::HostSpace>(*ledger_, "sumcheck:tail", n));
      const auto vals = read_stored(k, n);
      for (std::size_t i = 0; i < n; ++i) tail_tables_.back().view()(i) = vals[i];
      host.push_back(tail_tables_.back().view());
    }
    tail_ = std::make_unique<ProductInstance<detail::TailExec, E>>(detail::TailExec(), host,
                                                                     *ledger_, 0);
    for (int p = 0; p < bound_ - stored_; ++p) tail_->bind(pending_[p]);
  }

  Exec exec_;
  MemoryLedger* ledger_;
  TeamSums<Exec, E> sums_;
  std::vector<Input> inputs_;
  std::vector<Owned<Vec<E, Mem>>> folded_;
  int v_ = 0;
  int bound_ = 0;   // challenges received
  int stored_ = 0;  // challenges folded into folded_; the rest are pending
  E pending_[2];
  std::size_t host_tail_;
  std::vector<Owned<Vec<E, Kokkos::HostSpace>>> tail_tables_;
  std::unique_ptr<SumcheckInstanceOf<E>> tail_;
};

}  // namespace kprove
