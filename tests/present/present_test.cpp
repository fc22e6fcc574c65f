// How figures read: the one place hyoka decides it (pages, sheets, downloads).
#include <doctest/doctest.h>

#include "model/rules.hpp"
#include "present/escape.hpp"
#include "present/figures.hpp"
#include "present/grades.hpp"
#include "present/marks.hpp"
#include "present/numbers.hpp"
#include "present/placeholders.hpp"
#include "present/years.hpp"

using namespace hyoka;
using model::Decimal;
using model::Lang;

namespace {

model::Value number(const char* digits, model::Bound bound = model::Bound::none) {
  model::Value v;
  v.kind = model::Value::Kind::number;
  v.number = *Decimal::parse(digits);
  v.bound = bound;
  return v;
}

model::Grade grade(const char* label, std::optional<const char*> min, std::optional<const char*> above = std::nullopt) {
  model::Grade g;
  g.label = label;
  if (min) g.min = *Decimal::parse(*min);
  if (above) g.above = *Decimal::parse(*above);
  return g;
}

}  // namespace

TEST_CASE("numbers keep their printed digits and get separators") {
  CHECK(present::grouped(*Decimal::parse("17500")) == "17,500");
  CHECK(present::grouped(*Decimal::parse("1234567.25")) == "1,234,567.25");
  CHECK(present::grouped(*Decimal::parse("93.0")) == "93.0");
  CHECK(present::grouped(*Decimal::parse("-1234")) == "-1,234");
  CHECK(present::grouped(*Decimal::parse("-0.5")) == "-0.5");
  CHECK(present::grouped(*Decimal::parse("999")) == "999");
  CHECK(present::grouped(Decimal{1234567, 2}) == "12,345.67");
}

TEST_CASE("rates and the dash for none") {
  CHECK(present::percent(*Decimal::parse("96.7")) == "96.7%");
  CHECK(present::percent(*Decimal::parse("1234.5")) == "1,234.5%");
  CHECK(present::percent_or_dash(std::nullopt, Lang::ja) == "ー");
  CHECK(present::percent_or_dash(std::nullopt, Lang::en) == "–");
  CHECK(present::grade_or_dash("", Lang::en) == "–");
  CHECK(present::grade_or_dash("B", Lang::ja) == "B");
}

TEST_CASE("fiscal years: Japanese era with the Western year, FY in English") {
  CHECK(present::fiscal_year(2024, Lang::ja) == "令和6年度（2024年度）");
  CHECK(present::fiscal_year(2019, Lang::ja) == "令和元年度（2019年度）");
  CHECK(present::fiscal_year(2018, Lang::ja) == "平成30年度（2018年度）");
  CHECK(present::fiscal_year(1989, Lang::ja) == "平成元年度（1989年度）");
  CHECK(present::fiscal_year(1988, Lang::ja) == "1988年度（1988年度）");
  CHECK(present::fiscal_year(2024, Lang::en) == "FY2024");
  CHECK(present::fiscal_year_short(2027, Lang::ja) == "令和9年度");
  CHECK(present::fiscal_year_short(2027, Lang::en) == "FY2027");
  CHECK(present::era_year_number(2024) == "6年度");
  CHECK(present::era_year_number(2019) == "元年度");
}

TEST_CASE("dates") {
  CHECK(present::date("2025-03-31", Lang::ja) == "2025年3月31日");
  CHECK(present::date("2025-03-31", Lang::en) == "31 March 2025");
  CHECK(present::date("", Lang::en).empty());
  CHECK(present::date("2025-13-01", Lang::en).empty());
  CHECK(present::date("2025/03/31", Lang::ja).empty());
}

