// `hyoka new site|plan|policy` as a city's staff runs them: the files pass
// `hyoka check` and build at once; nothing existing is overwritten.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "run.hpp"

namespace fs = std::filesystem;

namespace {

// hyoka run in a folder below a scratch folder.
struct Folder : TempDir {
  explicit Folder(const std::string& name) : TempDir("new-" + name) {}
  Run in(const std::string& dir, const std::string& arguments) const { return hyoka_in(path / dir, arguments); }
};

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("new site: a working site from any folder, checked and built at once") {
  Folder folder("site");
  const Run made = folder.in(".", "new site city --publisher 〇〇市");
  INFO(made.out);
  REQUIRE(made.status == 0);
  const fs::path site = folder.path / "city";
  for (const char* file : {"hyoka.json", "README.md", ".gitignore", "content/schema/site.schema.json",
                           "content/schema/policy.schema.json", "content/setagaya/plan.json",
                           "content/setagaya/policies/1-1-1.json"})
    CHECK_MESSAGE(fs::is_regular_file(site / file), file);
  CHECK(entries(folder.path) == 1);  // no staging folder left beside it
  const auto config = nlohmann::json::parse(read(site / "hyoka.json"));
  CHECK(config["publisher"]["name"]["ja"] == "〇〇市");
  CHECK(config["$schema"] == "content/schema/site.schema.json");
  // The example plan is the sample content, byte for byte.
  CHECK(read(site / "content/setagaya/policies/1-1-1.json") == read(content + "/setagaya/policies/1-1-1.json"));
  CHECK(read(site / "README.md").find("hyoka serve") != std::string::npos);

  const Run check = folder.in("city", "check --strict");
  INFO(check.out);
  CHECK(check.status == 0);
  CHECK(check.out.find("hyoka.json: ok") != std::string::npos);
  const Run build = folder.in("city", "build --quiet");
  INFO(build.out);
  REQUIRE(build.status == 0);
  CHECK(fs::is_regular_file(site / "output/ja/setagaya/policies/1-1-1.html"));
  CHECK(fs::is_regular_file(site / "output/en/setagaya/pdf/1-1-1.pdf"));
  // The config's title is the site's name on every page.
  CHECK(read(site / "output/ja/index.html").find(config["title"]["ja"].get<std::string>()) != std::string::npos);

  // Never over an existing site, and nothing changed by trying.
  const std::string before = read(site / "hyoka.json");
  const Run again = folder.in(".", "new site city");
  CHECK(again.status == 1);
  CHECK(again.out.find("city already exists and is not empty (fix: name a new folder") != std::string::npos);
  CHECK(read(site / "hyoka.json") == before);
}

TEST_CASE("new plan and new policy: files that pass check --strict and build") {
  Folder folder("plan");
  REQUIRE(folder.in(".", "new site city").status == 0);
  const Run plan = folder.in("city", "new plan kihon --period 2024-2027 --year 2025");
  INFO(plan.out);
  REQUIRE(plan.status == 0);
  const fs::path dir = folder.path / "city/content/kihon";
  for (const char* file : {"plan.json", "divisions.json", "policies/1-1.json", "policies/1-1.ja.md", "policies/1-1.en.md"})
    CHECK_MESSAGE(fs::is_regular_file(dir / file), file);
  const auto plan_json = nlohmann::json::parse(read(dir / "plan.json"));
  CHECK(plan_json["period"]["start"] == 2024);
  CHECK(plan_json["period"]["end"] == 2027);
  CHECK(plan_json["evaluation_year"] == 2025);
  CHECK(plan_json["$schema"] == "../schema/plan.schema.json");

  const Run policy = folder.in("city", "new policy kihon 2-1");
  INFO(policy.out);
  REQUIRE(policy.status == 0);
  const auto policy_json = nlohmann::json::parse(read(dir / "policies/2-1.json"));
  CHECK(policy_json["area"] == "1");
  CHECK(policy_json["$schema"] == "../../schema/policy.schema.json");

  const Run check = folder.in("city", "check --strict");
  INFO(check.out);
  CHECK(check.status == 0);
  CHECK(check.out.find("content/kihon: ok (0 errors, 0 warnings)") != std::string::npos);
  const Run build = folder.in("city", "build --quiet --no-pdf");
  INFO(build.out);
  CHECK(build.status == 0);
  CHECK(fs::is_regular_file(folder.path / "city/output/en/kihon/policies/2-1.html"));

  // Refusals: the same policy again, an id that is no file name, an area the plan lacks, outside a site.
  const std::string before = read(dir / "policies/2-1.json");
  const Run twice = folder.in("city", "new policy kihon 2-1");
  CHECK(twice.status == 1);
  CHECK(twice.out.find("2-1.json already exists") != std::string::npos);
  CHECK(read(dir / "policies/2-1.json") == before);
  const Run bad_id = folder.in("city", "new policy kihon ../x");
  CHECK(bad_id.status == 1);
  CHECK(bad_id.out.find("policy id \"../x\"") != std::string::npos);
  const Run bad_area = folder.in("city", "new policy kihon 3-1 --area 9");
  CHECK(bad_area.status == 1);
  CHECK(bad_area.out.find("the plan has no area \"9\"") != std::string::npos);
  CHECK(!fs::exists(dir / "policies/3-1.ja.md"));
  const Run outside = folder.in(".", "new plan other");
  CHECK(outside.status == 1);
  CHECK(outside.out.find("no site configuration (hyoka.json) in") != std::string::npos);
  const Run period = folder.in("city", "new plan other --period 2027-2024");
  CHECK(period.status == 1);
  CHECK(period.out.find("--period \"2027-2024\" is not START-END") != std::string::npos);
  CHECK(!fs::exists(folder.path / "city/content/other"));
  // --config names the site from anywhere.
  const Run elsewhere = folder.in(".", "new policy kihon 2-2 --config city/hyoka.json");
  INFO(elsewhere.out);
  CHECK(elsewhere.status == 0);
  CHECK(fs::is_regular_file(dir / "policies/2-2.json"));
}
