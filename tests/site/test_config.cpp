// A site of its own: hyoka.json with located errors, the lookup of templates,
// UI strings and assets (a site's own first, then hyoka's), the `site` object.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "site/config.hpp"
#include "site/i18n.hpp"
#include "site/resources.hpp"

using namespace hyoka;
namespace fs = std::filesystem;
using model::Lang;

namespace {

const fs::path templates = SITE_TEMPLATES_DIR;

struct Folder {
  fs::path path;
  explicit Folder(const std::string& name)
      : path(fs::temp_directory_path() / ("hyoka-config-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Folder() { fs::remove_all(path); }
  fs::path write(const std::string& relative, const std::string& text) const {
    fs::create_directories((path / relative).parent_path());
    std::ofstream(path / relative, std::ios::binary) << text;
    return path / relative;
  }
};

// Every diagnostic as "line:column message (fix)".
std::string read_errors(const fs::path& file, std::optional<site::SiteConfig>* config = nullptr) {
  model::Diagnostics diagnostics;
  auto result = site::read_site_config(file, diagnostics);
  if (config) *config = std::move(result);
  std::string out;
  for (const auto& d : diagnostics.items()) out += d.location + " " + d.message + " (" + d.fix + ")\n";
  return out;
}

}  // namespace

TEST_CASE("hyoka.json: every key read, folders relative to the site folder") {
  Folder site("full");
  site.write("fonts/f.ttf", "not really a font, but a file");
  const auto file = site.write("hyoka.json", R"({
  "$schema": "content/schema/site.schema.json",
  "title": {"ja": "〇〇市 行政評価", "en": "City evaluation"},
  "description": {"ja": "説明"},
  "base_url": "https://www.city.example.lg.jp/hyoka",
  "languages": ["ja"],
  "content": "data/plans",
  "output": "public",
  "font": "fonts/f.ttf",
  "publisher": {"name": {"ja": "〇〇市 政策経営部", "en": "Policy Office"}, "url": "https://www.city.example.lg.jp/"},
  "licence": {"name": {"ja": "CC BY 4.0"}, "url": "https://creativecommons.org/licenses/by/4.0/"}
})");
  std::optional<site::SiteConfig> config;
  CHECK(read_errors(file, &config) == "");
  REQUIRE(config);
  CHECK(config->root == site.path);
  CHECK(config->content == site.path / "data/plans");
  CHECK(config->output == site.path / "public");
  CHECK(config->font == site.path / "fonts/f.ttf");
  CHECK(config->base_url == "https://www.city.example.lg.jp/hyoka/");  // a slash added
  CHECK(config->info.languages == std::vector<Lang>{Lang::ja});
  CHECK(!config->info.has(Lang::en));
  CHECK(config->info.publisher->name.in(Lang::en) == "Policy Office");

