// Row order of an NTT's input or output.
#pragma once

namespace kprove {

// bit_reversed: row i holds the entry whose natural index is i with its log2(rows) bits
// reversed.
enum class NttOrder { natural, bit_reversed };

}  // namespace kprove
