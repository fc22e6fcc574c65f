// `hyoka build` as a user runs it over the real sample content: incremental
// rebuilds, shards, and what a failed or killed build leaves behind.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "run.hpp"

namespace fs = std::filesystem;

namespace {

// relative path → inode: a file the build did not rewrite keeps its inode.
std::map<std::string, ino_t> inodes(const fs::path& dir) {
  std::map<std::string, ino_t> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    struct stat st {};
    if (entry.is_regular_file() && ::stat(entry.path().c_str(), &st) == 0)
      out[fs::relative(entry.path(), dir).string()] = st.st_ino;
  }
  return out;
}

ino_t inode(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_ino;
}

std::set<std::string> entries(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

const std::string templates = std::string(HYOKA_SOURCE_DIR) + "/templates";
const std::string assets = std::string(HYOKA_SOURCE_DIR) + "/assets";
const std::string source_dirs = "--templates " + templates + " --assets " + assets;

// A scratch folder with a copy of the sample content.
struct Scratch {
  fs::path root;
  explicit Scratch(const std::string& name)
      : root(fs::temp_directory_path() / ("hyoka-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(content, root / "content", fs::copy_options::recursive);
  }
  ~Scratch() { fs::remove_all(root); }
  std::string build(const std::string& out, const std::string& more = "") const {
    return "build " + (root / "content").string() + " --out " + (root / out).string() + " " + source_dirs + " " + more;
  }
  // One policy's actual changes, as when a division corrects a figure.
  void change_actual() const {
    const fs::path file = root / "content/setagaya/policies/1-1-2.json";
    std::string text = read(file);
    const auto at = text.find("\"actual\": 226");
    REQUIRE(at != std::string::npos);
    text.replace(at, 13, "\"actual\": 227");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
  }
};

std::size_t count_of(const std::string& log, const std::string& what) {
  std::smatch m;
  REQUIRE_MESSAGE(std::regex_search(log, m, std::regex("(\\d+) " + what)), log);
  return std::stoul(m[1]);
}

}  // namespace

TEST_CASE("build: a rebuild writes only what changed and equals a clean build") {
  Scratch s("incremental");
  REQUIRE(hyoka(s.build("out")).status == 0);
  const auto before = inodes(s.root / "out");
  const ino_t folder = inode(s.root / "out");

  auto same = hyoka(s.build("out"), true);
  REQUIRE(same.status == 0);
  CHECK(count_of(same.out, "written") == 0);
  CHECK(count_of(same.out, "removed") == 0);
  CHECK(count_of(same.out, "rendered\\)") == 0);  // no PDF re-rendered
  CHECK(inode(s.root / "out") == folder);          // not even swapped
  CHECK(inodes(s.root / "out") == before);

  s.change_actual();
  auto changed = hyoka(s.build("out"), true);
  REQUIRE(changed.status == 0);
  REQUIRE(hyoka(s.build("clean")).status == 0);
  CHECK(tree(s.root / "out") == tree(s.root / "clean"));
  const auto after = inodes(s.root / "out");
  std::size_t rewritten = 0;
  for (const auto& [path, ino] : after) {
    if (before.count(path) && before.at(path) == ino) continue;
    ++rewritten;
    // Only the changed plan's files and the site home (its grade summary) may change.
    const bool allowed = path.find("/setagaya/") != std::string::npos || path == "ja/index.html" ||
                         path == "en/index.html" || path == ".hyoka/pdf-setagaya.key";
    CHECK_MESSAGE(allowed, path);
  }
  CHECK(rewritten == count_of(changed.out, "written"));
  CHECK(count_of(changed.out, "removed") == 0);
  CHECK(rewritten > 0);
  CHECK(after.count("ja/setagaya/policies/1-1-2.html"));
  CHECK(before.at("ja/setagaya/policies/1-1-2.html") != after.at("ja/setagaya/policies/1-1-2.html"));
  CHECK(before.at("ja/suginami/index.html") == after.at("ja/suginami/index.html"));
}

TEST_CASE("build --shard: four shard processes, copied together, equal the single build") {
  Scratch s("shards");
  REQUIRE(hyoka(s.build("single")).status == 0);
  fs::create_directories(s.root / "merged");
  for (int k = 0; k < 4; ++k) {
    const std::string out = "shard" + std::to_string(k);
    REQUIRE(hyoka(s.build(out, "--shard " + std::to_string(k) + "/4")).status == 0);
    CHECK(fs::exists(s.root / out / "index.html") == (k == 0));
    fs::copy(s.root / out, s.root / "merged", fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
  // Plans in folder-name order: itabashi, nerima, setagaya, suginami.
  CHECK(fs::exists(s.root / "shard2/ja/setagaya/index.html"));
  CHECK_FALSE(fs::exists(s.root / "shard2/ja/nerima"));
  CHECK(tree(s.root / "merged") == tree(s.root / "single"));
  auto bad = hyoka(s.build("x", "--shard 4/4"), true);
  CHECK(bad.status != 0);
  CHECK(bad.out.find("0 <= K < N") != std::string::npos);
}

TEST_CASE("build: a write failure (a full disk) leaves the previous site and no stray files") {
  Scratch s("diskfull");
  REQUIRE(hyoka(s.build("out", "--no-pdf")).status == 0);
  const auto before = tree(s.root / "out");
  s.change_actual();
  fs::remove_all(s.root / "content/suginami");  // the rebuild has much to write
  auto run = hyoka(s.build("out", "--no-pdf"), true, "HYOKA_FAIL_AFTER_WRITES=3 ");
  CHECK(run.status == 1);
  CHECK(run.out.find("simulated write failure") != std::string::npos);
  CHECK(run.out.find("was not changed") != std::string::npos);
  CHECK(tree(s.root / "out") == before);
  CHECK(entries(s.root) == std::set<std::string>{"content", "out"});
}

TEST_CASE("build: kill -9 midway leaves the previous site, and the next build cleans up") {
  Scratch s("kill");
  REQUIRE(hyoka(s.build("out", "--no-pdf")).status == 0);
  const auto before = tree(s.root / "out");
  s.change_actual();  // the rebuild must write, so it has a temporary folder
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const std::string in = (s.root / "content").string(), out = (s.root / "out").string();
    std::freopen("/dev/null", "w", stderr);
    ::execl(HYOKA_BINARY, "hyoka", "build", in.c_str(), "--out", out.c_str(), "--templates", templates.c_str(),
            "--assets", assets.c_str(), "--jobs", "1", "--quiet", nullptr);
    ::_exit(127);
  }
  // Wait until the build is writing (its temporary folder exists), then kill it.
  bool writing = false;
  for (int i = 0; i < 20000 && !writing; ++i) {
    for (const auto& name : entries(s.root)) writing = writing || name.rfind(".out.building-", 0) == 0;
    if (!writing) std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE_MESSAGE(writing, "the build finished before it could be killed");
  CHECK(WIFSIGNALED(status));
  CHECK(tree(s.root / "out") == before);
  CHECK(entries(s.root).size() == 3);  // content, out and the dead build's temporary folder
  REQUIRE(hyoka(s.build("out", "--no-pdf")).status == 0);
  CHECK(entries(s.root) == std::set<std::string>{"content", "out"});
  CHECK(read(s.root / "out/ja/setagaya/policies/1-1-2.html") != before.at("ja/setagaya/policies/1-1-2.html"));
}

TEST_CASE("build: a plan whose characters once made libharu fail to save the font still gets its PDFs") {
  const fs::path root = fs::temp_directory_path() / ("hyoka-cmap-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const std::string data = std::string(HYOKA_SOURCE_DIR) + "/tests/data/pdf-cmap-fallback";
  auto run = hyoka("build " + data + " --out " + (root / "out").string() + " " + source_dirs, true);
  CHECK_MESSAGE(run.status == 0, run.out);
  for (const char* lang : {"ja", "en"}) {
    const std::string pdf = read(root / "out" / lang / "s0080/pdf/3-8.pdf");
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("%%EOF") != std::string::npos);
  }
  fs::remove_all(root);
}

TEST_CASE("build: two plan folders with the same id, even in another case, are refused") {
  Scratch s("dupid");
  fs::copy(s.root / "content/nerima", s.root / "content/nerima-copy", fs::copy_options::recursive);
  std::string plan = read(s.root / "content/nerima-copy/plan.json");
  const auto at = plan.find("\"id\": \"nerima\"");
  REQUIRE(at != std::string::npos);
  plan.replace(at, std::string("\"id\": \"nerima\"").size(), "\"id\": \"Nerima\"");
  std::ofstream(s.root / "content/nerima-copy/plan.json", std::ios::binary | std::ios::trunc) << plan;
  auto run = hyoka(s.build("out", "--no-pdf"), true);
  CHECK(run.status == 1);
  CHECK(run.out.find("nerima-copy/plan.json") != std::string::npos);
  CHECK(run.out.find("apart from upper/lower case") != std::string::npos);
  CHECK_FALSE(fs::exists(s.root / "out"));
}

TEST_CASE("build --base-url: 404.html links are absolute (it is shown at any missing path), else relative") {
  Scratch s("baseurl");
  REQUIRE(hyoka(s.build("with", "--no-pdf --quiet --base-url https://example.jp/r/"), true).status == 0);
  const std::string with = read(s.root / "with/404.html");
  CHECK(with.find("href=\"https://example.jp/r/assets/site.css\"") != std::string::npos);
  CHECK(with.find("href=\"https://example.jp/r/ja/index.html\"") != std::string::npos);
  CHECK(with.find("href=\"https://example.jp/r/en/index.html\"") != std::string::npos);
  REQUIRE(hyoka(s.build("without", "--no-pdf --quiet"), true).status == 0);
  const std::string without = read(s.root / "without/404.html");
  CHECK(without.find("href=\"assets/site.css\"") != std::string::npos);
  CHECK(without.find("https://") == std::string::npos);
  // The other pages keep relative links (they are served where they were built).
  const std::string page = read(s.root / "with/ja/setagaya/glossary.html");
  CHECK(page.find("href=\"../../assets/site.css\"") != std::string::npos);
}
