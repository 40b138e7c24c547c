// Logging for the engine. A plain-string API so that Kokkos translation units (which nvcc
// may compile) never include spdlog/fmt; the implementation is compiled by g++.
#pragma once

#include <string>

namespace kprove::log {

enum class Level { trace, debug, info, warn, error, off };

// Throws std::invalid_argument naming the text and the accepted names.
Level parse_level(const std::string& text);
void set_level(Level level);
// Names the process in every line ("rank 1" of an MPI launch).
void set_source(const std::string& source);

void debug(const std::string& msg);
void info(const std::string& msg);
void warn(const std::string& msg);
void error(const std::string& msg);

}  // namespace kprove::log
