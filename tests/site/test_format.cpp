#include <doctest/doctest.h>

#include "site/format.hpp"
#include "site/i18n.hpp"
#include "site/routes.hpp"

using namespace hyoka;
using model::Decimal;
using model::Lang;

TEST_CASE("routing: same relative path in both languages, base climbs back to the language folder") {
  CHECK(site::routes::policy("setagaya", "1-1-1") == "setagaya/policies/1-1-1.html");
  CHECK(site::routes::indicator("setagaya", "1-1-1", "o3") == "setagaya/indicators/1-1-1/o3.html");
  CHECK(site::routes::base_of("index.html") == "");
  CHECK(site::routes::base_of("setagaya/index.html") == "../");
  CHECK(site::routes::base_of("setagaya/indicators/1-1-1/o3.html") == "../../../");
}

TEST_CASE("i18n fallback: untranslated text is shown in Japanese, marked, and counted once") {
  model::Plan plan;
  plan.units["名"] = "people";
  model::Text translated{"相談件数", std::string("Consultations")};
  model::Text japanese_only{"待機児童数", std::nullopt};
  site::Localizer en(plan, Lang::en);
  CHECK(en.text(translated)["fallback"] == false);
  CHECK(en.text(translated)["text"] == "Consultations");
  auto fallback = en.text(japanese_only);
  CHECK(fallback["fallback"] == true);
  CHECK(fallback["text"] == "待機児童数");
  en.text(japanese_only);  // the same text again (e.g. in a summary and a page)
  CHECK(en.fallback_count() == 1);
  site::Localizer ja(plan, Lang::ja);
  CHECK(ja.text(japanese_only)["fallback"] == false);
  CHECK(ja.fallback_count() == 0);
  CHECK(en.unit("件") == "cases");
  CHECK(en.unit("名") == "people");
  CHECK(ja.unit("件") == "件");
}

TEST_CASE("values as printed in each language, in parts a page can mark up") {
  model::Plan plan;
  site::Localizer ja(plan, Lang::ja), en(plan, Lang::en);
  model::Value at_least;
  at_least.kind = model::Value::Kind::number;
  at_least.number = *Decimal::parse("95.0");
  at_least.bound = model::Bound::at_least;
  CHECK(ja.value(at_least, "％")["text"] == "95.0％以上");
  CHECK(en.value(at_least, "％")["text"] == "at least 95.0%");
  CHECK(en.value(at_least)["before"] == "at least ");
  CHECK(en.value(at_least)["number"] == "95.0");
  CHECK(ja.value(at_least)["after"] == "以上");
  CHECK(en.value(at_least)["raw"] == "95.0");
  model::Value pending;
  pending.kind = model::Value::Kind::pending;
  CHECK(ja.value(pending)["text"] == "集計中");
  CHECK(en.value(pending)["text"] == "Being tallied");
  model::Value step;
  step.kind = model::Value::Kind::text;
  step.text = {"開設", std::nullopt};
  CHECK(en.value(step)["fallback"] == true);
  CHECK(en.value(model::Value{})["kind"] == "absent");
}

TEST_CASE("i18n catalogues: a key missing in one language is an error naming it") {
  using json = nlohmann::ordered_json;
  json ja = {{"nav", {{"home", "トップ"}, {"search", "検索"}}}};
  json en = {{"nav", {{"home", "Home"}}}};
  try {
    site::Catalogues::from_json(ja, en);
    FAIL("expected an error");
  } catch (const site::I18nError& e) {
    CHECK(std::string(e.what()).find("en.json lacks \"nav.search\"") != std::string::npos);
  }
  auto c = site::Catalogues::from_json(ja, {{"nav", {{"home", "Home {n}"}, {"search", "Search"}}}});
  CHECK(c.get(Lang::en, "nav.home", {{"n", 3}}) == "Home 3");
  CHECK_THROWS_AS(c.get(Lang::ja, "nav.nothing"), site::I18nError);
}

TEST_CASE("i18n placeholders are filled in one pass") {
  using json = nlohmann::ordered_json;
  const json strings = {{"s", "{a} and {b}, {c} stays, {unclosed"}};
  auto c = site::Catalogues::from_json({{"x", strings}}, {{"x", strings}});
  // A value that looks like a placeholder is not filled again; an unknown one is kept as written.
  CHECK(c.get(Lang::ja, "x.s", {{"a", "{b}"}, {"b", 2}}) == "{b} and 2, {c} stays, {unclosed");
  CHECK(c.get(Lang::ja, "x.s") == "{a} and {b}, {c} stays, {unclosed");
  CHECK_THROWS_AS(c.get(Lang::ja, "x.s.deeper"), site::I18nError);
  CHECK_THROWS_AS(c.get(Lang::ja, "x"), site::I18nError);  // an object, not a string
}

TEST_CASE("the shipped catalogues have the same keys") {
  CHECK_NOTHROW(site::Catalogues::load(std::filesystem::path(SITE_TEMPLATES_DIR) / "i18n"));
}

TEST_CASE("commentary: raw HTML only when the plan allows it (documented as unsafe)") {
  model::Plan plan;
  model::Commentary commentary;
  commentary.ja = "説明 <b onclick=\"x()\">太字</b>\n\n<script>alert(1)</script>\n";
  const std::string safe = site::Localizer(plan, Lang::ja).commentary(commentary, "c-")["html"];
  CHECK(safe.find("<b onclick") == std::string::npos);
  CHECK(safe.find("<script>") == std::string::npos);
  CHECK(safe.find("説明") != std::string::npos);
  plan.allow_raw_html = true;
  const std::string raw = site::Localizer(plan, Lang::ja).commentary(commentary, "c-")["html"];
  CHECK(raw.find("<b onclick=\"x()\">太字</b>") != std::string::npos);
}

TEST_CASE("note marks come off names gathered from many policies") {
  CHECK(hyoka::site::without_note_marks("移動支援事業※2利用率") == "移動支援事業利用率");
  CHECK(hyoka::site::without_note_marks("ACP※１の普及啓発") == "ACPの普及啓発");
  CHECK(hyoka::site::without_note_marks("※12 は残らない") == " は残らない");
  CHECK(hyoka::site::without_note_marks("※印の説明") == "※印の説明");  // a ※ without a number is text
}
