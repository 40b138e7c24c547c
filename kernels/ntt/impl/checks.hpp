// Argument validation shared by the public NTT entry points: every message names the
// function and the offending value.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "kernels/bits/bits.hpp"

namespace kprove::detail {

[[noreturn]] inline void bad_argument(const char* fn, const std::string& what) {
  throw std::invalid_argument(std::string(fn) + ": " + what);
}

// The kernels index the matrix as one contiguous row-major array.
template <class MatView>
void check_contiguous(const char* fn, const MatView& m, const char* name) {
  if (m.extent(0) > 1 && m.extent(1) > 0 && m.stride(0) != m.extent(1))
    bad_argument(fn, std::string(name) + " rows are padded (stride " + std::to_string(m.stride(0)) +
                         " != " + std::to_string(m.extent(1)) + " columns)");
}

// Returns log2(rows); rows must be a power of two the twiddles cover.
inline int check_rows(const char* fn, std::size_t rows, int log_max) {
  if (!is_pow2(rows)) bad_argument(fn, std::to_string(rows) + " rows is not a power of two");
  const int log_n = log2_floor(rows);
  if (log_n > log_max)
    bad_argument(fn, "2^" + std::to_string(log_n) + " rows exceed the twiddles' 2^" +
                         std::to_string(log_max) + " (log_max)");
  return log_n;
}

template <class F>
void check_rate_bits(const char* fn, int rate_bits, int log_n) {
  if (rate_bits < 0 || rate_bits > 8)
    bad_argument(fn, "rate_bits " + std::to_string(rate_bits) + " is outside 0..8");
  if (log_n + rate_bits > F::TWO_ADICITY)
    bad_argument(fn, "2^" + std::to_string(log_n) + " rows << rate_bits " +
                         std::to_string(rate_bits) + " exceed " + F::NAME + "'s 2^" +
                         std::to_string(F::TWO_ADICITY) + " subgroup");
}

}  // namespace kprove::detail
