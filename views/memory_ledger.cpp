#include "views/memory_ledger.hpp"

#include <sstream>

namespace kprove {

void Booking::release() {
  if (ledger_) ledger_->release(space_, bytes_);
  ledger_ = nullptr;
  bytes_ = 0;
}

void Booking::shrink(std::size_t bytes) {
  if (bytes > bytes_)
    throw std::invalid_argument("a booking of " + std::to_string(bytes_) +
                                " bytes cannot shrink to " + std::to_string(bytes));
  if (ledger_ && bytes < bytes_) ledger_->release(space_, bytes_ - bytes, false);
  bytes_ = bytes;
}

void MemoryLedger::set_budget(const std::string& space, std::size_t bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stats& s = spaces_[space];
  if (bytes != 0 && s.current > bytes) {
    std::ostringstream msg;
    msg << "memory budget for " << space << " cannot be set to " << bytes << " bytes: "
        << s.current << " bytes are already booked";
    throw BudgetExceeded(msg.str());
  }
  s.budget = bytes;
}

void MemoryLedger::refuse(const std::string& space, std::size_t bytes, const std::string& label,
                          const Stats& s, const char* why) const {
  std::ostringstream msg;
  msg << "memory budget exceeded in " << space << ": '" << label << "' needs " << bytes
      << " bytes, " << s.current << " of " << s.budget << " are booked (" << why << ")";
  throw BudgetExceeded(msg.str());
}

Booking MemoryLedger::book(const std::string& space, std::size_t bytes, const std::string& label) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stats& s = spaces_[space];
  if (!fits(s, bytes)) refuse(space, bytes, label, s, "raise the budget or shrink the job");
  s.current += bytes;
  s.peak = std::max(s.peak, s.current);
  ++s.bookings;
  return Booking(this, space, bytes);
}

Booking MemoryLedger::book_waiting(const std::string& space, std::size_t bytes,
                                   const std::string& label) {
  std::unique_lock<std::mutex> lock(mutex_);
  Stats& s = spaces_[space];
  if (s.budget != 0 && bytes > s.budget)
    refuse(space, bytes, label, s, "the request alone is larger than the budget");
  freed_.wait(lock, [&] { return fits(s, bytes); });
  s.current += bytes;
  s.peak = std::max(s.peak, s.current);
  ++s.bookings;
  return Booking(this, space, bytes);
}

void MemoryLedger::release(const std::string& space, std::size_t bytes, bool ends) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Stats& s = spaces_[space];
    s.current -= bytes;
    if (ends) --s.bookings;
  }
  freed_.notify_all();
}

MemoryLedger::Stats MemoryLedger::stats(const std::string& space) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = spaces_.find(space);
  return it == spaces_.end() ? Stats{} : it->second;
}

void MemoryLedger::reset_peak(const std::string& space) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stats& s = spaces_[space];
  s.peak = s.current;
}

MemoryLedger& MemoryLedger::global() {
  static MemoryLedger ledger;
  return ledger;
}

}  // namespace kprove
