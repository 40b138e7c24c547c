#include "engine/jobs/output_paths.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "config/job_config.hpp"

namespace kprove {
namespace fs = std::filesystem;

namespace {

std::string quoted(const std::string& path) { return "'" + path + "'"; }

const char* not_regular(fs::file_type t) {
  switch (t) {
    case fs::file_type::directory: return "is a directory";
    case fs::file_type::fifo: return "is a FIFO";
    case fs::file_type::block:
    case fs::file_type::character: return "is a device";
    case fs::file_type::socket: return "is a socket";
    case fs::file_type::symlink: return "is a symbolic link";
    default: return "is not a regular file";
  }
}

// The path with symbolic links and dot segments resolved as far as it exists.
fs::path canonical_key(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path).lexically_normal() : p;
}

bool same_file(const std::string& a, const std::string& b) {
  if (canonical_key(a) == canonical_key(b)) return true;
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec) && !ec;
}

// Whether `dir` is a proper ancestor of `p` (both canonical keys).
bool is_ancestor(const fs::path& dir, const fs::path& p) {
  auto d = dir.begin(), q = p.begin();
  for (; d != dir.end() && !d->empty(); ++d, ++q)
    if (q == p.end() || *d != *q) return false;
  return q != p.end();
}

void check_one(const NamedPath& o) {
  const auto fail = [&](const std::string& what) {
    throw ConfigError(o.name + ": " + quoted(o.path) + " " + what);
  };
  if (o.path.empty()) throw ConfigError(o.name + ": empty path (expected a file name)");
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(o.path, ec);
  if (!ec && st.type() != fs::file_type::not_found && st.type() != fs::file_type::regular)
    fail(std::string(not_regular(st.type())) + " (expected a regular file or a new path)");
  // The nearest existing ancestor must be a directory we may create entries in.
  fs::path dir = fs::absolute(o.path, ec).parent_path();
  while (true) {
    const fs::file_status ds = fs::status(dir, ec);
    if (ds.type() == fs::file_type::not_found && dir.has_relative_path()) {
      dir = dir.parent_path();
      continue;
    }
    if (ds.type() == fs::file_type::none)
      fail("cannot be checked: " + quoted(dir.string()) + ": " + ec.message());
    if (ds.type() != fs::file_type::directory)
      fail("cannot be created: " + quoted(dir.string()) + " is not a directory");
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
      fail("cannot be written: directory " + quoted(dir.string()) + " is not writable (" +
           std::strerror(errno) + ")");
    break;
  }
}

// ---- Temporary files removed on SIGINT / SIGTERM / SIGHUP --------------------------------

constexpr int kSlots = 64;
constexpr std::size_t kMaxPath = 4096;
struct Slot {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 a live temporary
  char path[kMaxPath];
};
Slot g_slots[kSlots];
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[sizeof kCleanupSignals / sizeof kCleanupSignals[0]];

// Async-signal-safe: unlink, sigaction and raise only.
extern "C" void remove_temporaries(int sig) {
  for (Slot& s : g_slots)
    if (s.state.load() == 2) ::unlink(s.path);
  for (std::size_t i = 0; i < sizeof kCleanupSignals / sizeof kCleanupSignals[0]; ++i)
    if (kCleanupSignals[i] == sig) ::sigaction(sig, &g_previous[i], nullptr);
  ::raise(sig);  // delivered with the previous action once this handler returns
}

void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (std::size_t i = 0; i < sizeof kCleanupSignals / sizeof kCleanupSignals[0]; ++i) {
      struct sigaction current {};
      ::sigaction(kCleanupSignals[i], nullptr, &current);
      if (current.sa_handler == SIG_IGN) continue;  // e.g. under nohup: leave it ignored
      g_previous[i] = current;
      struct sigaction sa {};
      sa.sa_handler = remove_temporaries;
      sigemptyset(&sa.sa_mask);
      for (int s : kCleanupSignals) sigaddset(&sa.sa_mask, s);
      ::sigaction(kCleanupSignals[i], &sa, nullptr);
    }
    struct sigaction xfsz {};
    ::sigaction(SIGXFSZ, nullptr, &xfsz);
    if (xfsz.sa_handler == SIG_DFL) ::signal(SIGXFSZ, SIG_IGN);
  });
}

int register_temporary(const std::string& path) {
  if (path.size() >= kMaxPath) return -1;  // still removed by the destructor
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (g_slots[i].state.compare_exchange_strong(expected, 1)) {
      std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
      g_slots[i].state.store(2);
      return i;
    }
  }
  return -1;
}

