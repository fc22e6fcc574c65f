// The whole site content (before rendering) from a small fixture plan.
#include <doctest/doctest.h>

#include <set>

#include "evaluate/evaluate.hpp"
#include "model/loader.hpp"
#include "site/downloads.hpp"
#include "site/pages.hpp"

using namespace hyoka;
using model::Lang;

namespace {

const std::filesystem::path data = std::filesystem::path(__FILE__).parent_path() / "data";

struct Fixture {
  model::Plan plan;
  evaluate::PlanEvaluation evaluation;
  site::Catalogues i18n = site::Catalogues::load(std::filesystem::path(SITE_TEMPLATES_DIR) / "i18n");
  Fixture() {
    auto loaded = model::load_plan(data / "setagaya");
    for (const auto& d : loaded.diagnostics.items()) MESSAGE(model::format(d));
    REQUIRE(loaded.plan);
    plan = std::move(*loaded.plan);
    evaluation = evaluate::evaluate_plan(plan);
  }
  site::SiteContent content(bool pdf = false) {
    return site::build_site_content({{&plan, &evaluation}}, i18n, {pdf, ""});
  }
};

const site::Page* find(const site::SiteContent& c, const std::string& path) {
  for (const auto& p : c.pages)
    if (p.path == path) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("routing: every page exists in ja/ and en/ under the same path") {
  Fixture f;
  const auto content = f.content();
  std::set<std::string> ja, en;
  for (const auto& page : content.pages) {
    if (page.path.rfind("ja/", 0) == 0) ja.insert(page.path.substr(3));
    if (page.path.rfind("en/", 0) == 0) en.insert(page.path.substr(3));
  }
  CHECK(ja == en);
  for (const char* path : {"index.html", "accessibility.html", "setagaya/index.html", "setagaya/areas/1.html",
                           "setagaya/policies/1-1-1.html", "setagaya/indicators/1-1-1/o3.html",
                           "setagaya/projects/1-1-1-1.html", "setagaya/glossary.html", "setagaya/how-to-read.html",
                           "setagaya/search.html", "setagaya/downloads.html"})
    CHECK_MESSAGE(ja.count(path), path);
  CHECK(find(content, "index.html"));
  CHECK(find(content, "404.html"));
}

TEST_CASE("routing: language switch and relative links") {
  Fixture f;
  const auto content = f.content();
  const auto* page = find(content, "ja/setagaya/indicators/1-1-1/o3.html");
  REQUIRE(page);
  const auto& p = page->context["page"];
  CHECK(p["base"] == "../../../");
  CHECK(p["alternate"] == "../../../../en/setagaya/indicators/1-1-1/o3.html");
  CHECK(p["root"] == "../../../../");
  CHECK(page->context["lang"] == "ja");
  CHECK(page->context["other_lang"] == "en");
}

TEST_CASE("i18n fallback: untranslated English is marked and counted per plan") {
  Fixture f;
  const auto content = f.content();
  const auto* en = find(content, "en/setagaya/policies/1-1-2.html");
  REQUIRE(en);
  CHECK(en->context["policy"]["name"]["fallback"] == true);  // the fixture has no English name
  const auto* translated = find(content, "en/setagaya/policies/1-1-1.html");
  CHECK(translated->context["policy"]["name"]["fallback"] == false);
  CHECK(translated->context["policy"]["commentary"]["fallback"] == true);  // only 1-1-1.ja.md exists
  const auto* ja = find(content, "ja/setagaya/policies/1-1-2.html");
  CHECK(ja->context["policy"]["name"]["fallback"] == false);
  REQUIRE(content.fallbacks.size() == 1);
  CHECK(content.fallbacks[0].first == "setagaya");
  CHECK(content.fallbacks[0].second > 0);
}

TEST_CASE("policy context: evaluated rows with explanation, reasons, units translated") {
  Fixture f;
  const auto content = f.content();
  const auto& policy = find(content, "en/setagaya/policies/1-1-1.html")->context["policy"];
  const auto& o3 = policy["indicators"][1];
  CHECK(o3["id"] == "o3");
  CHECK(o3["result"]["rate"] == "96.7");
  CHECK(o3["result"]["grade"] == "B");
  CHECK(o3["actual"]["text"] == "89.9%");
  CHECK(o3["actual"]["number"] == "89.9");
  CHECK(policy["indicators"][2]["unit"] == "cases");
  CHECK(policy["reasons"].size() == 1);
  CHECK(policy["commentary"]["html"].get<std::string>().find("<script") == std::string::npos);
  CHECK(policy["sheet_pdf"].is_null());
  const auto& step = policy["projects"][0]["step"];
  CHECK(step["plan"]["text"] == "5 times");
  CHECK(step["actual"]["number"] == "5");
  CHECK_FALSE(step["result"].is_null());
  CHECK(f.content(true).pages.size() == content.pages.size());
}

TEST_CASE("printed numbers: as written on Japanese pages, in ASCII on English ones") {
  Fixture f;
  const auto content = f.content();
  const auto& ja = find(content, "ja/setagaya/index.html")->context["plan"]["areas"][0];
  const auto& en = find(content, "en/setagaya/index.html")->context["plan"]["areas"][0];
  CHECK(ja["number"] == "１");  // as Setagaya prints its areas
  CHECK(en["number"] == "1");
}

TEST_CASE("indicator page: chart and every year") {
  Fixture f;
  const auto content = f.content();
  const auto& ind = find(content, "ja/setagaya/indicators/1-1-1/o3.html")->context["indicator"];
  CHECK(ind["years"].size() == 3);
  CHECK(ind["years"][0]["year"]["label"] == "令和6年度（2024年度）");
  CHECK(ind["chart_svg"].get<std::string>().find("role=\"img\"") != std::string::npos);
}

TEST_CASE("downloads: CSV with BOM, Western years in columns, quoted Japanese commas") {
  Fixture f;
  const std::string csv = site::indicators_csv(f.plan, f.evaluation, Lang::ja, f.i18n);
  CHECK(csv.rfind("\xEF\xBB\xBF施策番号,", 0) == 0);
  CHECK(csv.find("2024目標") != std::string::npos);
  CHECK(csv.find("2027実績") != std::string::npos);
  CHECK(csv.find("\"多機関協働事業の支援件数, 延べ\"") != std::string::npos);
  CHECK(csv.find(",'=健康づくりの推進,") != std::string::npos);  // formula guard
  const std::string en = site::indicators_csv(f.plan, f.evaluation, Lang::en, f.i18n);
  CHECK(en.find("target_2024") != std::string::npos);
  // The council reads the reasons in the spreadsheet too: grade words, reason, divisions.
  CHECK(csv.find(",2024評価の意味,2024計算方法,2024達成状況評価の理由,担当課\r\n") != std::string::npos);
  CHECK(csv.find(",未達成,") != std::string::npos);
  CHECK(csv.find("相談件数は増加したが、支援につながるまでに時間を要するケースが多く、目標を下回った。") != std::string::npos);
  CHECK(en.find(",grade_meaning_2024,computation_2024,reason_2024,divisions\r\n") != std::string::npos);
  CHECK(en.find("Consultations rose, but many cases took time to reach support") != std::string::npos);
  const std::string projects = site::projects_csv(f.plan, f.evaluation, Lang::en, f.i18n);
  CHECK(projects.find("cost_2024") != std::string::npos);
  CHECK(projects.find(",divisions,") != std::string::npos);
  CHECK(projects.find("38.7") != std::string::npos);
}

TEST_CASE("sitemap: sorted, escaped, absolute with a base URL") {
  const std::string xml = site::sitemap({"ja/b.html", "ja/a&b.html"}, "https://example.jp/r/");
  CHECK(xml.find("<loc>https://example.jp/r/ja/a&amp;b.html</loc>") < xml.find("<loc>https://example.jp/r/ja/b.html</loc>"));
}

TEST_CASE("deterministic: the same input gives byte-identical contexts") {
  Fixture f;
  const auto a = f.content(), b = f.content();
  REQUIRE(a.pages.size() == b.pages.size());
  for (std::size_t i = 0; i < a.pages.size(); ++i) CHECK(a.pages[i].context.dump() == b.pages[i].context.dump());
}

TEST_CASE("council page: every indicator below target, with reason and divisions; lists and search shard") {
  Fixture f;
  const auto content = f.content();
  const site::Page* council = find(content, "ja/setagaya/council.html");
  REQUIRE(council);
  const auto& c = council->context["council"];
  int rows = 0;
  for (const auto& area : c["areas"])
    for (const auto& policy : area["policies"]) {
      CHECK(policy["divisions"].is_array());
      for (const auto& row : policy["rows"]) {
        ++rows;
        CHECK_FALSE(row["result"]["on_track"].get<bool>());
        CHECK(row["result"]["status"] == "graded");
      }
    }
  CHECK(rows == c["count"].get<int>());
  int below = 0;
  for (const auto& pe : f.evaluation.policies)
    for (const auto& r : pe.indicators)
      if (r.result.status == evaluate::Status::graded && r.result.grade != "A" && r.result.grade != "B") ++below;
  CHECK(rows == below);
  CHECK(rows > 0);
  // The grade words come with every grade, from the default A–D scale.
  CHECK(c["grades"][0]["meaning"] == "未達成");
  const site::Page* en = find(content, "en/setagaya/council.html");
  REQUIRE(en);
  CHECK(en->context["council"]["grades"][0]["meaning"] == "Not met");
  // The static lists stand in for the filter: the C list holds the C rows.
  const site::Page* list = find(content, "ja/setagaya/lists/grade-c.html");
  REQUIRE(list);
  for (const auto& item : list->context["list"]["items"]) CHECK(item["grade"] == "C");
  CHECK(find(content, "ja/setagaya/lists/area-1.html"));
  CHECK(find(content, "ja/search.html"));
  bool shard = false;
  for (const auto& file : content.files)
    if (file.path == "ja/setagaya/search-index.json") {
      const auto j = nlohmann::json::parse(file.bytes);
      CHECK(j["folder"] == "setagaya/");
      CHECK(j["items"][0][0] == "policy");
      shard = true;
    }
  CHECK(shard);
}
