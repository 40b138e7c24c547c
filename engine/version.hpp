// The kprove release this library was built from (the CMake project version).
#pragma once

namespace kprove {

const char* version();

}  // namespace kprove
