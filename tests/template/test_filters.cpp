// Filter edge cases, rendered through the public API.
#include <doctest/doctest.h>

#include "template/environment.hpp"

using hyoka::tmpl::Environment;
using hyoka::tmpl::Options;
using hyoka::tmpl::TemplateError;
using Json = nlohmann::ordered_json;

namespace {
std::string r(std::string_view src, const Json& ctx = Json::object(), const std::string& name = "<string>") {
  Environment env(".");
  return env.render_string(src, ctx, name);
}
std::string strict(std::string_view src, const Json& ctx = Json::object()) {
  Environment env(".", Options{true});
  return env.render_string(src, ctx);
}
}  // namespace

TEST_CASE("filter number: thousands separators and decimals") {
  CHECK(r("{{ 1234567|number }}") == "1,234,567");
  CHECK(r("{{ 1234.5|number }}") == "1,234.5");
  CHECK(r("{{ -1234567.25|number }}") == "-1,234,567.25");
  CHECK(r("{{ 999|number }}") == "999");
  CHECK(r("{{ 0|number }}") == "0");
  CHECK(r("{{ 1234.5|number(2) }}") == "1,234.50");
  CHECK(r("{{ 1234|number(1) }}") == "1,234.0");
  CHECK(r("{{ 100.0|number }}") == "100");
  CHECK(r("{{ '1234'|number }}") == "1,234");
  CHECK(r("{{ none|number }}") == "");
  CHECK_THROWS_AS(r("{{ 'abc'|number }}"), TemplateError);
}

TEST_CASE("filter percent") {
  CHECK(r("{{ 96.666|percent }}") == "96.7%");
  CHECK(r("{{ 96.666|percent(0) }}") == "97%");
  CHECK(r("{{ 96.666|percent(n=2) }}") == "96.67%");
  CHECK(r("{{ 100|percent }}") == "100.0%");
  CHECK(r("{{ 0.05|percent(1) }}") == "0.1%");
}

TEST_CASE("filter era_year / fy / fiscal_year") {
  CHECK(r("{{ 2024|era_year }}") == "令和6年度");
  CHECK(r("{{ 2019|era_year }}") == "令和元年度");
  CHECK(r("{{ 2018|era_year }}") == "平成30年度");
  CHECK(r("{{ 1989|era_year }}") == "平成元年度");
  CHECK_THROWS_AS(r("{{ 1988|era_year }}"), TemplateError);
  CHECK_THROWS_AS(r("{{ 2024.5|era_year }}"), TemplateError);
  CHECK(r("{{ 2024|fy }}") == "FY2024");
  CHECK(r("{{ '2024'|fy }}") == "FY2024");
  CHECK(r("{{ 2024|fiscal_year('ja') }}") == "令和6年度（2024年度）");
  CHECK(r("{{ 2024|fiscal_year('en') }}") == "FY2024");
  CHECK(r("{{ 2024|fiscal_year }}") == "令和6年度（2024年度）");
  CHECK_THROWS_AS(r("{{ 2024|fiscal_year('fr') }}"), TemplateError);
}

TEST_CASE("filter grade_class") {
  CHECK(r("{{ 'A'|grade_class }}") == "grade-a");
  CHECK(r("{{ 'b2'|grade_class }}") == "grade-b2");
  CHECK(r("{{ 'A+'|grade_class }}") == "grade-aplus");
  CHECK(r("{{ '◎'|grade_class }}") == "grade-x25ce");
  CHECK(r("{{ '優'|grade_class }}") == "grade-x512a");
  CHECK(r("{{ ''|grade_class }}") == "grade-none");
}

TEST_CASE("filter t: translations from i18n") {
  Json ctx = Json::parse(R"({"i18n": {"nav": {"home": "ホーム"}, "pages": {"count": "{n}件 / {n}"}}})");
  CHECK(r("{{ 'nav.home'|t }}", ctx) == "ホーム");
  CHECK(r("{{ 'pages.count'|t(n=3) }}", ctx) == "3件 / 3");
  CHECK(r("{{ 'nav.missing'|t }}", ctx) == "nav.missing");
  CHECK(r("{{ 'nav'|t }}", ctx) == "nav");  // a mapping is not a message
  CHECK(r("{{ 'nav.home'|t }}") == "nav.home");  // no i18n at all
  CHECK_THROWS_AS(strict("{{ 'nav.missing'|t }}", ctx), TemplateError);
  Environment env(".");
  env.set_globals(Json::parse(R"({"i18n": {"a": "グローバル"}})"));
  CHECK(env.render_string("{{ 'a'|t }}", Json::object()) == "グローバル");
}

TEST_CASE("string filters count code points") {
  CHECK(r("{{ '子育て支援'|length }}") == "5");
  CHECK(r("{{ '子育て支援'|truncate(3, true, '…', 0) }}") == "子育…");
  CHECK(r("{{ '日本'|center(6) }}") == "  日本  ");
  CHECK(r("{{ '日本語'|reverse }}") == "語本日");
  CHECK(r("{{ '日本語'|first }}{{ '日本語'|last }}") == "日語");
  CHECK(r("{{ '日本語'[1:] }}") == "本語");
  CHECK(r("{{ 'Ünïcödé'|upper }}") == "ÜNÏCÖDÉ");
  CHECK(r("{{ '🎌'|length }}") == "1");
}

TEST_CASE("markup safety") {
  CHECK(r("{{ '<b>' }}", Json::object(), "x.html") == "&lt;b&gt;");
  CHECK(r("{{ '<b>'|e|e }}", Json::object(), "x.txt") == "&lt;b&gt;");
  CHECK(r("{{ '<b>'|safe }}", Json::object(), "x.html") == "<b>");
  CHECK(r("{% macro m() %}<i>{% endmacro %}{{ m() }}", Json::object(), "x.html") == "<i>");
  CHECK(r("{{ {'a': '<&>\\''}|tojson }}", Json::object(), "x.html") == "{\"a\": \"\\u003c\\u0026\\u003e\\u0027\"}");
  CHECK(r("{{ x }}", Json::parse(R"({"x": "\"'"})"), "x.xml") == "&#34;&#39;");
  CHECK(r("{{ '<b>' }}", Json::object(), "x.svg") == "&lt;b&gt;");
  CHECK(r("{{ '<b>' }}", Json::object(), "X.HTM") == "&lt;b&gt;");
}

TEST_CASE("built-in filter edge cases") {
  CHECK(r("{{ 2.5|round }}{{ 3.5|round }}") == "2.04.0");
  CHECK(r("{{ 'x'|int(-1) }}") == "-1");
  CHECK(r("{{ [3, 1]|sort|first }}") == "1");
  CHECK(r("{{ []|first is undefined }}") == "True");
  CHECK(r("{{ [1, 2, 3]|batch(2)|list }}") == "[[1, 2], [3]]");
  CHECK(r("{{ {'b': 1, 'a': 2}|dictsort }}") == "[('a', 2), ('b', 1)]");
  CHECK(r("{{ 'a b'|urlencode }}") == "a%20b");
  CHECK(r("{{ 1000000|filesizeformat }}") == "1.0 MB");
  CHECK(r("{{ '%s=%d'|format('x', 2) }}") == "x=2");
  CHECK(r("{{ 'one two'|wordcount }}") == "2");
  CHECK_THROWS_AS(r("{{ 5|join }}"), TemplateError);
  CHECK_THROWS_AS(r("{{ [1]|batch(0) }}"), TemplateError);
}
