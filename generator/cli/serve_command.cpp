// `hyoka serve [--port 1313] [--bind 127.0.0.1]`: builds the site into a
// private folder, serves it, and rebuilds it (incrementally) on every save of
// the content, templates, assets or hyoka.json; open pages reload. A save
// that does not build keeps the last good site and shows its errors over it.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "cli/build_setup.hpp"
#include "cli/commands.hpp"
#include "cli/serve_http.hpp"
#include "cli/watch.hpp"
#include "pdf/pdf.hpp"

namespace hyoka::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct ServeArgs {
  BuildArgs build;
  int port = 1313;
  std::string bind = "127.0.0.1";
};

// What the site is built from and where the preview goes. Pages are served
// from the root ("/"), so links that must be absolute (404.html) start there.
std::optional<site::BuildOptions> preview_options(const ServeArgs& args, const fs::path& out, std::ostream& err) {
  auto options = build_options(args.build, err);
  if (!options) return std::nullopt;
  options->out_dir = out;
  options->base_url = "/";
  options->quiet = true;
  return options;
}

std::vector<Problem> lines_as_problems(const std::string& text) {
  std::vector<Problem> problems;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) problems.push_back({"", "", line, ""});
  return problems;
}

// One build step; its errors, each with file, line, what and fix (none: it built).
struct BuildResult {
  std::vector<Problem> problems;
  bool changed = true;           // some file of the site is new, changed or gone
  std::size_t pdfs_pending = 0;  // PDFs the pages step left for the PDF step
};

