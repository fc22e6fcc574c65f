// `hyoka serve` as a city's staff runs it, over 127.0.0.1 with a real HTTP
// client (cpp-httplib's) and raw sockets for the requests a client library
// would not send: pages and MIME types, live reload after a save, the error
// overlay over the last good site, refused paths, 100 concurrent requests,
// Ctrl-C.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <thread>

#include <httplib.h>

#include "run.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

// A site with the Setagaya sample plan, in a scratch folder.
struct Site : TempDir {
  fs::path root = path;
  explicit Site(const std::string& name) : TempDir("serve-test-" + name) {
    fs::create_directories(root / "content");
    fs::copy(content + "/setagaya", root / "content/setagaya", fs::copy_options::recursive);
    fs::copy(content + "/schema", root / "content/schema", fs::copy_options::recursive);
    write(root / "hyoka.json", R"({"title": {"ja": "テスト市 行政評価", "en": "Test City"}})");
  }
  fs::path policy() const { return root / "content/setagaya/policies/1-1-2.json"; }
};

// `hyoka serve --port 0` started in a site folder; its output is collected
// by a thread. The destructor stops it with Ctrl-C (SIGINT).
class Serve {
 public:
  Serve(const fs::path& site, const std::vector<std::string>& more = {}) {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::dup2(out[1], 2);
      ::close(out[0]);
      if (::chdir(site.c_str()) != 0) ::_exit(127);
      std::vector<std::string> args = {HYOKA_BINARY, "serve", "--port", "0"};
      args.insert(args.end(), more.begin(), more.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(HYOKA_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    reader_ = std::thread([this, fd = out[0]] {
      char buffer[4096];
      for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
        std::lock_guard lock(mutex_);
        output_.append(buffer, static_cast<std::size_t>(n));
        changed_.notify_all();
      }
      ::close(fd);
    });
    std::smatch m;
    REQUIRE_MESSAGE(wait_for_output(std::regex("http://127\\.0\\.0\\.1:(\\d+)/"), m, 60s), output());
    port_ = std::stoi(m[1]);
  }
  ~Serve() {
    if (pid_ > 0) stop();
    if (reader_.joinable()) reader_.join();
  }

  // SIGINT, as Ctrl-C; the exit status.
  int stop() {
    ::kill(pid_, SIGINT);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    if (reader_.joinable()) reader_.join();
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  fs::path out_dir() const { return fs::temp_directory_path() / ("hyoka-serve-" + std::to_string(pid_)); }
  std::string output() {
    std::lock_guard lock(mutex_);
    return output_;
  }
  bool wait_for_output(const std::regex& pattern, std::smatch& match, std::chrono::seconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return std::regex_search(output_, match, pattern); });
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::thread reader_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string output_;
};

// Listens to /__hyoka/events as an open page does; remembers every generation.
class Events {
 public:
  explicit Events(int port) : client_("127.0.0.1", port) {
    client_.set_read_timeout(60, 0);
    thread_ = std::thread([this] {
      client_.Get("/__hyoka/events", [this](const char* data, std::size_t n) {
        std::lock_guard lock(mutex_);
        buffer_.append(data, n);
        for (std::size_t end; (end = buffer_.find("\n\n")) != std::string::npos; buffer_.erase(0, end + 2)) {
          const auto at = buffer_.find("data: ");
          if (at < end) generations_.push_back(std::stoull(buffer_.substr(at + 6, end - at - 6)));
        }
        changed_.notify_all();
        return true;
      });
    });
  }
  ~Events() {
    client_.stop();  // closes the stream, as a closed tab does
    thread_.join();
  }

  // The next generation after `after` (the reload message), or 0 after the timeout.
  std::uint64_t wait_after(std::uint64_t after, std::chrono::seconds timeout = 60s) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return !generations_.empty() && generations_.back() > after; });
    return generations_.empty() || generations_.back() <= after ? 0 : generations_.back();
  }

 private:
  httplib::Client client_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string buffer_;
  std::vector<std::uint64_t> generations_;
};

// One request sent byte for byte (what no client library would send).
std::string raw_request(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  std::string response;
  char buffer[4096];
  pollfd p{fd, POLLIN, 0};
  while (::poll(&p, 1, 5000) > 0) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    response.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return response;
}

int status_of(const std::string& response) {
  return response.size() > 12 && response.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(response.substr(9, 3)) : 0;
}

// What the server adds to a page: the live-reload script (and the overlay).
std::string without_injection(std::string html) {
  const auto overlay = html.find("<div id=\"hyoka-overlay\"");
  const auto script = html.find("<script src=\"/__hyoka/live.js\"");
  const auto from = std::min(overlay, script);
  if (from == std::string::npos) return html;
  const auto end = html.find("</script>", script) + 9;
  return html.erase(from, end - from);
}

