// Books every engine allocation per memory space against an optional budget.
// Bookings are RAII tokens: the bytes are released when the token dies, so the
// ledger's "current" always equals the bytes that live engine buffers hold.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>

namespace kprove {

// Thrown when an allocation would push a memory space past its budget.
class BudgetExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class MemoryLedger;

// Move-only proof that `bytes` are booked in one space; releases on destruction.
class Booking {
 public:
  Booking() = default;
  Booking(Booking&& o) noexcept { swap(o); }
  Booking& operator=(Booking&& o) noexcept {
    Booking(std::move(o)).swap(*this);
    return *this;
  }
  Booking(const Booking&) = delete;
  Booking& operator=(const Booking&) = delete;
  ~Booking() { release(); }

  void release();
  // Keeps `bytes` (at most what is booked) and returns the rest to the ledger: a phase that
  // ends gives back what the next phase no longer needs.
  void shrink(std::size_t bytes);
  std::size_t bytes() const { return bytes_; }
  const std::string& space() const { return space_; }

 private:
  friend class MemoryLedger;
  Booking(MemoryLedger* l, std::string space, std::size_t bytes)
      : ledger_(l), space_(std::move(space)), bytes_(bytes) {}
  void swap(Booking& o) noexcept {
    std::swap(ledger_, o.ledger_);
    space_.swap(o.space_);
    std::swap(bytes_, o.bytes_);
  }
  MemoryLedger* ledger_ = nullptr;
  std::string space_;
  std::size_t bytes_ = 0;
};

class MemoryLedger {
 public:
  struct Stats {
    std::size_t current = 0;
    std::size_t peak = 0;
    std::size_t budget = 0;  // 0: unlimited
    std::size_t bookings = 0;
  };

  MemoryLedger() = default;
  MemoryLedger(const MemoryLedger&) = delete;
  MemoryLedger& operator=(const MemoryLedger&) = delete;

  // A budget of 0 means unlimited. Lowering it below what is booked is refused.
  void set_budget(const std::string& space, std::size_t bytes);

  // Books now or throws BudgetExceeded naming the space, label, request and budget.
  Booking book(const std::string& space, std::size_t bytes, const std::string& label);

  // Waits until the bytes fit (admission control); throws BudgetExceeded at once if the
  // request alone is larger than the budget, since waiting could never satisfy it.
  Booking book_waiting(const std::string& space, std::size_t bytes, const std::string& label);

  Stats stats(const std::string& space) const;
  void reset_peak(const std::string& space);

  // The process-wide ledger used by the engine unless a caller passes its own.
  static MemoryLedger& global();

 private:
  friend class Booking;
  // Returns bytes to the space; `ends` when a whole booking is gone.
  void release(const std::string& space, std::size_t bytes, bool ends = true);
  bool fits(const Stats& s, std::size_t bytes) const {
    return s.budget == 0 || s.current + bytes <= s.budget;
  }
  [[noreturn]] void refuse(const std::string& space, std::size_t bytes, const std::string& label,
                           const Stats& s, const char* why) const;

  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::map<std::string, Stats> spaces_;
};

}  // namespace kprove
