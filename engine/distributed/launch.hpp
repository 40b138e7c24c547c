// Whether this process is one rank of an MPI launch, read from the launcher's environment
// (Open MPI, PMIx, MPICH/Hydra): MPI starts only then, and a build without MPI refuses such a
// run rather than prove the job once per rank.
#pragma once

namespace kprove {

bool launched_by_mpi();

}  // namespace kprove