TEST_CASE("figures: unit, bound and words in each language") {
  model::Plan plan;
  CHECK(present::figure(plan, number("17500"), "件", Lang::ja).text == "17,500件");
  CHECK(present::figure(plan, number("17500"), "件", Lang::en).text == "17,500 cases");
  CHECK(present::figure(plan, number("89.9"), "%", Lang::en).text == "89.9%");
  const auto bound_ja = present::figure(plan, number("95.0", model::Bound::at_least), "％", Lang::ja);
  CHECK(bound_ja.text == "95.0％以上");
  CHECK(bound_ja.plain == "95.0以上");
  const auto bound_en = present::figure(plan, number("95.0", model::Bound::at_least), "％", Lang::en);
  CHECK(bound_en.text == "at least 95.0%");
  CHECK(bound_en.plain == "at least 95.0");
  CHECK(present::figure(plan, number("3", model::Bound::at_most), "人", Lang::en).text == "at most 3 people");
  CHECK(present::figure(plan, number("17500"), "件", Lang::en).plain == "17500");
  model::Value pending;
  pending.kind = model::Value::Kind::pending;
  CHECK(present::figure(plan, pending, "%", Lang::ja).text == "集計中");
  CHECK(present::figure(plan, pending, "%", Lang::en).text == "Being tallied");
  model::Value none;
  none.kind = model::Value::Kind::none;
  CHECK(present::figure(plan, none, "%", Lang::en).text == "―");
  model::Value step;
  step.kind = model::Value::Kind::text;
  step.text = {"開設", std::nullopt};
  CHECK(present::figure(plan, step, "", Lang::en).fallback);
  CHECK(present::figure(plan, step, "", Lang::en).text == "開設");
  CHECK(present::figure(plan, model::Value{}, "件", Lang::en).text.empty());
}

TEST_CASE("units: the plan's English first, then the built-in table; singular for exactly 1") {
  model::Plan plan;
  plan.units["テーマ"] = "themes";
  plan.units["件"] = "matters";
  CHECK(present::unit_name(plan, "件", Lang::en) == "matters");
  CHECK(present::unit_name(plan, "回", Lang::en) == "times");
  CHECK(present::unit_name(plan, "回", Lang::ja) == "回");
  CHECK(present::unit_name(plan, "杯", Lang::en) == "杯");
  CHECK(present::figure(plan, number("1"), "回", Lang::en).text == "1 time");
  CHECK(present::figure(plan, number("1"), "テーマ", Lang::en).text == "1 theme");
  CHECK(present::figure(plan, number("1"), "人", Lang::en).text == "1 person");
  CHECK(present::figure(plan, number("1.0"), "回", Lang::en).text == "1.0 times");
  CHECK(present::figure(plan, number("2"), "回", Lang::en).text == "2 times");
  CHECK(present::figure(plan, number("1"), "回", Lang::ja).text == "1回");
}

TEST_CASE("grade conditions are ranges that follow from the scale") {
  const std::vector<model::Grade> setagaya{grade("A", "100"), grade("B", "80"), grade("C", std::nullopt, "0"),
                                           grade("D", std::nullopt)};
  CHECK(present::grade_condition(setagaya, 0, Lang::ja) == "100％以上");
  CHECK(present::grade_condition(setagaya, 1, Lang::ja) == "80％以上100％未満");
  CHECK(present::grade_condition(setagaya, 2, Lang::ja) == "0％超80％未満");
  CHECK(present::grade_condition(setagaya, 3, Lang::ja) == "0％以下");
  CHECK(present::grade_condition(setagaya, 0, Lang::en) == "100% or more");
  CHECK(present::grade_condition(setagaya, 1, Lang::en) == "80% or more and under 100%");
  CHECK(present::grade_condition(setagaya, 2, Lang::en) == "over 0% and under 80%");
  CHECK(present::grade_condition(setagaya, 3, Lang::en) == "0% or less");
  const std::vector<model::Grade> two{grade("○", "50"), grade("×", std::nullopt)};
  CHECK(present::grade_condition(two, 1, Lang::en) == "under 50%");
  const std::vector<model::Grade> one{grade("-", std::nullopt)};
  CHECK(present::grade_condition(one, 0, Lang::ja) == "すべて");
}

