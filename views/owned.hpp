// The only way engine code allocates memory: a View together with its ledger booking.
// Owned is move-only, so a buffer has exactly one owner and its release is visible in the
// ledger the moment the owner lets go (release() or destruction).
#pragma once

#include <Kokkos_Core.hpp>
#include <string>
#include <utility>
#include <vector>

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

template <class T, class MemSpace>
using Vec = Kokkos::View<T*, MemSpace>;
template <class T, class MemSpace>
using Mat = Kokkos::View<T**, Kokkos::LayoutRight, MemSpace>;

namespace detail {
template <class ViewT, class... Extents>
Owned<ViewT> allocate(MemoryLedger& ledger, const std::string& label, Extents... n) {
  using T = typename ViewT::value_type;
  std::size_t bytes = sizeof(T);
  ((bytes *= static_cast<std::size_t>(n)), ...);
  Booking b = ledger.book(ViewT::memory_space::name(), bytes, label);
  ViewT v(Kokkos::view_alloc(Kokkos::WithoutInitializing, label), n...);
  return Owned<ViewT>(std::move(v), std::move(b));
}
}  // namespace detail

// Buffers come uninitialised: Kokkos' own initialisation would run on the memory space's default
// instance (a device-wide fence on CUDA; on Kokkos 3's OpenMP, a backend usable only from the
// thread that initialised Kokkos, while the shard pipeline runs a stage on another thread).
// Engine code fills through the execution-space instance it runs on (zero_fill, upload_vec).
template <class T, class MemSpace>
Owned<Vec<T, MemSpace>> alloc_vec(MemoryLedger& ledger, const std::string& label, std::size_t n) {
  return detail::allocate<Vec<T, MemSpace>>(ledger, label, n);
}

template <class T, class MemSpace>
Owned<Mat<T, MemSpace>> alloc_mat(MemoryLedger& ledger, const std::string& label,
                                  std::size_t rows, std::size_t cols) {
  return detail::allocate<Mat<T, MemSpace>>(ledger, label, rows, cols);
}

// Sets every element to T{} (zero for the field types), ordered on `exec`.
template <class Exec, class ViewT>
void zero_fill(const Exec& exec, const Owned<ViewT>& buffer) {
  Kokkos::deep_copy(exec, buffer.view(), typename ViewT::value_type{});
}

// A new buffer holding `host`, copied on `exec` straight from the vector (no host mirror);
// fences `exec`, so the vector may die after return.
template <class MemSpace, class Exec, class T>
Owned<Vec<T, MemSpace>> upload_vec(const Exec& exec, MemoryLedger& ledger,
                                   const std::string& label, const std::vector<T>& host) {
  auto v = alloc_vec<T, MemSpace>(ledger, label, host.size());
  using HostView =
      Kokkos::View<const T*, Kokkos::HostSpace, Kokkos::MemoryTraits<Kokkos::Unmanaged>>;
  Kokkos::deep_copy(exec, v.view(), HostView(host.data(), host.size()));
  exec.fence();
  return v;
}

}  // namespace kprove