// The listening sockets of this machine (/proc/net/tcp: local address, state 0A).
bool listens_only_on_loopback(int port) {
  std::ifstream tcp("/proc/net/tcp");
  char hex_port[8];
  std::snprintf(hex_port, sizeof hex_port, ":%04X", port);
  bool found = false;
  for (std::string line; std::getline(tcp, line);) {
    std::istringstream fields(line);
    std::string slot, local, remote, state;
    fields >> slot >> local >> remote >> state;
    if (state != "0A" || local.size() < 5 || local.substr(local.size() - 5) != hex_port) continue;
    if (local != std::string("0100007F") + hex_port) return false;
    found = true;
  }
  return found;
}

}  // namespace

TEST_CASE("serve: the built site over HTTP with MIME types (the script only in what is sent)") {
  Site site("pages");
  Serve serve(site.root);
  CHECK(listens_only_on_loopback(serve.port()));
  std::smatch pdfs;  // the URL comes once the pages are built; the PDFs follow
  REQUIRE_MESSAGE(serve.wait_for_output(std::regex("PDFs in \\d+ ms: 48 rendered"), pdfs, std::chrono::seconds(120)),
                  serve.output());
  httplib::Client client("127.0.0.1", serve.port());
  const fs::path out = serve.out_dir();

  auto page = client.Get("/ja/setagaya/policies/1-1-1.html");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->get_header_value("Cache-Control") == "no-store");
  const std::string on_disk = read(out / "ja/setagaya/policies/1-1-1.html");
  CHECK(on_disk.find("__hyoka") == std::string::npos);
  CHECK(without_injection(page->body) == on_disk);
  CHECK(page->body.find("<script src=\"/__hyoka/live.js\" data-generation=\"1\"></script></body>") != std::string::npos);
  CHECK(page->body.find("テスト市 行政評価") != std::string::npos);  // the site's title from hyoka.json

  const std::pair<const char*, const char*> types[] = {
      {"/assets/site.css", "text/css; charset=utf-8"},
      {"/assets/site.js", "text/javascript; charset=utf-8"},
      {"/assets/favicon.svg", "image/svg+xml"},
      {"/ja/setagaya/downloads/data.json", "application/json"},
      {"/ja/setagaya/downloads/indicators.csv", "text/csv; charset=utf-8"},
      {"/en/setagaya/pdf/1-1-1.pdf", "application/pdf"},
      {"/sitemap.xml", "application/xml"},
      {"/__hyoka/live.js", "text/javascript; charset=utf-8"},
  };
  for (const auto& [path, type] : types) {
    auto response = client.Get(path);
    REQUIRE_MESSAGE(response, path);
    CHECK_MESSAGE(response->status == 200, path);
    CHECK_MESSAGE(response->get_header_value("Content-Type") == type, path);
    if (std::string(path).rfind("/__hyoka/", 0) != 0) CHECK_MESSAGE(response->body == read(out / (path + 1)), path);
  }
  CHECK(read(out / "en/setagaya/pdf/1-1-1.pdf").rfind("%PDF-", 0) == 0);

  auto head = client.Head("/ja/index.html");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
  CHECK(head->get_header_value("Content-Length") == std::to_string(client.Get("/ja/index.html")->body.size()));

  auto root = client.Get("/");
  CHECK(without_injection(root->body) == read(out / "index.html"));
  CHECK(root->get_header_value("Content-Type") == "text/html; charset=utf-8");
  auto folder = client.Get("/ja");
  CHECK(folder->status == 301);
  CHECK(folder->get_header_value("Location") == "/ja/");
  CHECK(without_injection(client.Get("/ja/")->body) == read(out / "ja/index.html"));

  auto missing = client.Get("/ja/no-such-page.html");
  CHECK(missing->status == 404);
  CHECK(without_injection(missing->body) == read(out / "404.html"));

  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    const std::string response =
        raw_request(serve.port(), std::string(method) + " /ja/index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                                                        "Connection: close\r\n\r\n");
    CHECK_MESSAGE(status_of(response) == 405, method);
    CHECK_MESSAGE(response.find("Allow: GET, HEAD") != std::string::npos, method);
  }
}

