// The NTT / low-degree-extension module: include this for the whole public API.
#pragma once

#include "kernels/ntt/lde.hpp"
#include "kernels/ntt/order.hpp"
#include "kernels/ntt/transform.hpp"
#include "kernels/ntt/twiddles.hpp"