void unregister_temporary(int slot) {
  if (slot >= 0) g_slots[slot].state.store(0);
}

mode_t new_file_mode() {
  static const mode_t mask = [] {
    const mode_t m = ::umask(022);
    ::umask(m);
    return m;
  }();
  return 0666 & ~mask;
}

[[noreturn]] void fail_io(const std::string& what, const std::string& path, int err) {
  throw std::runtime_error("cannot " + what + " " + quoted(path) + ": " + std::strerror(err));
}

}  // namespace

void check_output_paths(const std::vector<NamedPath>& outputs,
                        const std::vector<NamedPath>& inputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const NamedPath& o = outputs[i];
    check_one(o);
    auto clash = [&](const NamedPath& other) {
      if (!other.path.empty() && same_file(o.path, other.path))
        throw ConfigError(o.name + ": " + quoted(o.path) + " is the same file as " + other.name +
                          " (" + quoted(other.path) + ")");
    };
    for (const NamedPath& in : inputs) clash(in);
    for (std::size_t j = 0; j < i; ++j) {
      clash(outputs[j]);
      // Neither exists yet, but one would have to be the other's folder.
      const fs::path a = canonical_key(o.path), b = canonical_key(outputs[j].path);
      if (is_ancestor(a, b) || is_ancestor(b, a))
        throw ConfigError(o.name + ": " + quoted(o.path) + " and " + outputs[j].name + " (" +
                          quoted(outputs[j].path) + ") cannot both be written: one is a " +
                          "folder of the other");
    }
  }
}

StagedFile::StagedFile(std::string target) : target_(std::move(target)) {
  install_handlers();
  const fs::path t(target_);
  const fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) fail_io("create directory", dir.string(), ec.value());
  // NAME_MAX is 255: keep ".NAME.PID.XXXXXX.tmp" under it.
  const std::string name = t.filename().string().substr(0, 200);
  std::string templ =
      (dir / ("." + name + "." + std::to_string(::getpid()) + ".XXXXXX.tmp")).string();
  fd_ = ::mkostemps(templ.data(), 4, O_CLOEXEC);
  if (fd_ < 0) fail_io("create a temporary file for", target_, errno);
  temp_ = templ;
  slot_ = register_temporary(temp_);
  struct stat existing {};
  const mode_t mode = ::stat(target_.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)
                          ? (existing.st_mode & 07777)
                          : new_file_mode();
  if (::fchmod(fd_, mode) != 0) {
    const int err = errno;
    discard();
    fail_io("set the mode of", temp_, err);
  }
}

StagedFile::~StagedFile() {
  if (!committed_) discard();
}

void StagedFile::discard() noexcept {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  unregister_temporary(slot_);
  slot_ = -1;
}

void StagedFile::write(const void* data, std::size_t size) {
  if (fd_ < 0) throw std::logic_error("StagedFile::write after finish: " + target_);
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd_, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail_io("write", target_, n < 0 ? errno : ENOSPC);
    p += n;
    size -= std::size_t(n);
  }
}

void StagedFile::finish() {
  if (fd_ < 0) return;
  if (::fsync(fd_) != 0) fail_io("write", target_, errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail_io("write", target_, errno);
}

void StagedFile::commit() {
  if (committed_) return;
  finish();
  if (::rename(temp_.c_str(), target_.c_str()) != 0) fail_io("replace", target_, errno);
  committed_ = true;
  unregister_temporary(slot_);
  slot_ = -1;
  // Make the rename itself durable; a failure here leaves a complete file either way.
  const fs::path t(target_);
  const std::string dir = t.has_parent_path() ? t.parent_path().string() : ".";
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void write_files_atomically(const std::vector<OutputFile>& files) {
  std::vector<std::unique_ptr<StagedFile>> staged;
  for (const OutputFile& f : files) {
    staged.push_back(std::make_unique<StagedFile>(f.path));
    staged.back()->write(f.content);
    staged.back()->finish();
  }
  // A directory (or a FIFO...) that appeared since the checks would fail its rename after the
  // files before it were replaced: look once more before replacing any.
  for (const auto& s : staged) {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(s->target(), ec);
    if (!ec && st.type() != fs::file_type::not_found && st.type() != fs::file_type::regular)
      throw std::runtime_error("cannot replace " + quoted(s->target()) + ": it " +
                               not_regular(st.type()));
  }
  for (auto& s : staged) s->commit();
}

}  // namespace kprove
