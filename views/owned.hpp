// The only way engine code allocates memory: a View together with its ledger booking.
// Owned is move-only, so a buffer has exactly one owner and its release is visible in the
// ledger the moment the owner lets go (release() or destruction).
#pragma once

#include <Kokkos_Core.hpp>
#include <string>
#include <utility>

#include "views/memory_ledger.hpp"

namespace kprove {

template <class ViewT>
class Owned {
 public:
  Owned() = default;
  Owned(ViewT v, Booking b) : view_(std::move(v)), booking_(std::move(b)) {}
  Owned(Owned&& o) noexcept = default;
  Owned& operator=(Owned&& o) noexcept {
    // Free our buffer before the ledger forgets it, so ledger and device never disagree.
    view_ = ViewT();
    view_ = std::move(o.view_);
    o.view_ = ViewT();
    booking_ = std::move(o.booking_);
    return *this;
  }
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() { release(); }

  const ViewT& view() const { return view_; }
  const ViewT& operator*() const { return view_; }
  std::size_t bytes() const { return booking_.bytes(); }
  bool empty() const { return view_.data() == nullptr; }

  // Frees the memory now (the View's last reference) and returns the bytes to the ledger.
  void release() {
    view_ = ViewT();
    booking_.release();
  }

 private:
  ViewT view_;
  Booking booking_;
};

enum class Fill { uninitialized, zero };

template <class T, class MemSpace>
using Vec = Kokkos::View<T*, MemSpace>;
template <class T, class MemSpace>
using Mat = Kokkos::View<T**, Kokkos::LayoutRight, MemSpace>;

namespace detail {
template <class ViewT, class... Extents>
Owned<ViewT> allocate(MemoryLedger& ledger, const std::string& label, Fill fill, Extents... n) {
  using T = typename ViewT::value_type;
  std::size_t bytes = sizeof(T);
  ((bytes *= static_cast<std::size_t>(n)), ...);
  Booking b = ledger.book(ViewT::memory_space::name(), bytes, label);
  ViewT v = fill == Fill::zero
                ? ViewT(Kokkos::view_alloc(label), n...)
                : ViewT(Kokkos::view_alloc(Kokkos::WithoutInitializing, label), n...);
  return Owned<ViewT>(std::move(v), std::move(b));
}
}  // namespace detail

template <class T, class MemSpace>
Owned<Vec<T, MemSpace>> alloc_vec(MemoryLedger& ledger, const std::string& label, std::size_t n,
                                  Fill fill = Fill::uninitialized) {
  return detail::allocate<Vec<T, MemSpace>>(ledger, label, fill, n);
}

template <class T, class MemSpace>
Owned<Mat<T, MemSpace>> alloc_mat(MemoryLedger& ledger, const std::string& label,
                                  std::size_t rows, std::size_t cols,
                                  Fill fill = Fill::uninitialized) {
  return detail::allocate<Mat<T, MemSpace>>(ledger, label, fill, rows, cols);
}

}  // namespace kprove
