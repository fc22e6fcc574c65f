#include "cli/serve_http.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <httplib.h>

#include <algorithm>

#include "template/python.hpp"

namespace hyoka::cli {
namespace fs = std::filesystem;

// --- the build state ---------------------------------------------------------

void BuildState::publish(std::vector<Problem> problems) {
  {
    std::lock_guard lock(mutex_);
    ++snapshot_.generation;
    snapshot_.problems = std::move(problems);
  }
  changed_.notify_all();
}

BuildState::Snapshot BuildState::current() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

std::optional<std::uint64_t> BuildState::wait_change(std::uint64_t seen, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopped_ || snapshot_.generation != seen; });
  if (stopped_) return std::nullopt;
  return snapshot_.generation;
}

void BuildState::stop() {
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  changed_.notify_all();
}

// --- requests, files, pages ------------------------------------------------

std::optional<std::string> site_relative(std::string_view path) {
  if (path.empty() || path[0] != '/') return std::nullopt;  // "http://…", "*", "": not a path on this site
  std::string out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, slash - start);
    const bool last = slash == path.size();
    if (segment.empty() && !last) return std::nullopt;  // "//": an absolute path smuggled in
    if (segment == "." || segment == "..") return std::nullopt;
    for (unsigned char c : segment)
      if (c < 0x20 || c == 0x7F || c == '\\') return std::nullopt;
    out.append(segment);
    if (!last) out += '/';
    start = slash + 1;
  }
  return out;
}

std::string mime_type(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> types[] = {
      {".html", "text/html; charset=utf-8"},  {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},    {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".json", "application/json"},
      {".svg", "image/svg+xml"},              {".csv", "text/csv; charset=utf-8"},
      {".pdf", "application/pdf"},            {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},  {".png", "image/png"},
      {".jpg", "image/jpeg"},                 {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},                  {".webp", "image/webp"},
      {".ico", "image/x-icon"},               {".woff2", "font/woff2"},
      {".woff", "font/woff"},                 {".webmanifest", "application/manifest+json"},
  };
  const std::size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && path.find('/', dot) == std::string_view::npos) {
    std::string extension(path.substr(dot));
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [ext, type] : types)
      if (extension == ext) return std::string(type);
  }
  return "application/octet-stream";
}

bool is_loopback(std::string_view host) {
  const bool ipv4_127 = host.rfind("127.", 0) == 0 && std::count(host.begin(), host.end(), '.') == 3 &&
                        host.find_first_not_of("0123456789.") == std::string_view::npos;
  return host == "localhost" || host == "::1" || ipv4_127;
}

bool names_this_machine(std::string_view host) {
  if (host.rfind("[::1]", 0) == 0) host.remove_prefix(5);
  else if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
    if (!is_loopback(host.substr(0, colon))) return false;
    host.remove_prefix(colon);
  } else {
    return is_loopback(host);
  }
  if (host.empty()) return true;
  if (host[0] != ':' || host.size() == 1) return false;
  return host.find_first_not_of("0123456789", 1) == std::string_view::npos;
}

namespace {

constexpr const char* live_script = R"JS(// hyoka serve: reloads the page when the site was rebuilt (only while previewing).
(function () {
  'use strict';
  var me = document.currentScript;
  var generation = me ? me.getAttribute('data-generation') : null;
  var source = new EventSource('/__hyoka/events');
  source.onmessage = function (event) {
    if (event.data !== generation) location.reload();
  };
  var close = document.getElementById('hyoka-overlay-close');
  if (close) close.addEventListener('click', function () {
    document.getElementById('hyoka-overlay').hidden = true;
  });
})();
)JS";

constexpr const char* overlay_style =
    "#hyoka-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(0,0,0,.8);"
    "font:15px/1.6 system-ui,sans-serif;padding:2rem 1rem}"
    "#hyoka-overlay[hidden]{display:none}"
    "#hyoka-overlay .panel{max-width:60rem;margin:0 auto;background:#1e1e1e;color:#f5f5f5;border-top:6px solid #e53935;"
    "border-radius:6px;padding:1.25rem 1.5rem}"
    "#hyoka-overlay h2{all:unset;display:block;color:#ff8a80;font-weight:700;font-size:1.15rem;margin:0 0 .25rem}"
    "#hyoka-overlay p{margin:0 0 1rem;color:#e0e0e0}"
    "#hyoka-overlay ol{margin:0;padding-left:1.5rem}#hyoka-overlay li{margin:0 0 1rem}"
    "#hyoka-overlay code{all:unset;color:#ffe082;font-family:ui-monospace,monospace;white-space:pre-wrap}"
    "#hyoka-overlay .what{display:block;white-space:pre-wrap}"
    "#hyoka-overlay .fix{display:block;color:#b9f6ca}"
    "#hyoka-overlay button{float:right;font:inherit;font-size:1.25rem;line-height:1;padding:.25rem .6rem;"
    "background:#333;color:#fff;border:1px solid #777;border-radius:4px;cursor:pointer}";