TEST_CASE("escaping: one escape for HTML text, attributes, XML and SVG") {
  CHECK(present::escape_html("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &#34; e &#39; f");
  CHECK(present::escape_html("日本語") == "日本語");
  std::string out = "x";
  present::escape_html(out, "<");
  CHECK(out == "x&lt;");
}

TEST_CASE("CSV cells: quoting and the formula guard") {
  CHECK(present::csv_cell("plain") == "plain");
  CHECK(present::csv_cell("a,b") == "\"a,b\"");
  CHECK(present::csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(present::csv_cell("=1+1") == "'=1+1");
  CHECK(present::csv_cell("-1+1") == "'-1+1");
  CHECK(present::csv_cell("@x") == "'@x");
  CHECK(present::csv_cell("-5") == "-5");
  CHECK(present::csv_cell("-0.5") == "-0.5");
  CHECK(present::csv_cell("+") == "'+");
  CHECK(present::csv_cell("line\nbreak") == "\"line\nbreak\"");
}

TEST_CASE("placeholders: one pass, unknown names kept") {
  CHECK(present::fill("{a} and {b}, {c} stays, {unclosed", {{"a", "{b}"}, {"b", 2}}) == "{b} and 2, {c} stays, {unclosed");
  CHECK(present::fill("{n}件", {{"n", 3}}) == "3件");
  CHECK(present::fill("{{n}}", {{"n", 3}}) == "{3}");
  CHECK(present::fill("no args {n}", {}) == "no args {n}");
}

TEST_CASE("grade words: defaults for an A–D scale, a plan's own words, none for other scales") {
  hyoka::model::Evaluation evaluation;
  evaluation.scale = hyoka::model::default_scale();
  CHECK(hyoka::present::grade_meaning(evaluation, "A", hyoka::model::Lang::ja) == "目標達成");
  CHECK(hyoka::present::grade_meaning(evaluation, "D", hyoka::model::Lang::en) == "No progress");
  CHECK(hyoka::present::grade_meaning(evaluation, "", hyoka::model::Lang::en).empty());
  std::vector<hyoka::model::Grade> circles(2);
  circles[0].label = "◎";
  circles[1].label = "×";
  hyoka::model::add_default_meanings(circles);
  CHECK_FALSE(circles[0].meaning);
  circles[0].meaning = hyoka::model::Text{"達成", "Met"};
  evaluation.scale = circles;
  CHECK(hyoka::present::grade_meaning(evaluation, "◎", hyoka::model::Lang::en) == "Met");
}

TEST_CASE("English text takes the English edition's marks and punctuation") {
  CHECK(present::english_punctuation("Center※1 and the Care 24 centers※２") == "Center*1 and the Care 24 centers*2");
  CHECK(present::english_punctuation("※ Policy number of the implementation plan") == "* Policy number of the implementation plan");
  CHECK(present::english_punctuation("○ Efforts have grown.\n○ More desks.") == "• Efforts have grown.\n• More desks.");
  CHECK(present::english_punctuation("  ・ a point") == "  • a point");
  CHECK(present::english_punctuation("circle ○ inside a line stays") == "circle ○ inside a line stays");
  CHECK(present::english_punctuation("FY2024～FY2026（estimate）【Policy 8-2】") == "FY2024–FY2026(estimate)[Policy 8-2]");
  CHECK(present::english_punctuation("Total：Opening") == "Total: Opening");
  CHECK(present::english_punctuation("★ One of the mayor's top picks") == "★ One of the mayor's top picks");
  CHECK(present::english_punctuation("１　Strengthening ＮＩＣＵ care，１００％") == "1 Strengthening NICU care,100%");
}

TEST_CASE("reference marks are numbered as each edition writes them") {
  CHECK(present::reference_mark(3, Lang::ja) == "※3");
  CHECK(present::reference_mark(3, Lang::en) == "*3");
  CHECK(present::mark_number("※１") == 1);
  CHECK(present::mark_number("※12") == 12);
  CHECK(present::mark_number("*2") == 2);
  CHECK(present::mark_number("★") == 0);
  CHECK(present::mark_in("※２", Lang::en) == "*2");
  CHECK(present::mark_in("※２", Lang::ja) == "※２");
  CHECK(present::bracketed("実施計画 施策８－２", Lang::ja) == "【実施計画 施策８－２】");
  CHECK(present::bracketed("Implementation Plan, Policy 8-2", Lang::en) == "[Implementation Plan, Policy 8-2]");
  CHECK(present::parenthesized("令和5年度見込み", Lang::ja) == "（令和5年度見込み）");
  CHECK(present::parenthesized("FY2023 estimate", Lang::en) == "(FY2023 estimate)");
}
