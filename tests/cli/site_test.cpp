// A site of its own through the real CLI: its PDF layouts over hyoka's (and
// the incremental build noticing them), `packet` and `render` with the same
// lookup, its title, a Japanese-only site.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "run.hpp"

namespace fs = std::filesystem;

namespace {

// A site holding one sample plan and the given hyoka.json.
struct SiteFolder : TempDir {
  fs::path root = path;
  SiteFolder(const std::string& name, const std::string& config, const std::string& plan = "itabashi")
      : TempDir("site-test-" + name) {
    fs::create_directories(root / "content");
    fs::copy(content + "/" + plan, root / "content" / plan, fs::copy_options::recursive);
    std::ofstream(root / "hyoka.json") << config;
  }
  Run run(const std::string& arguments) const { return hyoka_in(root, arguments); }
  std::string text_of(const fs::path& pdf) const {
    const Run text = run_in(root, "pdftotext '" + pdf.string() + "' -");
    REQUIRE(text.status == 0);
    return text.out;
  }
};

std::size_t rendered(const std::string& log) {
  std::smatch m;
  REQUIRE_MESSAGE(std::regex_search(log, m, std::regex("\\((\\d+) rendered\\)")), log);
  return std::stoul(m[1]);
}

}  // namespace

TEST_CASE("site: its own PDF layout wins over hyoka's, and a change to it renders the PDFs again") {
  SiteFolder site("layouts", R"({"title": {"ja": "〇〇市 行政評価"}})");
  const Run first = site.run("build");
  INFO(first.out);
  REQUIRE(first.status == 0);
  const fs::path sheet = "output/ja/itabashi/pdf/1-2.pdf";
  const std::string original = read(site.root / sheet);
  CHECK(rendered(site.run("build").out) == 0);  // nothing changed: nothing rendered

  // Itabashi's own layout: the site's copy, with its own title.
  std::string layout = read(fs::path(HYOKA_SOURCE_DIR) / "templates/layouts/itabashi.json");
  const auto title = layout.find("\"ja\": \"");
  REQUIRE(title != std::string::npos);
  layout.insert(title + 7, "〇〇市版 ");
  fs::create_directories(site.root / "templates/layouts");
  std::ofstream(site.root / "templates/layouts/itabashi.json") << layout;
  const Run with_layout = site.run("build");
  INFO(with_layout.out);
  REQUIRE(with_layout.status == 0);
  CHECK(rendered(with_layout.out) == 4);  // the sheet and booklet, in both languages
  CHECK(site.text_of(sheet).find("〇〇市版") != std::string::npos);
  CHECK(rendered(site.run("build").out) == 0);

  // The briefing packet reads the same layouts.
  const Run packet = site.run("packet content/itabashi --out packet.pdf");
  INFO(packet.out);
  REQUIRE(packet.status == 0);
  CHECK(site.text_of("packet.pdf").find("〇〇市版") != std::string::npos);

  // Without it, hyoka's layout again, and the very same PDF as before.
  fs::remove(site.root / "templates/layouts/itabashi.json");
  CHECK(rendered(site.run("build").out) == 4);
  CHECK(read(site.root / sheet) == original);
}

TEST_CASE("site: render looks a template name up as the build does (the site's own, then hyoka's)") {
  SiteFolder site("render", "{}");
  fs::create_directories(site.root / "templates");
  std::string page = read(fs::path(HYOKA_SOURCE_DIR) / "templates/accessibility.html");
  page.insert(page.find("<h1>"), "<p>〇〇市からのお知らせ</p>\n");
  std::ofstream(site.root / "templates/accessibility.html") << page;
  const Run built = site.run("build --no-pdf --quiet --dump-context contexts");
  INFO(built.out);
  REQUIRE(built.status == 0);
  const Run rendered_page = site.run("render accessibility.html --strict --data contexts/ja/accessibility.html.json");
  INFO(rendered_page.out);
  REQUIRE(rendered_page.status == 0);
  CHECK(rendered_page.out == read(site.root / "output/ja/accessibility.html"));
  CHECK(rendered_page.out.find("〇〇市からのお知らせ") != std::string::npos);
  const Run policy = site.run("render policy.html --strict --data contexts/en/itabashi/policies/1-2.html.json");
  CHECK(policy.status == 0);
  CHECK(policy.out == read(site.root / "output/en/itabashi/policies/1-2.html"));  // hyoka's own template
}

TEST_CASE("site: the title from hyoka.json is the site's name on every page, the rest is the site object") {
  SiteFolder site("title", R"({"title": {"ja": "〇〇市 行政評価", "en": "City of Example: evaluation"},
    "base_url": "https://www.city.example.lg.jp/hyoka",
    "publisher": {"name": {"ja": "〇〇市 政策経営部"}, "url": "https://www.city.example.lg.jp/"},
    "licence": {"name": {"ja": "CC BY 4.0", "en": "CC BY 4.0"}, "url": "https://creativecommons.org/licenses/by/4.0/"}})");
  REQUIRE(site.run("build --no-pdf --quiet --dump-context contexts").status == 0);
  // What the templates get (the footer shows publisher and licence).
  const auto context = nlohmann::json::parse(read(site.root / "contexts/en/itabashi/policies/1-2.html.json"));
  CHECK(context["site"]["title"]["text"] == "City of Example: evaluation");
  CHECK(context["site"]["publisher"]["name"]["text"] == "〇〇市 政策経営部");
  CHECK(context["site"]["publisher"]["name"]["fallback"] == true);  // no English: shown in Japanese, marked
  CHECK(context["site"]["publisher"]["url"] == "https://www.city.example.lg.jp/");
  CHECK(context["site"]["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/");
  CHECK(context["site"]["base_url"] == "https://www.city.example.lg.jp/hyoka/");
  CHECK(context["site"]["languages"] == nlohmann::json::array({"ja", "en"}));
  CHECK(read(site.root / "output/ja/itabashi/index.html").find("https://www.city.example.lg.jp/hyoka/ja/itabashi/index.html") !=
        std::string::npos);  // base_url: the canonical link
  CHECK(read(site.root / "output/ja/itabashi/index.html").find("〇〇市 行政評価") != std::string::npos);
  CHECK(read(site.root / "output/en/itabashi/index.html").find("City of Example: evaluation") != std::string::npos);
  CHECK(read(site.root / "output/index.html").find("<title>〇〇市 行政評価 / City of Example: evaluation</title>") !=
        std::string::npos);
}

TEST_CASE("site: a Japanese-only site has no English pages or PDFs and no link to them") {
  SiteFolder site("ja-only", R"({"languages": ["ja"]})", "setagaya");
  const Run built = site.run("build --quiet");
  INFO(built.out);
  REQUIRE(built.status == 0);
  CHECK(!fs::exists(site.root / "output/en"));
  CHECK(fs::is_regular_file(site.root / "output/ja/setagaya/pdf/setagaya-booklet.pdf"));
  const std::regex to_english("(href=\"|src=\"|action=\"|<loc>)(\\.\\./)*en/");
  std::size_t pages = 0;
  for (const auto& entry : fs::recursive_directory_iterator(site.root / "output")) {
    const auto extension = entry.path().extension();
    if (extension != ".html" && extension != ".xml") continue;
    ++pages;
    const std::string text = read(entry.path());
    CHECK_MESSAGE(text.find("hreflang=\"en\"") == std::string::npos, entry.path());
    CHECK_MESSAGE(!std::regex_search(text, to_english), entry.path());
  }
  CHECK(pages > 200);
  CHECK(read(site.root / "output/index.html").find("English") == std::string::npos);
}
