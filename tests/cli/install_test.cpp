// `cmake --install` into a temporary prefix, then the installed hyoka as a
// city runs it: from another folder, finding its defaults in PREFIX/share/hyoka;
// a site of its own overriding one template and one UI string.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "run.hpp"

namespace fs = std::filesystem;

namespace {

std::size_t replace_all(std::string& text, const std::string& from, const std::string& to) {
  std::size_t count = 0;
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size(), ++count)
    text.replace(at, from.size(), to);
  return count;
}

// One installation for the whole file.
struct Installed {
  TempDir folder{"install-test"};
  fs::path root = folder.path;
  fs::path prefix = root / "prefix";
  fs::path hyoka = prefix / "bin/hyoka";
  fs::path elsewhere = root / "elsewhere";  // the folder the city runs hyoka from
  Run install;
  Installed() {
    fs::create_directories(elsewhere);
    install = run_in(root, std::string(HYOKA_CMAKE) + " --install '" + HYOKA_BUILD_DIR + "' --prefix '" +
                               prefix.string() + "'");
  }
  // The installed hyoka builds the sample content from another folder.
  Run build_sample(const fs::path& out, const std::string& more) const {
    return run_in(elsewhere, "'" + hyoka.string() + "' build '" + content + "' --out '" + out.string() + "' --quiet " + more);
  }
};

const Installed& installed() {
  static Installed once;
  return once;
}

}  // namespace

TEST_CASE("install: the program, its defaults and a man page under the prefix") {
  const auto& in = installed();
  INFO(in.install.out);
  REQUIRE(in.install.status == 0);
  for (const char* file : {"bin/hyoka", "share/hyoka/templates/base.html", "share/hyoka/templates/i18n/ja.json",
                           "share/hyoka/templates/layouts/setagaya.json", "share/hyoka/templates/new-site/README.md",
                           "share/hyoka/assets/site.css", "share/hyoka/schema/site.schema.json",
                           "share/hyoka/schema/policy.schema.json", "share/hyoka/example/setagaya/plan.json",
                           "share/man/man1/hyoka.1.gz"})
    CHECK_MESSAGE(fs::is_regular_file(in.prefix / file), file);
  const Run man = run_in(in.root, "gzip -dc prefix/share/man/man1/hyoka.1.gz");
  CHECK(man.status == 0);
  CHECK(man.out.find(".TH HYOKA \"1\"") != std::string::npos);
  for (const char* command : {"hyoka build", "hyoka serve", "hyoka new", "hyoka check"})
    CHECK_MESSAGE(man.out.find(std::string(".SS \"") + command + "\"") != std::string::npos, command);
}

TEST_CASE("install: the installed hyoka builds the sample from another folder, byte-identical to the in-tree build") {
  const auto& in = installed();
  REQUIRE(in.install.status == 0);
  const fs::path out_installed = in.root / "site-installed", out_tree = in.root / "site-tree";
  const Run a = in.build_sample(out_installed, "");
  INFO(a.out);
  REQUIRE(a.status == 0);
  const Run b = hyoka("build " + content + " --out " + out_tree.string() + " --quiet", true);
  INFO(b.out);
  REQUIRE(b.status == 0);
  auto installed_files = tree(out_installed), tree_files = tree(out_tree);
  // .hyoka/ holds the digests of each PDF's inputs, this very program among them.
  for (auto* files : {&installed_files, &tree_files})
    std::erase_if(*files, [](const auto& file) { return file.first.rfind(".hyoka/", 0) == 0; });
  CHECK(installed_files.size() > 1000);
  CHECK(installed_files.count("en/setagaya/pdf/setagaya-booklet.pdf") == 1);
  CHECK(installed_files == tree_files);
}

TEST_CASE("install: a site that overrides one template and one UI string gets just those two changes") {
  const auto& in = installed();
  REQUIRE(in.install.status == 0);
  const fs::path defaults = in.root / "defaults-site", city = in.root / "city";
  const Run plain = in.build_sample(defaults, "--no-pdf");
  INFO(plain.out);
  REQUIRE(plain.status == 0);

  // The city's site: its content is the sample, one template and one label are its own.
  fs::create_directories(city / "templates/i18n");
  std::ofstream(city / "hyoka.json") << nlohmann::json{{"content", content}}.dump();
  std::string page = read(in.prefix / "share/hyoka/templates/accessibility.html");
  REQUIRE(replace_all(page, "<p class=\"lead\">", "<p class=\"lead city-note\">") == 1);
  std::ofstream(city / "templates/accessibility.html") << page;
  const auto en = nlohmann::json::parse(read(in.prefix / "share/hyoka/templates/i18n/en.json"));
  const std::string skip = en["nav"]["skip"];
  std::ofstream(city / "templates/i18n/en.json") << R"({"nav": {"skip": "Skip to the report"}})";
  const Run built = run_in(city, "'" + in.hyoka.string() + "' build --quiet --no-pdf");
  INFO(built.out);
  REQUIRE(built.status == 0);

  auto expected = tree(defaults);
  std::size_t labels = 0;
  for (auto& [path, bytes] : expected) {
    if (path == "ja/accessibility.html" || path == "en/accessibility.html")
      CHECK_MESSAGE(replace_all(bytes, "<p class=\"lead\">", "<p class=\"lead city-note\">") == 1, path);
    if (path.rfind("en/", 0) == 0 && path.ends_with(".html")) labels += replace_all(bytes, skip, "Skip to the report");
  }
  CHECK(labels > 400);  // the skip link of every English page
  const auto actual = tree(city / "output");
  CHECK(actual.size() == expected.size());
  for (const auto& [path, bytes] : expected) {
    const auto it = actual.find(path);
    REQUIRE_MESSAGE(it != actual.end(), path);
    CHECK_MESSAGE(it->second == bytes, path);
  }
}