std::string esc(std::string_view text) { return tmpl::escape_html(text); }

std::string overlay(const std::vector<Problem>& problems) {
  const std::string count = std::to_string(problems.size());
  std::string html = "<div id=\"hyoka-overlay\" role=\"alertdialog\" aria-labelledby=\"hyoka-overlay-title\">"
                     "<style>" + std::string(overlay_style) + "</style><div class=\"panel\">"
                     "<button type=\"button\" id=\"hyoka-overlay-close\" aria-label=\"close\">×</button>"
                     "<h2 id=\"hyoka-overlay-title\">hyoka serve: " + count + " error(s) in the last save</h2>"
                     "<p lang=\"ja\">保存した内容に誤りがあります（" + count +
                     "件）。直して保存するまで、最後に正しく作れたページを表示しています。<br>"
                     "<span lang=\"en\">The page below is the last good site until the error is fixed and saved.</span></p><ol>";
  for (const auto& p : problems) {
    html += "<li>";
    if (!p.file.empty())
      html += "<code class=\"file\">" + esc(p.file) + (p.location.empty() ? "" : ":" + esc(p.location)) + "</code>";
    html += "<span class=\"what\">" + esc(p.what) + "</span>";
    if (!p.fix.empty()) html += "<span class=\"fix\">fix: " + esc(p.fix) + "</span>";
    html += "</li>";
  }
  return html + "</ol></div></div>";
}

}  // namespace

std::string inject(std::string html, const BuildState::Snapshot& state) {
  std::string added;
  if (!state.problems.empty()) added += overlay(state.problems);
  added += "<script src=\"/__hyoka/live.js\" data-generation=\"" + std::to_string(state.generation) + "\"></script>";
  const std::size_t body = html.rfind("</body>");
  html.insert(body == std::string::npos ? html.size() : body, added);
  return html;
}

namespace {

// A file descriptor that closes itself.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }

 private:
  int fd_;
};

enum class Found { file, folder, none };

struct Lookup {
  Found found = Found::none;
  std::string bytes;
  std::string name;  // the file's own name (index.html for a folder)
};

std::string read_all(int fd) {
  std::string bytes;
  char buffer[65536];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return {};
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  return bytes;
}

