// The report filters a site's templates use (site/filters.cpp), through the
// template engine's host API.
#include <doctest/doctest.h>

#include "site/filters.hpp"

using hyoka::tmpl::Environment;
using hyoka::tmpl::Options;
using hyoka::tmpl::TemplateError;
using Json = nlohmann::ordered_json;

namespace {
// An Environment as the site makes it.
struct Reporting : Environment {
  explicit Reporting(Options options = {}) : Environment(".", options) { hyoka::site::add_template_filters(*this); }
};
std::string r(std::string_view src, const Json& ctx = Json::object()) { return Reporting().render_string(src, ctx); }
std::string strict(std::string_view src, const Json& ctx = Json::object()) {
  return Reporting(Options{true}).render_string(src, ctx);
}
}  // namespace

TEST_CASE("the report filters are the host's: a plain Environment does not know them") {
  CHECK_THROWS_AS(Environment(".").render_string("{{ 'a'|t }}", Json::object()), TemplateError);
  CHECK(r("{{ 'percent' is filter }}") == "True");
}

TEST_CASE("filter number: thousands separators and decimals") {
  CHECK(r("{{ 1234567|number }}") == "1,234,567");
  CHECK(r("{{ 1234.5|number }}") == "1,234.5");
  CHECK(r("{{ -1234567.25|number }}") == "-1,234,567.25");
  CHECK(r("{{ 999|number }}") == "999");
  CHECK(r("{{ 0|number }}") == "0");
  CHECK(r("{{ 1234.5|number(2) }}") == "1,234.50");
  CHECK(r("{{ 1.005|number(2) }}") == "1.01");  // exact: binary floating point would give 1.00
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
  // Exact decimal rounding, half up, as the README rules for rates (binary floating point gives 0.12 and 1.00).
  CHECK(r("{{ 0.125|percent(2) }}") == "0.13%");
  CHECK(r("{{ 1234.5|percent }}") == "1,234.5%");
}

TEST_CASE("filter era_year / fy / fiscal_year") {
  CHECK(r("{{ 2024|era_year }}") == "令和6年度");
  CHECK(r("{{ 2019|era_year }}") == "令和元年度");
  CHECK(r("{{ 2018|era_year }}") == "平成30年度");
  CHECK(r("{{ 1989|era_year }}") == "平成元年度");
  CHECK(r("{{ 1988|era_year }}") == "1988年度");  // as the pages and sheets print a year before 平成
  CHECK_THROWS_AS(r("{{ 2024.5|era_year }}"), TemplateError);
  CHECK_THROWS_AS(r("{{ 1e300|era_year }}"), TemplateError);  // once an integer overflow (fuzz)
  CHECK_THROWS_AS(r("{{ 1e300|number }}"), TemplateError);
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
  // Filled as every UI string is: in one pass, so a value holding "{n}" is not filled again.
  CHECK(r("{{ 'pages.pair'|t(a='{b}', b=2) }}", Json::parse(R"({"i18n": {"pages": {"pair": "{a}-{b}"}}})")) == "{b}-2");
  CHECK(r("{{ 'nav.missing'|t }}", ctx) == "nav.missing");
  CHECK(r("{{ 'nav'|t }}", ctx) == "nav");  // a mapping is not a message
  CHECK(r("{{ 'nav.home'|t }}") == "nav.home");  // no i18n at all
  CHECK_THROWS_AS(strict("{{ 'nav.missing'|t }}", ctx), TemplateError);
  Reporting env;
  env.set_globals(Json::parse(R"({"i18n": {"a": "グローバル"}})"));
  CHECK(env.render_string("{{ 'a'|t }}", Json::object()) == "グローバル");
}


TEST_CASE("filter css_string: a CSS string literal that cannot leave its <style>") {
  CHECK(r("{{ '世田谷区 計画'|css_string }}") == "\"世田谷区 計画\"");
  CHECK(r("{{ s|css_string }}", Json{{"s", "a\"b\\c</style><x>&"}}) == "\"a\\22 b\\5c c\\3c /style\\3e \\3c x\\3e \\26 \"");
  CHECK(r("{{ 'x\ny'|css_string }}") == "\"x\\a y\"");
}
