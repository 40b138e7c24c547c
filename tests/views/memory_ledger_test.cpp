// Memory ledger and owned buffers: every allocation is booked, release is immediate and
// visible, and a budget is never exceeded silently.
#include <gtest/gtest.h>

#include <thread>

#include "support/backends.hpp"
#include "kernels/field/goldilocks_ext2.hpp"
#include "views/trace.hpp"

namespace kprove {
namespace {

TEST(MemoryLedger, BooksReleasesAndTracksPeak) {
  MemoryLedger ledger;
  {
    Booking a = ledger.book("dev", 100, "a");
    Booking b = ledger.book("dev", 50, "b");
    EXPECT_EQ(ledger.stats("dev").current, 150u);
    a.release();
    EXPECT_EQ(ledger.stats("dev").current, 50u);
    Booking moved = std::move(b);
    EXPECT_EQ(ledger.stats("dev").current, 50u);
  }
  EXPECT_EQ(ledger.stats("dev").current, 0u);
  EXPECT_EQ(ledger.stats("dev").peak, 150u);
  EXPECT_EQ(ledger.stats("dev").bookings, 0u);
}

TEST(MemoryLedger, RefusesPastBudgetWithANamedError) {
  MemoryLedger ledger;
  ledger.set_budget("dev", 1000);
  Booking a = ledger.book("dev", 800, "trace:alu");
  try {
    ledger.book("dev", 300, "lde:alu");
    FAIL() << "over-budget booking accepted";
  } catch (const BudgetExceeded& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("lde:alu"), std::string::npos) << msg;
    EXPECT_NE(msg.find("dev"), std::string::npos) << msg;
    EXPECT_NE(msg.find("300"), std::string::npos) << msg;
  }
  EXPECT_EQ(ledger.stats("dev").current, 800u);
  EXPECT_THROW(ledger.set_budget("dev", 500), BudgetExceeded);
  EXPECT_THROW(ledger.book_waiting("dev", 2000, "huge"), BudgetExceeded);
}

TEST(MemoryLedger, WaitingBookingProceedsOnceMemoryIsReleased) {
  MemoryLedger ledger;
  ledger.set_budget("dev", 100);
  Booking a = ledger.book("dev", 80, "first");
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    a.release();
  });
  Booking b = ledger.book_waiting("dev", 60, "second");
  releaser.join();
  EXPECT_EQ(ledger.stats("dev").current, 60u);
  EXPECT_EQ(ledger.stats("dev").peak, 80u);
}

TEST(MemoryLedger, AShrunkBookingReturnsTheRestAndWakesAWaiter) {
  MemoryLedger ledger;
  ledger.set_budget("dev", 100);
  Booking a = ledger.book("dev", 90, "witgen");
  std::thread shrinker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    a.shrink(30);
  });
  Booking b = ledger.book_waiting("dev", 70, "next");
  shrinker.join();
  EXPECT_EQ(a.bytes(), 30u);
  EXPECT_EQ(ledger.stats("dev").current, 100u);
  EXPECT_EQ(ledger.stats("dev").bookings, 2u);
  EXPECT_THROW(a.shrink(31), std::invalid_argument);
  a.release();
  EXPECT_EQ(ledger.stats("dev").current, 70u);
  EXPECT_EQ(ledger.stats("dev").bookings, 1u);
}

KPROVE_BACKEND_SUITE(OwnedViews);

TYPED_TEST(OwnedViews, TraceReleaseReturnsItsBytes) {
  using Mem = typename TestFixture::Mem;
  MemoryLedger ledger;
  const std::string space = Mem::name();
  auto t = Trace<Mem>::allocate(ledger, "alu", 64, 10);
  EXPECT_EQ(t.rows(), 64u);
  EXPECT_EQ(t.cols(), 10u);
  EXPECT_EQ(ledger.stats(space).current, 64u * 10 * sizeof(Felt));
  Trace<Mem> moved = std::move(t);
  EXPECT_EQ(ledger.stats(space).current, 64u * 10 * sizeof(Felt));
  moved.release();
  EXPECT_TRUE(moved.empty());
  EXPECT_EQ(ledger.stats(space).current, 0u);

  auto v = alloc_vec<Ext, Mem>(ledger, "v", 33);
  auto w = alloc_vec<Ext, Mem>(ledger, "w", 7);
  v = std::move(w);  // v's old buffer is freed and unbooked on assignment
  EXPECT_EQ(ledger.stats(space).current, 7 * sizeof(Ext));
  EXPECT_EQ(ledger.stats(space).peak, 64u * 10 * sizeof(Felt));
}

}  // namespace
}  // namespace kprove
