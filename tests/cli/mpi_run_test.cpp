// `kprove run` under mpirun (a build with KPROVE_MPI): the shards spread over 2 and 3 ranks,
// on Serial and OpenMP, give the proof of one process byte for byte; a rank that fails stops
// every rank, with the rank and shard named and no proof written.
#include "cli/cli_fixture.hpp"
#include "support/json.hpp"

namespace kprove {
namespace {

using test::Cli;
using test::Result;
namespace fs = std::filesystem;

#ifdef KPROVE_HAVE_MPI

class MpiRun : public Cli {
 protected:
  // A machine the build was carried to may lack Open MPI's launcher (setup-deps installs it).
  void SetUp() override {
    Cli::SetUp();
    if (std::system("command -v mpirun > /dev/null") != 0) GTEST_SKIP() << "mpirun not on PATH";
  }
  // Open MPI refuses root without these; one host, so its ranks talk through shared memory
  // (no single-copy: containers forbid ptrace) and loopback only, never probing the network;
  // one OpenMP thread per rank on this 2-core machine; a hang ends as a failure.
  static std::string mpirun(int ranks) {
    return "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader "
           "OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_oob_tcp_if_include=lo "
           "OMP_NUM_THREADS=1 OMP_PROC_BIND=false timeout 600 mpirun --oversubscribe -np " +
           std::to_string(ranks);
  }
  // fibonacci(100) in shards of 255 cycles: 3 shards.
  static std::string multi_job(const std::string& space, const std::string& memory = "") {
    std::string job = small_job("multi", "64000000");
    job.replace(job.find("shard_cycles: 1024"), 18, "shard_cycles: 256");
    return job + "spaces: {witgen: " + space + ", commit: " + space + ", prove: " + space +
           "}\n" + memory;
  }
  // Runs `kprove $RANK1` on rank 1 and `kprove $OTHERS` on the other ranks.
  Result split(int ranks, const std::string& rank1, const std::string& others) const {
    write("split.sh", "#!/bin/sh\nexe=$1\nif [ \"$OMPI_COMM_WORLD_RANK\" = 1 ]; then exec "
                      "\"$exe\" $RANK1; fi\nexec \"$exe\" $OTHERS\n");
    fs::permissions(dir_ / "split.sh", fs::perms::owner_all);
    return kprove("", mpirun(ranks) + " env RANK1='" + rank1 + "' OTHERS='" + others +
                          "' ./split.sh");
  }
};

TEST_F(MpiRun, MpiRanksProveTheBytesOfOneProcess) {
  SKIP_WITHOUT_GUESTS();
  write("serial.yaml", multi_job("serial"));
  write("openmp.yaml", multi_job("openmp"));
  Result one = kprove("run serial.yaml --proof one.proof --kokkos-threads=1");
  ASSERT_EQ(one.rc, 0) << one.err;
  const std::string bytes = test::read_file(dir_ / "one.proof");
  for (const auto& [ranks, job] : {std::pair{2, "serial.yaml"}, std::pair{3, "openmp.yaml"},
                                   std::pair{4, "serial.yaml"}}) {
    SCOPED_TRACE(std::to_string(ranks) + " ranks, " + job);
    fs::remove(dir_ / "res/m.json");
    Result r = kprove(std::string("run ") + job + " --proof many.proof", mpirun(ranks));
    ASSERT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(test::read_file(dir_ / "many.proof"), bytes);
    // Rank 0 alone prints the statement and writes the reports.
    EXPECT_NE(r.out.find("proved: "), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("proved: "), r.out.rfind("proved: ")) << r.out;
    const test::Json m = test::parse_json(test::read_file(dir_ / "res/m.json"));
    EXPECT_EQ(m["labels"]["ranks"].str, std::to_string(ranks));
    EXPECT_EQ(m["labels"]["rank"].str, "0");
  }
  Result ok = kprove("verify many.proof serial.yaml");
  EXPECT_EQ(ok.rc, 0) << ok.err;
}

// Rank 1 runs the job under a host budget below one shard: every rank stops at the next
// exchange, rank 0 names rank 1 and its shard, and no proof file appears. A rank that fails
// before any exchange (a usage error) ends the others through MPI_Abort.
TEST_F(MpiRun, AFailedRankStopsEveryRankAndNoProofIsWritten) {
  SKIP_WITHOUT_GUESTS();
  write("good.yaml", multi_job("serial"));
  write("tiny.yaml", multi_job("serial", "memory: {host_budget: 4MiB}\n"));
  Result budget = split(3, "run tiny.yaml --proof p.proof", "run good.yaml --proof p.proof");
  EXPECT_EQ(budget.rc, 1) << budget.err;
  EXPECT_NE(budget.err.find("kprove: job failed: rank 1: shard "), std::string::npos)
      << budget.err;
  EXPECT_NE(budget.err.find("more than the whole budget"), std::string::npos) << budget.err;
  EXPECT_FALSE(fs::exists(dir_ / "p.proof"));

  Result usage = split(2, "run good.yaml --kokkos-threads=x", "run good.yaml --proof p.proof");
  EXPECT_EQ(usage.rc, 2) << usage.err;
  EXPECT_NE(usage.err.find("kprove: rank 1: --kokkos-threads: 'x' is not"), std::string::npos)
      << usage.err;
  EXPECT_FALSE(fs::exists(dir_ / "p.proof"));
}

TEST_F(MpiRun, OnlyRunSpreadsOverRanks) {
  SKIP_WITHOUT_GUESTS();
  write("good.yaml", multi_job("serial"));
  Result r = kprove("selfcheck good.yaml", mpirun(2));
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("selfcheck: only 'run' spreads over MPI ranks"), std::string::npos)
      << r.err;
}

#endif

}  // namespace
}  // namespace kprove
