// Sumcheck claim sum_x f_1(x) * ... * f_d(x), 1 <= d <= MAX_PRODUCT_FACTORS, over MLEs of one
// value type F (Felt or Ext) and one size, stored in the kernels/mle/mle.hpp order.
//
// Memory traffic per factor of N entries: round 1 reads the input once; every later round is one
// fused pass that folds the previous challenge into an Ext buffer of N/2 entries (allocated on
// first use, booked in the ledger, reused by reset()) and evaluates the next round polynomial.
// The inputs are only read. The last challenge is folded on the host from two entries.
#pragma once

#include <Kokkos_Core.hpp>
#include <array>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/sumcheck/impl/host_read.hpp"
#include "engine/sumcheck/instance.hpp"
#include "kernels/sumcheck/product_round.hpp"
#include "views/owned.hpp"

namespace kprove {

template <class Exec, class F>
class ProductInstance final : public SumcheckInstance {
 public:
  using Mem = typename Exec::memory_space;
  using Input = Kokkos::View<const F*, Mem>;

  ProductInstance(const Exec& exec, std::vector<Input> factors, MemoryLedger& ledger)
      : exec_(exec), ledger_(&ledger), sums_(exec, ledger, MAX_PRODUCT_FACTORS + 1) {
    reset(std::move(factors));
  }

  // Starts over on new factors; buffers are kept when the sizes allow.
  void reset(std::vector<Input> factors) {
    if (factors.empty() || factors.size() > std::size_t(MAX_PRODUCT_FACTORS))
      throw std::invalid_argument("ProductInstance: " + std::to_string(factors.size()) +
                                  " factors, supported 1.." +
                                  std::to_string(MAX_PRODUCT_FACTORS));
    const int v = mle_num_vars(factors[0].extent(0), "ProductInstance");
    for (const auto& f : factors)
      if (f.extent(0) != factors[0].extent(0))
        throw std::invalid_argument("ProductInstance: factors have different sizes");
    if (v == 0) throw std::invalid_argument("ProductInstance: factors have no variables");
    if (v != v_ || factors.size() != inputs_.size()) folded_.clear();
    inputs_ = std::move(factors);
    v_ = v;
    bound_ = stored_ = 0;
  }

  int num_vars() const override { return v_; }
  int degree() const override { return int(inputs_.size()); }
  std::size_t num_finals() const override { return inputs_.size(); }

  std::vector<Ext> round_evals() override {
    if (bound_ >= v_) throw std::logic_error("ProductInstance: all variables are bound");
    return dispatch([&](auto dc) {
      constexpr int D = decltype(dc)::value;
      std::array<Ext, D + 1> g;
      if (stored_ == bound_) {
        g = stored_ == 0 ? product_round<D>(sums_, inputs<D>()) : product_round<D>(sums_, level<D>());
      } else {
        const auto out = buffers<D>();
        g = stored_ == 0 ? product_round_after_fold<D>(sums_, inputs<D>(), pending_, out)
                         : product_round_after_fold<D>(sums_, level<D>(), pending_, out);
        stored_ = bound_;
      }
      return std::vector<Ext>(g.begin(), g.end());
    });
  }

  void bind(Ext r) override {
    if (bound_ >= v_) throw std::logic_error("ProductInstance: all variables are bound");
    if (stored_ < bound_) materialize();
    pending_ = r;
    ++bound_;
  }

  std::vector<Ext> final_evals() override {
    if (bound_ != v_) throw std::logic_error("ProductInstance: variables left unbound");
    std::vector<Ext> out;
    for (std::size_t k = 0; k < inputs_.size(); ++k) {
      if (stored_ == bound_) {
        out.push_back(detail::read_head(folded_[k].view(), 1)[0]);
        continue;
      }
      const auto two = stored_ == 0 ? detail::read_head(inputs_[k], 2)
                                    : detail::read_head(folded_[k].view(), 2);
      out.push_back(two[0] + pending_ * (two[1] - two[0]));
    }
    return out;
  }

 private:
  template <class Fn>
  decltype(auto) dispatch(Fn&& fn) {
    switch (inputs_.size()) {
      case 1: return fn(std::integral_constant<int, 1>());
      case 2: return fn(std::integral_constant<int, 2>());
      case 3: return fn(std::integral_constant<int, 3>());
      case 4: return fn(std::integral_constant<int, 4>());
      case 5: return fn(std::integral_constant<int, 5>());
    }
    throw std::logic_error("ProductInstance: unsupported factor count");
  }
  static_assert(MAX_PRODUCT_FACTORS == 5, "extend dispatch()");

  std::size_t stored_size() const { return std::size_t(1) << (v_ - stored_); }

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
      a[k] = Kokkos::subview(folded_[k].view(), std::make_pair(std::size_t(0), stored_size()));
    return a;
  }

  template <int D>
  std::array<Vec<Ext, Mem>, D> buffers() {
    while (folded_.size() < inputs_.size())
      folded_.push_back(alloc_vec<Ext, Mem>(*ledger_, "sumcheck:product_fold",
                                            std::size_t(1) << (v_ - 1)));
    std::array<Vec<Ext, Mem>, D> a;
    for (int k = 0; k < D; ++k) a[k] = folded_[k].view();
    return a;
  }

  // Applies a pending challenge on its own (bind() twice without round_evals() in between).
  void materialize() {
    dispatch([&](auto dc) {
      constexpr int D = decltype(dc)::value;
      const auto out = buffers<D>();
      for (int k = 0; k < D; ++k) {
        if (stored_ == 0) fix_first_variable(exec_, inputs_[k], pending_, out[k]);
        else fix_first_variable(exec_, level<D>()[k], pending_, out[k]);
      }
      return 0;
    });
    ++stored_;
  }

  Exec exec_;
  MemoryLedger* ledger_;
  TeamSums<Exec> sums_;
  std::vector<Input> inputs_;
  std::vector<Owned<Vec<Ext, Mem>>> folded_;
  int v_ = 0;
  int bound_ = 0;   // challenges received
  int stored_ = 0;  // challenges folded into folded_ (bound_ - 1 while one is pending)
  Ext pending_;
};

}  // namespace kprove