TEST_CASE("serve: only files of the built site: .. and absolute paths, links out, hidden files, listings refused") {
  Site site("paths");
  Serve serve(site.root, {"--no-pdf"});
  const fs::path out = serve.out_dir();
  fs::create_symlink("/etc/passwd", out / "ja/passwd.html");
  fs::create_directory_symlink("/etc", out / "ja/etc");
  const std::string secret = "root:x:0:0";

  const std::pair<const char*, int> requests[] = {
      {"/../../../../etc/passwd", 400},
      {"/ja/../../../etc/passwd", 400},
      {"/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 400},
      {"/..%2f..%2f..%2fetc%2fpasswd", 400},
      {"/ja/%2e%2e%2f%2e%2e%2fetc/passwd", 400},
      {"//etc/passwd", 400},
      {"/%2Fetc%2Fpasswd", 400},
      {"/ja/./index.html", 400},
      {"/ja\\..\\..\\etc\\passwd", 400},
      {"/ja/index.html%00.css", 400},
      {"http://127.0.0.1/etc/passwd", 400},
      {"/etc/passwd", 404},                 // a path of this site that does not exist
      {"/ja/passwd.html", 404},             // a symbolic link out of the site
      {"/ja/etc/passwd", 404},              // through a linked folder
      {"/.hyoka-site", 404},                // hidden files: the build's own
      {"/.hyoka/pdf-setagaya.key", 404},
      {"/ja/setagaya/policies/", 404},      // a folder without index.html: no listing
  };
  for (const auto& [path, status] : requests) {
    const std::string response =
        raw_request(serve.port(), std::string("GET ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    CHECK_MESSAGE(status_of(response) == status, path, "\n", response.substr(0, 200));
    CHECK_MESSAGE(response.find(secret) == std::string::npos, path);
    CHECK_MESSAGE(response.find("<a href=\"index.html\">index.html</a>") == std::string::npos, path);
  }
}

TEST_CASE("serve: on the loopback address only requests that name this machine (no DNS rebinding)") {
  Site site("host");
  Serve serve(site.root, {"--no-pdf"});
  const std::string port = std::to_string(serve.port());
  const std::pair<std::string, int> hosts[] = {
      {"127.0.0.1:" + port, 200}, {"localhost:" + port, 200}, {"localhost", 200}, {"[::1]:" + port, 200},
      {"attacker.example:" + port, 403}, {"attacker.example", 403}, {"127.0.0.1.attacker.example", 403},
      {"localhost:80x", 403}, {"", 403},
  };
  for (const auto& [host, status] : hosts) {
    const std::string response =
        raw_request(serve.port(), "GET /ja/index.html HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    CHECK_MESSAGE(status_of(response) == status, host);
  }
}

TEST_CASE("serve: 100 concurrent requests are all answered") {
  Site site("concurrent");
  Serve serve(site.root, {"--no-pdf"});
  std::vector<std::string> pages;
  for (const auto& entry : fs::recursive_directory_iterator(serve.out_dir() / "ja/setagaya"))
    if (entry.path().extension() == ".html") pages.push_back(fs::relative(entry.path(), serve.out_dir()).string());
  std::sort(pages.begin(), pages.end());
  REQUIRE(pages.size() >= 100);
  std::atomic<int> answered{0};
  std::vector<std::string> failures(100);
  std::vector<std::thread> clients;
  for (int i = 0; i < 100; ++i)
    clients.emplace_back([&, i] {
      httplib::Client client("127.0.0.1", serve.port());
      client.set_read_timeout(30, 0);
      auto response = client.Get("/" + pages[i]);
      if (!response) failures[i] = "no answer: " + httplib::to_string(response.error());
      else if (response->status != 200) failures[i] = "status " + std::to_string(response->status);
      else if (without_injection(response->body) != read(serve.out_dir() / pages[i])) failures[i] = "wrong body";
      else ++answered;
    });
  for (auto& c : clients) c.join();
  for (int i = 0; i < 100; ++i) CHECK_MESSAGE(failures[i].empty(), pages[i], ": ", failures[i]);
  CHECK(answered == 100);
}

TEST_CASE("serve: a saved policy appears after the reload and a broken one shows the overlay over the last good page") {
  Site site("reload");
  Serve serve(site.root, {"--no-pdf"});
  INFO("hyoka serve said:\n", serve.output());  // shown with any failure below
  Events events(serve.port());
  httplib::Client client("127.0.0.1", serve.port());
  const std::string page = "/ja/setagaya/policies/1-1-2.html";
  const std::string before = "<span class=\"num\">226</span>", after = "<span class=\"num\">227</span>";
  const std::uint64_t first = events.wait_after(0);
  REQUIRE(first >= 1);
  CHECK(client.Get(page)->body.find(before) != std::string::npos);
  // The first reload after `since` whose page shows what the save made: on a
  // loaded machine a save can reach the watcher as two changes, two reloads.
  auto reload_showing = [&](std::uint64_t since, const std::string& text, bool present) {
    for (int reloads = 0; reloads < 5; ++reloads) {
      since = events.wait_after(since);
      if (since == 0) break;
      const auto response = client.Get(page);
      if (response && (response->body.find(text) != std::string::npos) == present) return since;
    }
    return since;
  };

  // A division corrects an actual: the open page is told to reload and shows it.
  const std::string good = read(site.policy());
  std::string changed = good;
  changed.replace(changed.find("\"actual\": 226"), 13, "\"actual\": 227");
  write(site.policy(), changed);
  const std::uint64_t second = reload_showing(first, after, true);
  REQUIRE_MESSAGE(second > first, serve.output());
  auto reloaded = client.Get(page);
  CHECK(reloaded->body.find(after) != std::string::npos);
  CHECK(reloaded->body.find(before) == std::string::npos);
  CHECK(reloaded->body.find("data-generation=\"" + std::to_string(second) + "\"") != std::string::npos);
  CHECK(reloaded->body.find("hyoka-overlay") == std::string::npos);

  // A broken save: reload once more, to the last good page with the errors over it.
  write(site.policy(), "{\n  \"id\": \"1-1-2\",\n  \"area\" \"1\"\n}\n");
  const std::uint64_t third = reload_showing(second, "hyoka-overlay", true);
  REQUIRE_MESSAGE(third > second, serve.output());
  auto broken = client.Get(page);
  CHECK(broken->status == 200);
  CHECK(broken->body.find(after) != std::string::npos);  // the last good site
  CHECK(broken->body.find("<div id=\"hyoka-overlay\" role=\"alertdialog\"") != std::string::npos);
  CHECK(broken->body.find("<code class=\"file\">content/setagaya/policies/1-1-2.json:3:12</code>") != std::string::npos);
  CHECK(broken->body.find("<span class=\"what\">invalid JSON: syntax error") != std::string::npos);
  CHECK(broken->body.find("<span class=\"fix\">fix: ") != std::string::npos);
  CHECK(client.Get("/en/index.html")->body.find("hyoka-overlay") != std::string::npos);  // on every page
  CHECK(serve.output().find("1-1-2.json:3:12: error: invalid JSON") != std::string::npos);

  // Fixed: the overlay goes.
  write(site.policy(), changed);
  const std::uint64_t fourth = reload_showing(third, "hyoka-overlay", false);
  REQUIRE_MESSAGE(fourth > third, serve.output());
  auto fixed = client.Get(page);
  CHECK(fixed->body.find("hyoka-overlay") == std::string::npos);
  CHECK(fixed->body.find(after) != std::string::npos);

  // A broken hyoka.json is shown the same way, and the site stays.
  const std::string config = read(site.root / "hyoka.json");
  write(site.root / "hyoka.json", R"({"title": {"ja": "テスト市"}, "base_url": "www.example.jp"})");
  const std::uint64_t fifth = events.wait_after(fourth);
  REQUIRE_MESSAGE(fifth > fourth, serve.output());
  auto config_error = client.Get(page);
  CHECK(config_error->body.find("is not an absolute web address") != std::string::npos);
  CHECK(config_error->body.find(after) != std::string::npos);
  write(site.root / "hyoka.json", config);
  CHECK(events.wait_after(fifth) > fifth);
  CHECK(client.Get(page)->body.find("hyoka-overlay") == std::string::npos);
}

TEST_CASE("serve: content that never built shows its errors on every path until it builds") {
  Site site("never-built");
  const std::string good = read(site.policy());
  write(site.policy(), "");  // an empty file: refused
  Serve serve(site.root, {"--no-pdf"});
  INFO("hyoka serve said:\n", serve.output());
  Events events(serve.port());
  const std::uint64_t first = events.wait_after(0);
  httplib::Client client("127.0.0.1", serve.port());
  for (const char* path : {"/", "/ja/index.html"}) {
    auto response = client.Get(path);
    REQUIRE_MESSAGE(response, path);
    CHECK_MESSAGE(response->status == 404, path);
    CHECK_MESSAGE(response->body.find("<code class=\"file\">content/setagaya/policies/1-1-2.json") != std::string::npos,
                  path);
    CHECK_MESSAGE(response->body.find("/__hyoka/live.js") != std::string::npos, path);  // it reloads when fixed
  }
  write(site.policy(), good);
  REQUIRE(events.wait_after(first) > first);
  auto fixed = client.Get("/ja/index.html");
  CHECK(fixed->status == 200);
  CHECK(fixed->body.find("hyoka-overlay") == std::string::npos);
}

TEST_CASE("serve: Ctrl-C stops it cleanly: exit 0, its folder removed, the port closed") {
  Site site("stop");
  Serve serve(site.root, {"--no-pdf"});
  const fs::path out = serve.out_dir();
  const int port = serve.port();
  REQUIRE(fs::is_directory(out));
  Events events(port);  // an open page: its stream must not keep the server alive
  REQUIRE(events.wait_after(0) >= 1);
  CHECK(serve.stop() == 0);
  CHECK(serve.output().find("hyoka serve: stopped") != std::string::npos);
  CHECK(!fs::exists(out));
  httplib::Client client("127.0.0.1", port);
  CHECK(!client.Get("/"));
}
