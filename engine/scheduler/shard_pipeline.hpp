// Shard pipeline: witness generation of shard i+1 runs while shard i is proven, under a
// device-memory budget that is booked phase by phase from each shard's exact footprint.
//
// Why booking and not trial allocation: a shard's device bytes (trace, codewords, Merkle
// layers, sumcheck buffers) follow from its shapes, so the scheduler reserves them in an
// admission ledger before each phase starts and admission waits instead of over-allocating.
// Witgen books its peak and keeps the traces' share once it returns; proving books the rest
// when it starts and returns everything when the proof is done.
//
// Why it cannot deadlock: shards waiting to be proven hold their traces, and the proof of the
// oldest of them must still fit beside them. So witgen of a shard is admitted only while the
// shards admitted and not yet proving, plus its own witgen, plus the largest proving share
// among them, fit the budget (or when no shard waits: its peak fits alone).
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

#include "engine/scheduler/shard_bytes.hpp"
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

// Runs witgen(s) then prove(s, witness) for every shard s of `shards`, proving them in that
// order, and returns their proofs in it. footprint(s) is shard s's bytes in `space` by phase.
// Throws std::invalid_argument before any work if one shard's peak alone exceeds the budget,
// and ShardError (after stopping the other stage cleanly) if a stage throws.
template <class Witness, class Proof>
std::vector<Proof> run_shard_pipeline(const std::vector<std::size_t>& shards,
                                      MemoryLedger& admission,
                                      const PipelineOptions& opt,
                                      const std::function<ShardBytes(std::size_t)>& footprint,
                                      const std::function<Witness(std::size_t)>& witgen,
                                      const std::function<Proof(std::size_t, Witness&&)>& prove) {
  const std::size_t budget = admission.stats(opt.space).budget;
  const std::size_t count = shards.size();
  std::vector<ShardBytes> bytes(count);
  for (std::size_t i = 0; i < count; ++i) {
    bytes[i] = footprint(shards[i]);
    if (budget != 0 && bytes[i].peak() > budget)
      throw std::invalid_argument("shard " + std::to_string(shards[i]) + " needs " +
                                  std::to_string(bytes[i].peak()) + " bytes of " + opt.space +
                                  " memory, more than the whole budget of " +
                                  std::to_string(budget) + " bytes");
  }

  struct Ready {
    std::size_t at;  // position in `shards`
    Booking booking;
    std::optional<Witness> witness;
  };
  auto generate = [&](std::size_t i) {
    const std::string label = "shard " + std::to_string(shards[i]);
    Booking b = admission.book_waiting(opt.space, bytes[i].witgen, label + " witgen");
    try {
      Ready r{i, std::move(b), std::optional<Witness>(witgen(shards[i]))};
      r.booking.shrink(std::min(bytes[i].witness, bytes[i].witgen));
      return r;
    } catch (const std::exception& e) {
      throw ShardError(shards[i], "witgen", e.what());
    }
  };
  auto book_prove = [&](const Ready& r) {
    return admission.book_waiting(opt.space, bytes[r.at].prove,
                                  "shard " + std::to_string(shards[r.at]) + " prove");
  };
  auto finish = [&](Ready& r, Booking&& proving, std::vector<Proof>& out) {
    try {
      out.push_back(prove(shards[r.at], std::move(*r.witness)));
    } catch (const std::exception& e) {
      throw ShardError(shards[r.at], "prove", e.what());
    }
    r.witness.reset();  // free the shard's buffers before its reservations return
    r.booking.release();
    proving.release();
  };

  std::vector<Proof> proofs;
  proofs.reserve(count);
  if (!opt.overlap || count < 2) {
    for (std::size_t i = 0; i < count; ++i) {
      Ready r = generate(i);
      finish(r, book_prove(r), proofs);
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
  // Positions [waiting_begin, waiting_end) are admitted and not yet booked for proving; they hold
  // waiting_bytes (an upper bound while a witgen shrinks its booking).
  std::size_t waiting_begin = 0, waiting_end = 0, waiting_bytes = 0;
  auto admissible = [&](std::size_t j) {
    if (budget == 0 || waiting_begin == waiting_end) return true;
    std::size_t largest = bytes[j].prove;
    for (std::size_t k = waiting_begin; k < waiting_end; ++k)
      largest = std::max(largest, bytes[k].prove);
    return waiting_bytes + bytes[j].witgen + largest <= budget;
  };

  auto produce = [&] {
    for (std::size_t i = 0; i < count; ++i) {
      {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] {
          return stop || (queue.size() + proving < max_inflight && admissible(i));
        });
        if (stop) break;
        waiting_end = i + 1;
        waiting_bytes += bytes[i].witgen;
      }
      try {
        Ready r = generate(i);
        std::lock_guard<std::mutex> lock(m);
        if (stop) break;  // r dies here, returning its reservation
        waiting_bytes -= bytes[i].witgen - r.booking.bytes();
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
    for (std::size_t i = 0; i < count; ++i) {
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
        Booking booked = book_prove(*r);
        {
          std::lock_guard<std::mutex> lock(m);
          waiting_begin = r->at + 1;
          waiting_bytes -= r->booking.bytes();
        }
        cv.notify_all();
        finish(*r, std::move(booked), proofs);
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