// Opens `relative` below `root` one name at a time, never following a
// symbolic link, never a hidden name (.hyoka/, .hyoka-site); a folder
// ending in / gives its index.html.
Lookup open_below(const fs::path& root, const std::string& relative) {
  std::vector<std::string> names;
  for (std::size_t start = 0; start < relative.size();) {
    const std::size_t slash = std::min(relative.find('/', start), relative.size());
    names.push_back(relative.substr(start, slash - start));
    start = slash + 1;
  }
  if (relative.empty() || relative.back() == '/') names.push_back("index.html");
  Fd dir(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (!dir) return {};
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty() || names[i][0] == '.') return {};
    Fd next(::openat(dir.get(), names[i].c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
    struct stat st {};
    if (!next || ::fstat(next.get(), &st) != 0) return {};
    if (S_ISDIR(st.st_mode)) {
      if (i + 1 == names.size()) return {Found::folder, {}, names[i]};
      dir = std::move(next);
      continue;
    }
    if (!S_ISREG(st.st_mode) || i + 1 != names.size()) return {};  // a link, a device, or a file used as a folder
    Fd file(::openat(dir.get(), names[i].c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!file) return {};
    return {Found::file, read_all(file.get()), names[i]};
  }
  return {};
}

void set_common_headers(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
}

}  // namespace

// Two things cpp-httplib 0.11 does not offer. It listens with a backlog of
// 5: a burst of connections (a page's assets, the 100 of a test) would wait
// for SYN retries; calling listen() again on the bound socket raises it. Its
// stop() does nothing before listen() has started (a Ctrl-C right at the
// start would be lost); closing the socket ends a listen() at any time,
// even one still to come.
class Server : public httplib::Server {
 public:
  void raise_backlog() { ::listen(svr_sock_, SOMAXCONN); }
  void halt() {
    const auto sock = svr_sock_.exchange(INVALID_SOCKET);
    if (sock == INVALID_SOCKET) return;
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
  }
};

struct PreviewServer::Impl {
  fs::path root;
  const BuildState& state;
  Server server;
  bool loopback_only = true;

  Impl(fs::path site_dir, const BuildState& s) : root(std::move(site_dir)), state(s) {
    // Each open page holds one thread for its event stream.
    server.new_task_queue = [] { return new httplib::ThreadPool(32); };
    server.set_keep_alive_timeout(2);
    server.set_read_timeout(5);
    server.set_write_timeout(5);
    server.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
    const auto refuse = [](const httplib::Request&, httplib::Response& res) {
      set_common_headers(res);
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content("405 Method Not Allowed: the preview serves GET and HEAD only\n", "text/plain; charset=utf-8");
    };
    server.Post(".*", refuse);
    server.Put(".*", refuse);
    server.Patch(".*", refuse);
    server.Delete(".*", refuse);
    server.Options(".*", refuse);
  }

  void handle(const httplib::Request& req, httplib::Response& res) {
    set_common_headers(res);
    if (loopback_only && !names_this_machine(req.get_header_value("Host"))) {
      res.status = 403;
      return res.set_content("403 Forbidden: the preview answers only requests for localhost or 127.0.0.1\n",
                             "text/plain; charset=utf-8");
    }
    if (req.path == "/__hyoka/live.js") return res.set_content(live_script, "text/javascript; charset=utf-8");
    if (req.path == "/__hyoka/events") return events(res);
    const auto relative = site_relative(req.path);
    if (!relative) {
      res.status = 400;
      return res.set_content("400 Bad Request: not a path of this site\n", "text/plain; charset=utf-8");
    }
    Lookup found = open_below(root, *relative);
    if (found.found == Found::folder) {
      res.status = 301;
      return res.set_header("Location", req.path + "/");
    }
    if (found.found == Found::file) return send(res, found.name, std::move(found.bytes));
    res.status = 404;
    Lookup page = open_below(root, "404.html");
    send(res, "404.html",
         page.found == Found::file ? std::move(page.bytes)
                                   : "<!DOCTYPE html><html lang=\"en\"><title>Not found</title><body><p>Not found"
                                     " (the site has not been built yet).</p></body></html>");
  }

  void send(httplib::Response& res, const std::string& name, std::string bytes) {
    const std::string type = mime_type(name);
    if (type.rfind("text/html", 0) == 0) bytes = inject(std::move(bytes), state.current());
    res.body = std::move(bytes);  // set_content() would copy it
    res.set_header("Content-Type", type);
  }

  // Server-sent events: the current generation at once, then each new one.
  void events(httplib::Response& res) {
    res.set_chunked_content_provider(
        "text/event-stream", [this, seen = std::optional<std::uint64_t>()](std::size_t, httplib::DataSink& sink) mutable {
          std::optional<std::uint64_t> now =
              seen ? state.wait_change(*seen, std::chrono::seconds(10)) : state.current().generation;
          if (!now) return false;  // stopping
          // The same generation after the timeout: a comment, which also finds closed connections.
          const std::string message =
              seen == now ? std::string(": waiting\n\n")
                          : (seen ? "" : "retry: 1000\n") + std::string("data: ") + std::to_string(*now) + "\n\n";
          seen = now;
          return sink.write(message.data(), message.size());
        });
  }
};

PreviewServer::PreviewServer(fs::path site_dir, const BuildState& state)
    : impl_(std::make_unique<Impl>(std::move(site_dir), state)) {}
PreviewServer::~PreviewServer() = default;

int PreviewServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? impl_->server.bind_to_any_port(host) : impl_->server.bind_to_port(host, port) ? port : -1;
  if (bound > 0) impl_->server.raise_backlog();
  impl_->loopback_only = is_loopback(host);
  return bound;
}

void PreviewServer::listen() { impl_->server.listen_after_bind(); }
void PreviewServer::stop() { impl_->server.halt(); }

}  // namespace hyoka::cli
