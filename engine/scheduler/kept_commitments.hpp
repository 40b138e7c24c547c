// Commitments a run's first pass keeps for its second (engine/rv32im/run_prover.hpp), each
// booked in the admission ledger while it is held. An optional cache: a shard is kept only
// while the kept ones, it and what the pipeline may book beside them fit the budget, so the
// pipeline never waits on them; kept shards are dropped, the latest first, when the last shard
// needs their room. Nothing is kept under an unlimited budget (memory must stay bounded).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "views/memory_ledger.hpp"

namespace kprove {

template <class T>
class KeptCommitments {
 public:
  KeptCommitments(MemoryLedger& admission, std::string space, std::size_t shards)
      : admission_(admission),
        space_(std::move(space)),
        budget_(admission.stats(space_).budget),
        entries_(shards) {}

  // Turns keeping on; `reserve` is the most the pipeline books beside the kept shards.
  void reserve_for_pipeline(std::size_t reserve) {
    enabled_ = true;
    reserve_ = reserve;
  }

  // Keeps shard s's value, which holds `bytes`, if it fits; otherwise the value dies here.
  void offer(std::size_t s, std::size_t bytes, T&& value) {
    if (!enabled_ || budget_ == 0 || held_ + bytes + reserve_ > budget_) return;
    Entry& e = entries_.at(s);
    e.booking = admission_.book(space_, bytes, "kept shard " + std::to_string(s));
    e.value.emplace(std::move(value));
    held_ += bytes;
  }

  // Drops kept shards, the latest first, until `bytes` more fit the budget.
  void make_room(std::size_t bytes) {
    for (std::size_t s = entries_.size(); s-- > 0 && budget_ != 0 && held_ + bytes > budget_;)
      release(s);
  }

  // Shard s's kept value, if any; its booking stays until release(s).
  std::optional<T> take(std::size_t s) {
    std::optional<T> out = std::move(entries_.at(s).value);
    entries_[s].value.reset();
    return out;
  }

  void release(std::size_t s) {
    Entry& e = entries_.at(s);
    e.value.reset();  // the buffers go before their booking
    held_ -= e.booking.bytes();
    e.booking.release();
  }

  std::size_t kept() const {
    std::size_t n = 0;
    for (const Entry& e : entries_) n += e.value.has_value();
    return n;
  }

 private:
  struct Entry {
    Booking booking;
    std::optional<T> value;
  };
  MemoryLedger& admission_;
  std::string space_;
  std::size_t budget_;
  bool enabled_ = false;
  std::size_t reserve_ = 0, held_ = 0;
  std::vector<Entry> entries_;
};

}  // namespace kprove
