#include "cli/watch.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace hyoka::cli {
namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t events = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF;

// Scratch files editors write next to the one being saved.
bool scratch_file(const std::string& name) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return name.empty() || name[0] == '.' || name[0] == '#' || ends_with("~") || ends_with(".swp") ||
         ends_with(".swx") || ends_with(".tmp") || name == "4913";
}

// Waits until `fd` or `wake` is readable, or the timeout (-1: none) passes.
// Returns 1 for fd, 0 for the timeout, -1 for wake.
int wait_readable(int fd, int wake, int timeout_ms) {
  pollfd fds[2] = {{fd, POLLIN, 0}, {wake, POLLIN, 0}};
  for (;;) {
    const int n = ::poll(fds, 2, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::system_error(errno, std::generic_category(), "poll");
    if (n == 0) return 0;
    return (fds[1].revents & POLLIN) ? -1 : 1;
  }
}

}  // namespace

Watcher::Watcher() : inotify_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), wake_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
  if (inotify_ < 0 || wake_ < 0) throw std::system_error(errno, std::generic_category(), "inotify");
}

Watcher::~Watcher() {
  ::close(inotify_);
  ::close(wake_);
}

void Watcher::add_tree(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> dirs{dir};
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_directory(ec) && !it->is_symlink(ec)) dirs.push_back(it->path());
  for (const auto& d : dirs) {
    const int watch = ::inotify_add_watch(inotify_, d.c_str(), events | IN_ONLYDIR);
    if (watch < 0) throw std::system_error(errno, std::generic_category(), "watching " + d.string());
    dirs_[watch] = d;
    only_.erase(watch);  // the whole folder now
  }
}

void Watcher::add_file(const fs::path& file) {
  const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  const int watch = ::inotify_add_watch(inotify_, dir.c_str(), events | IN_ONLYDIR | IN_MASK_ADD);
  if (watch < 0) throw std::system_error(errno, std::generic_category(), "watching " + dir.string());
  if (!dirs_.count(watch)) only_[watch] = file.filename().string();
  dirs_[watch] = dir;
}

void Watcher::clear() {
  for (const auto& [watch, dir] : dirs_) ::inotify_rm_watch(inotify_, watch);
  dirs_.clear();
  only_.clear();
}

bool Watcher::relevant(int watch, const std::string& name) const {
  const auto only = only_.find(watch);
  if (only != only_.end()) return name == only->second;
  return !scratch_file(name);
}

void Watcher::read_events(std::vector<fs::path>& changed) {
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    const ssize_t n = ::read(inotify_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // EAGAIN: all read
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      const auto dir = dirs_.find(event->wd);
      if (dir == dirs_.end()) continue;
      const std::string name = event->len ? std::string(event->name) : std::string();
      if (event->mask & IN_IGNORED) {
        dirs_.erase(dir);
        continue;
      }
      const fs::path path = name.empty() ? dir->second : dir->second / name;
      // A new folder (a new plan, policies/): watch it and what is already in it.
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO)) && !only_.count(event->wd))
        add_tree(path);
      if (name.empty() || relevant(event->wd, name)) changed.push_back(path);
    }
  }
}

std::optional<std::vector<fs::path>> Watcher::wait(std::chrono::milliseconds quiet) {
  std::vector<fs::path> changed;
  while (changed.empty()) {
    if (wait_readable(inotify_, wake_, -1) < 0) return std::nullopt;
    read_events(changed);
  }
  for (;;) {  // until a quiet moment
    const int ready = wait_readable(inotify_, wake_, static_cast<int>(quiet.count()));
    if (ready < 0) return std::nullopt;
    if (ready == 0) return changed;
    read_events(changed);
  }
}

void Watcher::stop() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = ::write(wake_, &one, sizeof one);
}

}  // namespace hyoka::cli
