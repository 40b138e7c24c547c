// The shard prover's instances for every execution space of the build (shard_prover.hpp).
#define KPROVE_SHARD_PROVER_INSTANCES
#include "engine/prover/shard_prover.hpp"