long milliseconds_since(Clock::time_point start) {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

BuildResult build_step(site::BuildOptions options, site::BuildOptions::Step step, std::ostream& out) {
  options.step = step;
  const auto start = Clock::now();
  std::ostringstream log;
  BuildResult result;
  try {
    const auto summary = site::build(options, log);
    result.changed = summary.written > 0 || summary.removed > 0;
    result.pdfs_pending = summary.pdfs_deferred;
    if (step == site::BuildOptions::Step::pdfs_only)
      out << "hyoka serve: PDFs in " << milliseconds_since(start) << " ms: " << summary.pdfs_rendered << " rendered"
          << std::endl;
    else
      out << "hyoka serve: built in " << milliseconds_since(start) << " ms: " << summary.pages << " pages, "
          << summary.written << " file(s) written, " << summary.removed << " removed"
          << (result.pdfs_pending ? "; " + std::to_string(result.pdfs_pending) + " PDFs next" : "") << std::endl;
    return result;
  } catch (const site::ContentError& e) {
    for (const auto& d : e.diagnostics.items())
      if (d.severity == model::Severity::error) result.problems.push_back({d.file.string(), d.location, d.message, d.fix});
  } catch (const std::exception& e) {  // BuildError (templates, UI strings, output), PdfError
    result.problems = lines_as_problems(e.what());
  }
  for (const auto& p : result.problems)
    std::cerr << (p.file.empty() ? "" : p.file + ":") << (p.location.empty() ? "" : p.location + ": ") << "error: "
              << p.what << (p.fix.empty() ? "" : " (fix: " + p.fix + ")") << "\n";
  out << "hyoka serve: " << result.problems.size() << " error(s); the preview keeps the last good site and shows them"
      << std::endl;
  return result;
}

void watch_site(Watcher& watcher, const site::BuildOptions& options, const std::optional<fs::path>& config) {
  watcher.clear();
  watcher.add_tree(options.content_dir);
  for (const auto& dir : options.resources.templates.dirs()) watcher.add_tree(dir);
  for (const auto& dir : options.resources.assets.dirs()) watcher.add_tree(dir);
  if (config) watcher.add_file(*config);
}

std::optional<fs::path> config_file(const ServeArgs& args) {
  const fs::path file = args.build.site.config.empty() ? fs::path(site::config_file_name) : fs::path(args.build.site.config);
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  return fs::absolute(file, ec).lexically_normal();
}

std::string url_of(const std::string& host, int port) {
  const std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return "http://" + shown + ":" + std::to_string(port) + "/";
}

// The preview: the build loop on the calling thread, the server and the
// signal handler each on their own.
class Preview {
 public:
  Preview(const ServeArgs& args, fs::path out) : args_(args), out_(std::move(out)), server_(out_, state_) {}

  int run(const sigset_t& signals) {
    auto options = preview_options(args_, out_, std::cerr);
    if (!options) return 1;
    const auto config = config_file(args_);
    const int port = server_.bind(args_.bind, args_.port);
    if (port < 0) {
      std::cerr << "hyoka serve: error: cannot listen on " << args_.bind << " port " << args_.port
                << " (fix: is another server using it? choose another with --port)\n";
      return 1;
    }
    if (!is_loopback(args_.bind))
      std::cerr << "hyoka serve: warning: listening on " << args_.bind
                << ": anyone who can reach this machine can read the preview\n";
    watch_site(watcher_, *options, config);  // before the build: a save during it is not lost
    const bool pdfs_next = rebuild_pages(*options, true);
    std::cout << "hyoka serve: " << url_of(args_.bind, port) << " (rebuilds on every save; Ctrl-C to stop)" << std::endl;
    std::jthread http([this] { server_.listen(); });
    std::jthread on_signal([this, &signals] {
      int signal = 0;
      ::sigwait(&signals, &signal);
      stop();
    });
    // However the loop ends, the other threads are told to stop before they are joined.
    struct Shutdown {
      Preview& preview;
      std::jthread& on_signal;
      ~Shutdown() {
        preview.stop();
        ::pthread_kill(on_signal.native_handle(), SIGTERM);  // ends its sigwait
      }
    } shutdown{*this, on_signal};
    if (pdfs_next) rebuild_pdfs(*options);
    while (auto changed = watcher_.wait(std::chrono::milliseconds(15))) {
      if (config && std::find(changed->begin(), changed->end(), *config) != changed->end()) {
        std::ostringstream errors;
        auto reloaded = preview_options(args_, out_, errors);
        if (!reloaded) {
          std::cerr << errors.str();
          publish({lines_as_problems(errors.str()), true}, false);
          continue;
        }
        options = std::move(reloaded);
        watch_site(watcher_, *options, config);
      }
      if (rebuild_pages(*options, false)) rebuild_pdfs(*options);
    }
    return 0;
  }

 private:
  // The pages first, so that open pages reload at once; true when the PDFs
  // of plans that changed (the slow part) are still to be rendered.
  bool rebuild_pages(const site::BuildOptions& options, bool first) {
    BuildResult pages = build_step(options, site::BuildOptions::Step::pages_first, std::cout);
    const bool pdfs_next = pages.problems.empty() && pages.pdfs_pending > 0;
    publish(std::move(pages), first);
    return pdfs_next;
  }

  // Their errors (a broken layout) show as well.
  void rebuild_pdfs(const site::BuildOptions& options) {
    BuildResult pdfs = build_step(options, site::BuildOptions::Step::pdfs_only, std::cout);
    pdfs.changed = false;  // a PDF is no page to reload
    publish(std::move(pdfs), false);
  }

  // A new generation makes the open pages reload: when the site changed, or
  // when its errors did (the overlay comes or goes).
  void publish(BuildResult result, bool first) {
    const auto previous = state_.current();
    const bool same_problems = previous.problems.size() == result.problems.size() &&
                               std::equal(previous.problems.begin(), previous.problems.end(), result.problems.begin(),
                                          [](const Problem& a, const Problem& b) {
                                            return a.file == b.file && a.location == b.location && a.what == b.what;
                                          });
    if (first || result.changed || !same_problems) state_.publish(std::move(result.problems));
  }

  void stop() {
    if (stopping_.exchange(true)) return;
    state_.stop();  // ends the event streams first, so the server's threads can finish
    watcher_.stop();
    server_.stop();
  }

  const ServeArgs& args_;
  fs::path out_;
  BuildState state_;
  Watcher watcher_;
  PreviewServer server_;
  std::atomic<bool> stopping_{false};
};

int run_serve(const ServeArgs& args) {
  // Ctrl-C and SIGTERM are taken by one thread (sigwait), so every other
  // thread, started after this, keeps running until it is told to stop.
  // A shell starts a background job with SIGINT ignored; a preview stops on it all the same.
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  ::pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const fs::path out = fs::temp_directory_path() / ("hyoka-serve-" + std::to_string(::getpid()));
  int status = 1;
  try {
    Preview preview(args, out);
    status = preview.run(signals);
  } catch (const std::exception& e) {
    std::cerr << "hyoka serve: error: " << e.what() << "\n";
  }
  std::error_code ec;
  fs::remove_all(out, ec);
  if (status == 0) std::cout << "hyoka serve: stopped" << std::endl;
  return status;
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  auto* command = app.add_subcommand(
      "serve", "Preview the site: build it, serve it over HTTP, rebuild on every save of the content, templates, "
               "assets or hyoka.json, and reload the open pages; errors show over the last good site");
  command->add_option("CONTENT_DIR", args->build.content,
                      "Folder holding one folder per plan (default: the site's content folder)");
  command->add_option("--port,-p", args->port, "TCP port (0: any free port)")->capture_default_str();
  command->add_option("--bind", args->bind,
                      "Address to listen on; the default is this machine only (0.0.0.0 shows the preview to the network)")
      ->capture_default_str();
  add_build_options(*command, args->build);
  command->callback([args] { exit_with(run_serve(*args)); });
}

}  // namespace hyoka::cli
