#pragma once
// The preview server of `hyoka serve` (cpp-httplib): the files of the built
// site and nothing else (no `..`, no symbolic links, no hidden files, no
// folder listings), GET and HEAD only, with a small live-reload script and,
// while the last save does not build, an overlay of its errors injected into
// every page. The pages on disk are never changed: the injection happens
// only in what is sent.
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka::cli {

// One error of a build, as the overlay shows it.
struct Problem {
  std::string file;      // may be empty
  std::string location;  // "12:7" or a JSON pointer; may be empty
  std::string what;
  std::string fix;       // may be empty
};

// The result of the latest build, shared by the build loop and the server.
// Every build, good or bad, is a new generation: an open page reloads when
// it sees a generation other than the one it was served in.
class BuildState {
 public:
  struct Snapshot {
    std::uint64_t generation = 0;
    std::vector<Problem> problems;  // empty: the build succeeded
  };
  void publish(std::vector<Problem> problems);
  Snapshot current() const;
  // Waits until the generation is not `seen`, stop() or the timeout; returns
  // the generation then, nullopt after stop().
  std::optional<std::uint64_t> wait_change(std::uint64_t seen, std::chrono::milliseconds timeout) const;
  void stop();

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  Snapshot snapshot_;
  bool stopped_ = false;
};

// A request path made safe: the relative path below the site root
// ("ja/index.html"; "" for the root), or nullopt when it must be refused
// (`..`, `.`, `//`, a backslash or control character, not starting with /).
std::optional<std::string> site_relative(std::string_view request_path);
// "text/html; charset=utf-8" for "x.html", by the file's extension.
std::string mime_type(std::string_view path);
// 127.0.0.1, ::1, localhost: this machine only.
bool is_loopback(std::string_view host);
// Whether a request's Host header names this machine (localhost,
// 127.0.0.1, [::1], with any port): a preview on the loopback address
// answers only those, so that a web page elsewhere cannot read it through a
// name of its own that resolves to 127.0.0.1 (DNS rebinding).
bool names_this_machine(std::string_view host_header);
// `html` with the live-reload script (and the overlay, when the last build
// failed) before </body>.
std::string inject(std::string html, const BuildState::Snapshot& state);

class PreviewServer {
 public:
  PreviewServer(std::filesystem::path site_dir, const BuildState& state);
  ~PreviewServer();
  // Binds (port 0: any free port); returns the port, or -1. On a loopback
  // address, requests must name this machine in their Host header.
  int bind(const std::string& host, int port);
  // Serves until stop().
  void listen();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hyoka::cli