  const auto site_en = site::site_object(config->info, Lang::en, "unused", config->base_url);
  CHECK(site_en["title"]["text"] == "City evaluation");
  CHECK(site_en["description"]["fallback"] == true);  // no English: the Japanese, marked
  CHECK(site_en["licence"]["name"]["text"] == "CC BY 4.0");
  CHECK(site_en["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/");
  CHECK(site_en["publisher"]["url"] == "https://www.city.example.lg.jp/");
  CHECK(site_en["base_url"] == "https://www.city.example.lg.jp/hyoka/");
  CHECK(site_en["languages"] == nlohmann::ordered_json::array({"ja"}));
}

TEST_CASE("hyoka.json: the defaults, and the `site` object without config") {
  Folder site("minimal");
  std::optional<site::SiteConfig> config;
  CHECK(read_errors(site.write("hyoka.json", R"({"title": {"ja": "評価"}})"), &config) == "");
  REQUIRE(config);
  CHECK(config->content == site.path / "content");
  CHECK(config->output == site.path / "output");
  CHECK(config->font.empty());
  CHECK(config->base_url.empty());
  CHECK(config->info.languages == std::vector<Lang>{Lang::ja, Lang::en});
  const auto object = site::site_object(site::SiteInfo{}, Lang::ja, "行政評価レポート", "");
  CHECK(object["title"]["text"] == "行政評価レポート");
  CHECK(object["publisher"].is_null());
  CHECK(object["licence"].is_null());
  CHECK(object["base_url"].is_null());
  CHECK(object["description"].is_null());
}

TEST_CASE("hyoka.json: mistakes are located (line:column), say what is wrong and the fix") {
  Folder site("bad");
  const std::string errors = read_errors(site.write("hyoka.json", R"({
  "title": {"en": "No Japanese"},
  "base_url": "www.city.example.lg.jp",
  "languages": ["en", "fr"],
  "output": "content",
  "font": "missing.ttf",
  "publisher": {"url": "https://example.jp/"},
  "licence": "CC BY",
  "colour": "blue"
})"));
  CHECK(errors.find("2:12 /title: missing required key \"ja\"") != std::string::npos);
  CHECK(errors.find("3:15 /base_url: \"www.city.example.lg.jp\" is not an absolute web address (write it as https://…)") !=
        std::string::npos);
  CHECK(errors.find("unknown language \"fr\"") != std::string::npos);
  CHECK(errors.find("the languages do not include \"ja\"") != std::string::npos);
  CHECK(errors.find("5:13 /output: the output folder is the content folder") != std::string::npos);
  CHECK(errors.find("6:11 /font: font file not found") != std::string::npos);
  CHECK(errors.find("7:16 /publisher: missing required key \"name\"") != std::string::npos);
  CHECK(errors.find("8:14 /licence: expected an object") != std::string::npos);
  CHECK(errors.find("9:13 /colour: unknown key \"colour\"") != std::string::npos);

  CHECK(read_errors(site.write("hyoka.json", "{\"title\": {\"ja\": \"x\"},}")).find("1:") == 0);  // syntax, located
  const std::string missing = read_errors(site.path / "nowhere" / "hyoka.json");
  CHECK(missing.find("no site configuration (hyoka.json) in") != std::string::npos);
  CHECK(missing.find("hyoka new site") != std::string::npos);
}

TEST_CASE("lookup: a site's own file wins and the others come from the defaults (no symbolic links)") {
  Folder root("lookup");
  root.write("defaults/a.css", "default a");
  root.write("defaults/sub/b.css", "default b");
  root.write("site/assets/sub/b.css", "site b");
  const site::SearchPath defaults({root.path / "defaults"});
  const auto both = defaults.with_first(root.path / "site/assets");
  CHECK(both.dirs().size() == 2);
  CHECK(defaults.with_first(root.path / "site/nothing").dirs().size() == 1);  // no folder, no entry
  CHECK(*both.find("a.css") == root.path / "defaults/a.css");
  CHECK(*both.find("sub/b.css") == root.path / "site/assets/sub/b.css");
  CHECK(!both.find("c.css"));
  const auto files = both.files();
  REQUIRE(files.size() == 2);
  CHECK(files.at("a.css") == root.path / "defaults/a.css");
  CHECK(files.at("sub/b.css") == root.path / "site/assets/sub/b.css");

  fs::create_symlink("/etc/passwd", root.path / "site/assets/passwd.css");
  CHECK_THROWS_WITH_AS(both.files(), doctest::Contains("a symbolic link"), site::ResourceError);
  CHECK(!both.find("passwd.css"));  // never found through a link either
}

TEST_CASE("lookup: a site's templates/, i18n/, layouts/ and assets/ go in front of each default folder") {
  Folder site("for-site");
  site.write("templates/policy.html", "x");
  site.write("templates/layouts/setagaya.json", "{}");
  const auto defaults = site::Resources::from(templates, templates.parent_path() / "assets");
  const auto resources = defaults.for_site(site.path);
  CHECK(resources.templates.dirs() == std::vector<fs::path>{site.path / "templates", templates});
  CHECK(resources.layouts.dirs() == std::vector<fs::path>{site.path / "templates/layouts", templates / "layouts"});
  CHECK(resources.i18n.dirs() == std::vector<fs::path>{templates / "i18n"});  // the site has none
  CHECK(resources.assets.dirs() == std::vector<fs::path>{templates.parent_path() / "assets"});
}

TEST_CASE("lookup: the defaults are found from the program's own place, not the current folder") {
  Folder prefix("prefix");
  prefix.write("share/hyoka/templates/base.html", "");
  const auto installed = site::Resources::defaults_for(prefix.path / "bin/hyoka");
  CHECK(installed.templates.dirs() == std::vector<fs::path>{prefix.path / "share/hyoka/templates"});
  CHECK(installed.i18n.dirs() == std::vector<fs::path>{prefix.path / "share/hyoka/templates/i18n"});
  CHECK(installed.assets.dirs() == std::vector<fs::path>{prefix.path / "share/hyoka/assets"});
  CHECK(installed.schema == prefix.path / "share/hyoka/schema");
  CHECK(installed.example == prefix.path / "share/hyoka/example/setagaya");
  CHECK_THROWS_WITH_AS(site::Resources::defaults_for(prefix.path / "elsewhere/bin/hyoka"),
                       doctest::Contains("cannot find hyoka's templates"), site::ResourceError);
}

TEST_CASE("UI strings: a site's catalogue overrides key by key") {
  Folder site("i18n");
  site.write("en.json", R"({"nav": {"home": "Start"}})");
  const auto merged = site::Catalogues::load({site.path, templates / "i18n"});
  const auto defaults = site::Catalogues::load(templates / "i18n");
  CHECK(merged.get(Lang::en, "nav.home") == "Start");
  CHECK(merged.get(Lang::en, "nav.glossary") == defaults.get(Lang::en, "nav.glossary"));  // the rest kept
  CHECK(merged.get(Lang::ja, "nav.home") == defaults.get(Lang::ja, "nav.home"));          // ja untouched
  auto expected = defaults.of(Lang::en);
  expected["nav"]["home"] = "Start";
  CHECK(merged.of(Lang::en) == expected);  // exactly one string changed

  site.write("en.json", R"({"nav": {"hom": "Start"}})");  // a misspelt key is one language only
  CHECK_THROWS_WITH_AS(site::Catalogues::load({site.path, templates / "i18n"}),
                       doctest::Contains("ja.json lacks \"nav.hom\""), site::I18nError);
  site.write("en.json", R"(["Start"])");
  CHECK_THROWS_WITH_AS(site::Catalogues::load({site.path, templates / "i18n"}),
                       doctest::Contains("expected an object of UI strings"), site::I18nError);
}

TEST_CASE("the site's title and description replace the UI strings") {
  site::SiteInfo info;
  info.title = model::Text{"〇〇市 行政評価", std::string("City evaluation")};
  nlohmann::ordered_json ja = {{"site", {{"name", "a"}, {"title", "b"}, {"description", "c"}}}};
  site::apply_site_strings(info, Lang::ja, ja);
  CHECK(ja["site"]["name"] == "〇〇市 行政評価");
  CHECK(ja["site"]["title"] == "〇〇市 行政評価");
  CHECK(ja["site"]["description"] == "c");
}
