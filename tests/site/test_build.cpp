// `hyoka build` end to end on the fixture plan with the shipped templates.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <unistd.h>

#include "site/build.hpp"

namespace fs = std::filesystem;
using namespace hyoka;

namespace {

const fs::path data = fs::path(__FILE__).parent_path() / "data";
const fs::path templates = SITE_TEMPLATES_DIR;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

site::BuildOptions options(const fs::path& out) {
  site::BuildOptions o;
  o.content_dir = data;
  o.out_dir = out;
  o.resources = site::Resources::from(templates, templates.parent_path() / "assets");
  o.quiet = true;
  o.jobs = 2;
  return o;
}

}  // namespace

TEST_CASE("build: the whole site in both languages, deterministic") {
  const fs::path root = fs::temp_directory_path() / ("hyoka-build-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  std::ostringstream log;
  const auto summary = site::build(options(root / "a"), log);
  CHECK(summary.pages > 20);
  REQUIRE(summary.plans.size() == 1);
  CHECK(summary.plans[0].fallbacks > 0);
  for (const char* path : {"index.html", "404.html", "sitemap.xml", "assets/site.css", "ja/index.html",
                           "en/setagaya/policies/1-1-1.html", "ja/setagaya/downloads/indicators.csv"})
    CHECK_MESSAGE(fs::exists(root / "a" / path), path);
  const std::string en = read(root / "a/en/setagaya/policies/1-1-2.html");
  CHECK(en.find("<html lang=\"en\">") != std::string::npos);
  CHECK(en.find("<span lang=\"ja\">重層的支援体制整備事業―多機関協働事業―</span><span class=\"untranslated\">") !=
        std::string::npos);
  CHECK(en.find("hreflang=\"ja\" href=\"../../../ja/setagaya/policies/1-1-2.html\"") != std::string::npos);
  auto again = options(root / "b");
  again.jobs = 1;
  site::build(again, log);
  for (const auto& entry : fs::recursive_directory_iterator(root / "a"))
    if (entry.is_regular_file())
      CHECK_MESSAGE(read(entry.path()) == read(root / "b" / fs::relative(entry.path(), root / "a")), entry.path());
  fs::remove_all(root);
}

TEST_CASE("build: a template error leaves the previous output untouched") {
  const fs::path root = fs::temp_directory_path() / ("hyoka-build-fail-" + std::to_string(::getpid()));
  fs::remove_all(root);
  std::ostringstream log;
  site::build(options(root / "out"), log);
  const std::string before = read(root / "out/ja/index.html");
  // A site's own policy.html over the defaults, broken.
  fs::create_directories(root / "templates");
  fs::copy(templates / "policy.html", root / "templates/policy.html");
  std::ofstream(root / "templates/policy.html", std::ios::app) << "{{ no_such_variable.x }}";
  auto broken = options(root / "out");
  broken.resources = broken.resources.for_site(root);
  CHECK_THROWS_AS(site::build(broken, log), site::BuildError);
  CHECK(read(root / "out/ja/index.html") == before);
  std::size_t siblings = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(root)) ++siblings;
  CHECK(siblings == 2);  // out/ and templates/: no temporary folder left
  fs::remove_all(root);
}

namespace {

// Stands in for hyoka_pdf: a "sheet" is the policy's Japanese commentary.
class TextPdfSink : public site::PdfSink {
 public:
  void sheet(const model::Plan& plan, const evaluate::PlanEvaluation&, const std::string& policy_id, model::Lang,
             const fs::path& file) override {
    for (const auto& policy : plan.policies)
      if (policy.id == policy_id) std::ofstream(file) << "sheet " << policy_id << ": " << policy.commentary.ja.value_or("");
  }
  void booklet(const model::Plan& plan, const evaluate::PlanEvaluation&, model::Lang, const fs::path& file) override {
    std::ofstream(file) << "booklet of " << plan.policies.size() << " policies";
  }
  std::string fingerprint() const override { return "text sheets"; }
};

std::map<std::string, std::string> files_below(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = read(entry.path());
  return files;
}

}  // namespace

TEST_CASE("build in two steps (hyoka serve): the pages first with the previous PDFs, then the PDFs") {
  const fs::path root = fs::temp_directory_path() / ("hyoka-build-steps-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  fs::copy(data, root / "content", fs::copy_options::recursive);
  auto with_pdfs = [&](const fs::path& out) {
    auto o = options(out);
    o.content_dir = root / "content";
    o.pdf = [] { return std::make_unique<TextPdfSink>(); };
    return o;
  };
  std::ostringstream log;
  site::build(with_pdfs(root / "out"), log);
  const fs::path sheet = root / "out/ja/setagaya/pdf/1-1-1.pdf";
  const std::string page = "ja/setagaya/policies/1-1-1.html";
  const std::string key = read(root / "out/.hyoka/pdf-setagaya.key");
  REQUIRE(read(sheet).find("sheet 1-1-1: ") == 0);

  std::ofstream(root / "content/setagaya/policies/1-1-1.ja.md", std::ios::app) << "\n追記した段落。\n";
  auto pages = with_pdfs(root / "out");
  pages.step = site::BuildOptions::Step::pages_first;
  const auto first = site::build(pages, log);
  CHECK(first.pdfs_deferred == 8);  // the plan's sheets and booklet in both languages
  CHECK(first.pdfs_rendered == 0);
  CHECK(read(root / "out" / page).find("追記した段落。") != std::string::npos);  // the page is new
  CHECK(read(sheet).find("追記した段落。") == std::string::npos);             // the sheet not yet
  CHECK(read(root / "out/.hyoka/pdf-setagaya.key") == key);                    // nor its digest

  const std::string page_bytes = read(root / "out" / page);
  auto pdfs = with_pdfs(root / "out");
  pdfs.step = site::BuildOptions::Step::pdfs_only;
  const auto second = site::build(pdfs, log);
  CHECK(second.pdfs_rendered == 8);
  CHECK(second.pages == 0);
  CHECK(read(sheet).find("追記した段落。") != std::string::npos);
  CHECK(read(root / "out" / page) == page_bytes);

  // The two steps end exactly where one whole build of the same content does.
  site::build(with_pdfs(root / "whole"), log);
  CHECK(files_below(root / "out") == files_below(root / "whole"));
  fs::remove_all(root);
}
