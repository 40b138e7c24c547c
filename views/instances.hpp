// A second instance of an execution space, so two shards' phases can run concurrently on one
// backend (CUDA: its own stream). Host backends get their default instance: Kokkos 3.x host
// backends cannot run two dispatches of the same backend from two threads at once, which the
// scheduler respects by not overlapping same-backend host phases (can_overlap).
#pragma once

#include <Kokkos_Core.hpp>
#include <type_traits>

namespace kprove {

template <class Exec>
class OwnInstance {
 public:
  OwnInstance() = default;
  const Exec& get() const { return exec_; }

 private:
  Exec exec_;
};

#if defined(KOKKOS_ENABLE_CUDA)
template <>
class OwnInstance<Kokkos::Cuda> {
 public:
  OwnInstance() : stream_(make_stream()), exec_(stream_) {}
  OwnInstance(const OwnInstance&) = delete;
  OwnInstance& operator=(const OwnInstance&) = delete;
  ~OwnInstance() {
    exec_.fence();
    exec_ = Kokkos::Cuda();
    cudaStreamDestroy(stream_);
  }
  const Kokkos::Cuda& get() const { return exec_; }

 private:
  static cudaStream_t make_stream() {
    cudaStream_t s = nullptr;
    if (cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking) != cudaSuccess)
      throw std::runtime_error("cannot create a CUDA stream for the witgen instance");
    return s;
  }
  cudaStream_t stream_;
  Kokkos::Cuda exec_;
};
#endif

// Whether phases on execution spaces A and B may run at the same time from two host threads.
template <class A, class B>
constexpr bool can_overlap() {
  constexpr bool a_host = Kokkos::SpaceAccessibility<A, Kokkos::HostSpace>::accessible;
  constexpr bool b_host = Kokkos::SpaceAccessibility<B, Kokkos::HostSpace>::accessible;
  return !(a_host && b_host && std::is_same_v<A, B>);
}

// Whether Exec runs only on the thread that initialised Kokkos: Kokkos 3's OpenMP backend keeps
// its instance in a thread-local, so the scheduler keeps OpenMP stages on the calling thread.
template <class Exec>
constexpr bool bound_to_initial_thread() {
#if defined(KOKKOS_ENABLE_OPENMP)
  return std::is_same_v<Exec, Kokkos::OpenMP>;
#else
  return false;
#endif
}

}  // namespace kprove
