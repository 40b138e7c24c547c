// Runtime-to-compile-time dispatch: f(std::integral_constant<int, N>{}) for a runtime n in
// Lo..Hi, so a kernel is instantiated per size (a round's points, a product's factors).
#pragma once

#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace kprove {

// Throws std::logic_error for n outside Lo..Hi (callers validate their sizes first).
template <int Lo, int Hi, class Fn>
decltype(auto) with_constant(int n, Fn&& f) {
  static_assert(Lo <= Hi);
  if (n == Lo) return f(std::integral_constant<int, Lo>{});
  if constexpr (Lo < Hi)
    return with_constant<Lo + 1, Hi>(n, std::forward<Fn>(f));
  else
    throw std::logic_error("with_constant: " + std::to_string(n) + " is outside the " +
                           "instantiated range");
}

}  // namespace kprove
