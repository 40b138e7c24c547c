// pcs.security in job files: its two keys, the regime names, and that it replaces pcs.queries.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "config/job_config.hpp"

namespace kprove {
namespace {

// `yaml` with a program line (any readable file: the parser does not load it).
std::string job(const std::string& yaml) {
  static const std::string program = [] {
    const auto p = std::filesystem::path(::testing::TempDir()) / "kprove_pcs_keys_prog.elf";
    std::ofstream(p) << "ELF";
    return p.string();
  }();
  return yaml + "program: " + program + "\n";
}

std::string error_of(const std::string& yaml) {
  try {
    parse_job_text(job(yaml), "t.yaml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(PcsSecurityKeys, ReadsTheTargetAndItsDefaults) {
  const JobConfig a = parse_job_text(job("job: a\npcs: {security: {bits: 96, regime: conjectured}}\n"), "t.yaml");
  ASSERT_TRUE(a.pcs.security.has_value());
  EXPECT_EQ(a.pcs.security->bits, 96u);
  EXPECT_EQ(a.pcs.security->regime, "conjectured");
  const JobConfig b = parse_job_text(job("job: a\npcs: {security: {}}\n"), "t.yaml");
  EXPECT_EQ(b.pcs.security->bits, 100u);
  EXPECT_EQ(b.pcs.security->regime, "provable");
  EXPECT_FALSE(parse_job_text(job("job: a\n"), "t.yaml").pcs.security.has_value());
}

TEST(PcsSecurityKeys, ErrorsAreLocated) {
  EXPECT_NE(error_of("job: a\npcs: {queries: 50, security: {bits: 90}}\n")
                .find("t.yaml:2:30: pcs.security: give either pcs.queries or pcs.security"),
            std::string::npos);
  EXPECT_NE(error_of("job: a\npcs: {security: {regime: hopeful}}\n")
                .find("pcs.security.regime: unknown regime 'hopeful'"),
            std::string::npos);
  EXPECT_NE(error_of("job: a\npcs: {security: {bits: 0}}\n").find("pcs.security.bits: 0 is out of range"),
            std::string::npos);
  EXPECT_NE(error_of("job: a\npcs: {security: {bist: 9}}\n").find("did you mean 'bits'"),
            std::string::npos);
}

}  // namespace
}  // namespace kprove
