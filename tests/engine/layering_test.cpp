// The module layering, read from the sources' own #include lines (transitively): prover and
// verifier depend on the shared protocol modules and never on each other, the protocol on
// neither, and the device kernels and views on no engine module.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
const fs::path kRoot = KPROVE_SOURCE_DIR;

// Every project file (relative path) the files of `folder` include, directly or not.
std::set<std::string> include_closure(const std::string& folder) {
  static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
  std::vector<std::string> todo;
  for (const auto& e : fs::recursive_directory_iterator(kRoot / folder))
    if (e.is_regular_file()) todo.push_back(fs::relative(e.path(), kRoot).string());
  std::set<std::string> seen;
  while (!todo.empty()) {
    const std::string file = todo.back();
    todo.pop_back();
    std::ifstream in(kRoot / file);
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_search(line, m, include) && fs::exists(kRoot / m[1].str()) &&
          seen.insert(m[1].str()).second)
        todo.push_back(m[1].str());
    }
  }
  return seen;
}

// The files of the closure under any of the `forbidden` prefixes (or equal to one).
std::vector<std::string> reached(const std::string& folder,
                                 const std::vector<std::string>& forbidden) {
  std::vector<std::string> out;
  for (const std::string& f : include_closure(folder))
    for (const std::string& prefix : forbidden)
      if (f.rfind(prefix, 0) == 0) out.push_back(f);
  return out;
}

using Files = std::vector<std::string>;

TEST(Layering, TheVerifierReachesNoProverCode) {
  EXPECT_EQ(reached("engine/verifier", {"engine/prover/", "engine/pcs/basefold.hpp",
                                        "engine/pcs/impl/commit.hpp", "engine/pcs/impl/open.hpp",
                                        "engine/sumcheck/prover.hpp"}),
            Files{});
}

TEST(Layering, TheProverReachesNoVerifierCode) {
  EXPECT_EQ(reached("engine/prover", {"engine/verifier/"}), Files{});
}

TEST(Layering, TheProtocolReachesNeitherProverNorVerifier) {
  EXPECT_EQ(reached("engine/protocol", {"engine/prover/", "engine/verifier/"}), Files{});
}

TEST(Layering, KernelsAndViewsReachNoEngineModule) {
  EXPECT_EQ(reached("kernels", {"engine/"}), Files{});
  EXPECT_EQ(reached("views", {"engine/"}), Files{});
}

// The check itself sees includes: the prover does reach the protocol it implements.
TEST(Layering, TheClosureFollowsIncludes) {
  const auto closure = include_closure("engine/prover");
  EXPECT_TRUE(closure.count("engine/protocol/shard_protocol.hpp"));
  EXPECT_TRUE(closure.count("kernels/field/goldilocks.hpp"));  // through several headers
}

}  // namespace
