#pragma once
// Watching a site's folders for saves (inotify): every folder below the
// watched ones, new folders as they appear. Editors' scratch files (.x.swp,
// x~, vim's 4913) are not changes.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace hyoka::cli {

class Watcher {
 public:
  Watcher();  // throws std::system_error when inotify is not available
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Watches `dir` and every folder below it (a missing folder is skipped).
  void add_tree(const std::filesystem::path& dir);
  // Watches only the file `file` (its folder, for the saves that replace it).
  void add_file(const std::filesystem::path& file);
  // Forgets every folder (before watching another set).
  void clear();

  // Blocks until something changed, then until `quiet` passed without more
  // (a save is often several events); returns the changed paths, or nullopt
  // when stop() was called.
  std::optional<std::vector<std::filesystem::path>> wait(std::chrono::milliseconds quiet);
  // Ends a wait() from another thread (or a signal handler's thread).
  void stop();

 private:
  // Reads what is pending (and watches new folders).
  void read_events(std::vector<std::filesystem::path>& changed);
  bool relevant(int watch, const std::string& name) const;

  int inotify_ = -1;
  int wake_ = -1;  // eventfd: stop()
  std::unordered_map<int, std::filesystem::path> dirs_;  // watch descriptor → folder
  std::unordered_map<int, std::string> only_;            // watch descriptor → the one file name it is for
};

}  // namespace hyoka::cli
