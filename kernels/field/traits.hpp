// The field seam: what the protocol layer may ask of a prime field and of its challenge
// extension. A field is a value type with canonical encoding `value()` (< P), the constants
// below, and the ring operations; an extension adds its base, degree and non-residue.
// Everything else (Montgomery forms, lazy reductions) stays inside the field's own header.
#pragma once

#include <concepts>
#include <cstdint>

namespace kprove {

template <class F>
concept PrimeField = requires(F a, F b, uint64_t x, int k) {
  { F::NAME } -> std::convertible_to<const char*>;         // as a job names it
  requires std::same_as<decltype(F::P), const uint64_t>;  // the modulus
  requires std::same_as<decltype(F::BITS), const int>;    // ceil(log2 P)
  requires std::same_as<decltype(F::BYTES), const int>;   // canonical encoding width
  requires std::same_as<decltype(F::TWO_ADICITY), const int>;
  requires std::same_as<decltype(F::MULTIPLICATIVE_GENERATOR), const uint64_t>;
  { F::from_u64(x) } -> std::same_as<F>;        // any 64-bit integer, reduced
  { F::from_canonical(x) } -> std::same_as<F>;  // x < P
  { a.value() } -> std::same_as<uint64_t>;      // canonical, < P
  { F::zero() } -> std::same_as<F>;
  { F::one() } -> std::same_as<F>;
  { a + b } -> std::same_as<F>;
  { a - b } -> std::same_as<F>;
  { a * b } -> std::same_as<F>;
  { -a } -> std::same_as<F>;
  { a.inverse() } -> std::same_as<F>;
  { a.pow(x) } -> std::same_as<F>;
  { F::two_adic_generator(k) } -> std::same_as<F>;
};

template <class E>
concept ExtensionField = PrimeField<typename E::Base> && requires(E a, E b, typename E::Base f) {
  requires std::same_as<decltype(E::DEGREE), const int>;
  requires std::same_as<decltype(E::W), const uint64_t>;  // E = Base[X] / (X^DEGREE - W)
  { a.coeff(0) } -> std::same_as<typename E::Base>;
  { a * b } -> std::same_as<E>;
  { a * f } -> std::same_as<E>;
  { a.inverse() } -> std::same_as<E>;
};

// The prime field under a value type V: V itself, or an extension's Base.
template <class V>
struct BaseFieldOf {
  using type = V;
};
template <ExtensionField E>
struct BaseFieldOf<E> {
  using type = typename E::Base;
};
template <class V>
using base_field_t = typename BaseFieldOf<V>::type;

// The extension a prime field's protocol draws its challenges from: each extension's header
// names itself for its base.
template <class F>
struct ChallengeExtension;
// The challenges for values of type V (a field or its challenge extension).
template <class V>
using challenge_t = typename ChallengeExtension<base_field_t<V>>::type;

}  // namespace kprove
