#include "engine/transcript/transcript.hpp"

namespace kprove {

template class TranscriptOf<GoldilocksHasher, GoldilocksExt2>;
template class TranscriptOf<BabyBearHasher, BabyBearExt4>;

}  // namespace kprove
