#include "engine/log.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <stdexcept>

namespace kprove::log {
namespace {
// Logs go to stderr so stdout stays clean for tables and JSON the CLI prints.
spdlog::logger& logger() {
  static auto l = [] {
    auto lg = spdlog::stderr_color_mt("kprove");
    lg->set_pattern("[%H:%M:%S.%e] [%^%l%$] %v");
    lg->set_level(spdlog::level::info);
    return lg;
  }();
  return *l;
}
}  // namespace

Level parse_level(const std::string& text) {
  static const std::pair<const char*, Level> names[] = {
      {"trace", Level::trace}, {"debug", Level::debug}, {"info", Level::info},
      {"warn", Level::warn},   {"error", Level::error}, {"off", Level::off}};
  for (const auto& [name, level] : names)
    if (text == name) return level;
  throw std::invalid_argument("unknown log level '" + text +
                              "' (expected trace, debug, info, warn, error or off)");
}

void set_level(Level level) {
  static const spdlog::level::level_enum map[] = {
      spdlog::level::trace, spdlog::level::debug, spdlog::level::info,
      spdlog::level::warn,  spdlog::level::err,   spdlog::level::off};
  logger().set_level(map[static_cast<int>(level)]);
}

void set_source(const std::string& source) {
  logger().set_pattern("[%H:%M:%S.%e] [" + source + "] [%^%l%$] %v");
}

void debug(const std::string& msg) { logger().debug(msg); }
void info(const std::string& msg) { logger().info(msg); }
void warn(const std::string& msg) { logger().warn(msg); }
void error(const std::string& msg) { logger().error(msg); }

}  // namespace kprove::log
