// Shard pipeline: witness generation of shard i+1 runs while shard i is proven, under a
// device-memory budget that is booked up front from each shard's exact footprint.
//
// Why booking and not trial allocation: a shard's device bytes (trace, codewords, Merkle
// layers, sumcheck buffers) follow from its shapes, so the scheduler reserves them in an
// admission ledger before the shard starts and admission waits instead of over-allocating.
// The reservation travels with the witness and is returned when the shard's proof is done.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "views/memory_ledger.hpp"

namespace kprove {

// Error of one shard, naming it; the pipeline stops at the first one.
class ShardError : public std::runtime_error {
 public:
  ShardError(std::size_t shard, const std::string& phase, const std::string& what)
      : std::runtime_error("shard " + std::to_string(shard) + ": " + phase + " failed: " + what),
        shard_(shard) {}
  std::size_t shard() const { return shard_; }

 private:
  std::size_t shard_;
};

struct PipelineOptions {
  bool overlap = true;                 // witgen of later shards runs beside proving
  std::size_t max_inflight_shards = 2;  // shards held at once (waiting or being proven), at most
  std::string space;                    // admission ledger space the footprints are booked in
  // Witgen runs on the calling thread and proving on the helper thread, instead of the reverse.
  // Kokkos 3's OpenMP backend runs only on the thread that initialised Kokkos (its instance is
  // thread-local), so whichever stage uses OpenMP must stay on the calling thread.
  bool witgen_on_calling_thread = false;
};

// Runs witgen(i) then prove(i, witness) for every shard, in shard order for proving.
// footprint(i) is the exact peak bytes shard i holds in `space` from witgen start to proof end.
// Throws std::invalid_argument before any work if one shard alone exceeds the budget, and
// ShardError (after stopping the other stage cleanly) if a stage throws.
template <class Witness, class Proof>
std::vector<Proof> run_shard_pipeline(std::size_t shards, MemoryLedger& admission,
                                      const PipelineOptions& opt,
                                      const std::function<std::size_t(std::size_t)>& footprint,
                                      const std::function<Witness(std::size_t)>& witgen,
                                      const std::function<Proof(std::size_t, Witness&&)>& prove) {
  const std::size_t budget = admission.stats(opt.space).budget;
  std::vector<std::size_t> bytes(shards);
  for (std::size_t i = 0; i < shards; ++i) {
    bytes[i] = footprint(i);
    if (budget != 0 && bytes[i] > budget)
      throw std::invalid_argument("shard " + std::to_string(i) + " needs " +
                                  std::to_string(bytes[i]) + " bytes of " + opt.space +
                                  " memory, more than the whole budget of " +
                                  std::to_string(budget) + " bytes");
  }

  struct Ready {
    std::size_t shard;
    Booking booking;
    std::optional<Witness> witness;
  };
  auto generate = [&](std::size_t i) {
    Booking b = admission.book_waiting(opt.space, bytes[i], "shard " + std::to_string(i));
    try {
      return Ready{i, std::move(b), std::optional<Witness>(witgen(i))};
    } catch (const std::exception& e) {
      throw ShardError(i, "witgen", e.what());
    }
  };
  auto finish = [&](Ready& r, std::vector<Proof>& out) {
    try {
      out.push_back(prove(r.shard, std::move(*r.witness)));
    } catch (const std::exception& e) {
      throw ShardError(r.shard, "prove", e.what());
    }
    r.witness.reset();  // free the shard's buffers before its reservation returns
    r.booking.release();
  };

  std::vector<Proof> proofs;
  proofs.reserve(shards);
  if (!opt.overlap || shards < 2) {
    for (std::size_t i = 0; i < shards; ++i) {
      Ready r = generate(i);
      finish(r, proofs);
    }
    return proofs;
  }

  // The producer generates ahead, the consumer proves in order; one of them on a helper thread.
  std::mutex m;
  std::condition_variable cv;
  std::deque<Ready> queue;
  std::exception_ptr producer_error, consumer_error;
  bool producer_done = false, stop = false;
  std::size_t proving = 0;  // the shard the consumer holds
  const std::size_t max_inflight = opt.max_inflight_shards == 0 ? 1 : opt.max_inflight_shards;

  auto produce = [&] {
    for (std::size_t i = 0; i < shards; ++i) {
      {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return stop || queue.size() + proving < max_inflight; });
        if (stop) break;
      }
      try {
        Ready r = generate(i);
        std::lock_guard<std::mutex> lock(m);
        if (stop) break;  // r dies here, returning its reservation
        queue.push_back(std::move(r));
      } catch (...) {
        std::lock_guard<std::mutex> lock(m);
        producer_error = std::current_exception();
        break;
      }
      cv.notify_all();
    }
    std::lock_guard<std::mutex> lock(m);
    producer_done = true;
    cv.notify_all();
  };
  auto consume = [&] {
    for (std::size_t i = 0; i < shards; ++i) {
      std::optional<Ready> r;
      {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return !queue.empty() || producer_done; });
        if (queue.empty()) break;  // producer failed
        r.emplace(std::move(queue.front()));
        queue.pop_front();
        proving = 1;
      }
      try {
        finish(*r, proofs);
      } catch (...) {
        consumer_error = std::current_exception();
        break;
      }
      {
        std::lock_guard<std::mutex> lock(m);
        proving = 0;
      }
      cv.notify_all();
    }
    {
      std::lock_guard<std::mutex> lock(m);
      stop = true;
      queue.clear();  // returns queued reservations, waking a producer blocked on admission
    }
    cv.notify_all();
  };
  std::thread helper(opt.witgen_on_calling_thread ? std::function<void()>(consume)
                                                  : std::function<void()>(produce));
  opt.witgen_on_calling_thread ? produce() : consume();
  helper.join();
  if (consumer_error) std::rethrow_exception(consumer_error);
  if (producer_error) std::rethrow_exception(producer_error);
  return proofs;
}

}  // namespace kprove
