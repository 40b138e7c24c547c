// Poseidon2 parameters for BabyBear, width 16: S-box x^7 (gcd(7, p - 1) = 1; 3 and 5 divide
// p - 1), 8 full rounds (4 + 4), 13 partial rounds, the external layer built from the same
// 4x4 block as Goldilocks'. Data only, transcribed from Plonky3's default instance
// (github.com/Plonky3/Plonky3, baby-bear/src/poseidon2.rs at commit
// 00caf21870e731e04a1cc3f691ff33ae8ec7966f: BABYBEAR_RC16_{EXTERNAL_INITIAL,EXTERNAL_FINAL,
// INTERNAL} and the internal diagonal V of BabyBearInternalLayerParameters), which takes its
// round constants from HorizenLabs' poseidon2 reference instance for BabyBear.
#pragma once

#include <cstdint>

namespace kprove::detail {

struct Poseidon2BabyBearConstants16 {
  static constexpr int WIDTH = 16;
  static constexpr int HALF_FULL_ROUNDS = 4;
  static constexpr int PARTIAL_ROUNDS = 13;

  // Full rounds 0..3, before the partial rounds: one constant per state element.
  static constexpr uint64_t external_initial[4][16] = {
      {0x69cbb6af, 0x46ad93f9, 0x60a00f4e, 0x6b1297cd, 0x23189afe, 0x732e7bef, 0x72c246de,
       0x2c941900, 0x0557eede, 0x1580496f, 0x3a3ea77b, 0x54f3f271, 0x0f49b029, 0x47872fe1,
       0x221e2e36, 0x1ab7202e},
      {0x487779a6, 0x3851c9d8, 0x38dc17c0, 0x209f8849, 0x268dcee8, 0x350c48da, 0x5b9ad32e,
       0x0523272b, 0x3f89055b, 0x01e894b2, 0x13ddedde, 0x1b2ef334, 0x7507d8b4, 0x6ceeb94e,
       0x52eb6ba2, 0x50642905},
      {0x05453f3f, 0x06349efc, 0x6922787c, 0x04bfff9c, 0x768c714a, 0x3e9ff21a, 0x15737c9c,
       0x2229c807, 0x0d47f88c, 0x097e0ecc, 0x27eadba0, 0x2d7d29e4, 0x3502aaa0, 0x0f475fd7,
       0x29fbda49, 0x018afffd},
      {0x0315b618, 0x6d4497d1, 0x1b171d9e, 0x52861abd, 0x2e5d0501, 0x3ec8646c, 0x6e5f250a,
       0x148ae8e6, 0x17f5fa4a, 0x3e66d284, 0x0051aa3b, 0x483f7913, 0x2cfe5f15, 0x023427ca,
       0x2cc78315, 0x1e36ea47},
  };
  // Full rounds 4..7, after the partial rounds.
  static constexpr uint64_t external_final[4][16] = {
      {0x7290a80d, 0x6f7e5329, 0x598ec8a8, 0x76a859a0, 0x6559e868, 0x657b83af, 0x13271d3f,
       0x1f876063, 0x0aeeae37, 0x706e9ca6, 0x46400cee, 0x72a05c26, 0x2c589c9e, 0x20bd37a7,
       0x6a2d3d10, 0x20523767},
      {0x5b8fe9c4, 0x2aa501d6, 0x1e01ac3e, 0x1448bc54, 0x5ce5ad1c, 0x4918a14d, 0x2c46a83f,
       0x4fcf6876, 0x61d8d5c8, 0x6ddf4ff9, 0x11fda4d3, 0x02933a8f, 0x170eaf81, 0x5a9c314f,
       0x49a12590, 0x35ec52a1},
      {0x58eb1611, 0x5e481e65, 0x367125c9, 0x0eba33ba, 0x1fc28ded, 0x066399ad, 0x0cbec0ea,
       0x75fd1af0, 0x50f5bf4e, 0x643d5f41, 0x6f4fe718, 0x5b3cbbde, 0x1e3afb3e, 0x296fb027,
       0x45e1547b, 0x4a8db2ab},
      {0x59986d19, 0x30bcdfa3, 0x1db63932, 0x1d7c2824, 0x53b33681, 0x0673b747, 0x038a98a3,
       0x2c5bce60, 0x351979cd, 0x5008fb73, 0x547bca78, 0x711af481, 0x3f93bf64, 0x644d987b,
       0x3c8bcd87, 0x608758b8},
  };
  // Partial rounds: one constant each, added to state[0] only.
  static constexpr uint64_t internal[13] = {
      0x5a8053c0, 0x693be639, 0x3858867d, 0x19334f6b, 0x128f0fd8, 0x4e2b1ccb, 0x61210ce0,
      0x3c318939, 0x0b5b2f22, 0x2edb11d5, 0x213effdf, 0x0cac4606, 0x241af16d,
  };
  // Internal layer y_i = sum(x) + d_i * x_i with V = [-2, 1, 2, 1/2, 3, 4, -1/2, -3, -4,
  // 1/2^8, 1/4, 1/8, 1/2^27, -1/2^8, -1/16, -1/2^27] as canonical values ...
  static constexpr uint64_t diag[16] = {
      0x77ffffff, 0x00000001, 0x00000002, 0x3c000001, 0x00000003, 0x00000004,
      0x3c000000, 0x77fffffe, 0x77fffffd, 0x77880001, 0x5a000001, 0x69000001,
      0x77fffff2, 0x00780000, 0x07800000, 0x0000000f,
  };
  // ... and as diag_num[i] / 2^diag_log2_den[i] (the test checks both forms agree).
  static constexpr int diag_num[16] = {-2, 1, 2, 1, 3, 4, -1, -3, -4, 1, 1, 1, 1, -1, -1, -1};
  static constexpr int diag_log2_den[16] = {0, 0, 0, 1, 0, 0, 1, 0, 0, 8, 2, 3, 27, 8, 4, 27};
};

}  // namespace kprove::detail
