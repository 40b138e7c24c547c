// The files a command writes: checked all together before any work, then written under unique
// temporary names and renamed into place only once every one of them is complete, so bad
// input or a failed write never costs an existing file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kprove {

// A file a command reads or writes, named as the user gave it: an option ("--proof") or the
// job file's located key ("demo.yaml:14:10: output.proof").
struct NamedPath {
  std::string name;
  std::string path;
};

// Checks, creating nothing, that every output can be written: a non-empty path that is absent
// or a regular file (not a directory, FIFO, device, socket or symbolic link), whose nearest
// existing ancestor is a writable directory, and that is not the same file (same canonical
// path, or same inode) as an input or an earlier output. Throws ConfigError
// "NAME: 'PATH' <what is wrong>" for the first problem.
void check_output_paths(const std::vector<NamedPath>& outputs,
                        const std::vector<NamedPath>& inputs);

// A file written under a unique temporary name in its target's directory
// (".NAME.PID.XXXXXX.tmp", mode as the target's or 0666 & ~umask), fsync'd and renamed onto the
// target by commit(). Until then the temporary is removed by the destructor and, should the
// process get SIGINT, SIGTERM or SIGHUP, by a signal handler that then re-raises the signal.
// SIGXFSZ is ignored from the first StagedFile on, so a file-size limit is a write error.
// Every failure throws std::runtime_error naming the target and the system's reason.
class StagedFile {
 public:
  explicit StagedFile(std::string target);  // creates the target's missing directories
  ~StagedFile();
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;

  void write(const void* data, std::size_t size);
  void write(const std::string& text) { write(text.data(), text.size()); }
  // Flushes the content to disk (fsync) and closes the temporary.
  void finish();
  // finish() if not done, then renames the temporary onto the target.
  void commit();

  const std::string& target() const { return target_; }
  const std::string& temp_path() const { return temp_; }

 private:
  void discard() noexcept;
  std::string target_, temp_;
  int fd_ = -1;
  int slot_ = -1;  // signal-cleanup registration
  bool committed_ = false;
};

// Stages every file in order, then commits them in order (the last one last): a failure while
// staging any of them replaces none.
struct OutputFile {
  std::string path;
  std::string content;
};
void write_files_atomically(const std::vector<OutputFile>& files);

}  // namespace kprove
