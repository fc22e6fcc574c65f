// Each rule the plan can state, pinned with real figures from the seeds and
// with the edge cases that must never give NaN, inf or a crash.
#include <doctest/doctest.h>

#include "evaluate/evaluate.hpp"
#include "evaluate/rate.hpp"
#include "model/rules.hpp"
#include "values.hpp"

using namespace hyoka;
using model::Decimal;
using model::Value;
using test::number;
using test::of_kind;
using test::text;

namespace {

model::Plan plan_with(model::Evaluation evaluation = {}) {
  model::Plan plan;
  plan.evaluation = std::move(evaluation);
  model::add_builtin_rules(plan.evaluation);
  return plan;
}

model::Indicator row(Value target, Value actual, const std::string& rule = "", std::optional<Value> baseline = std::nullopt) {
  model::Indicator indicator;
  indicator.id = "x";
  indicator.rule = rule;
  indicator.years[2024].target = std::move(target);
  indicator.years[2024].actual = std::move(actual);
  if (baseline) indicator.baseline = model::Baseline{*baseline, std::nullopt, std::nullopt};
  return indicator;
}

std::string shown(const evaluate::Result& r) {
  return (r.rate ? r.rate->to_string() : std::string("-")) + " " + (r.grade.empty() ? std::string("-") : r.grade);
}

evaluate::Result eval(const model::Plan& plan, const model::Indicator& indicator) {
  return evaluate::evaluate_indicator(plan, indicator, 2024);
}

}  // namespace

TEST_CASE("ratio: the Setagaya sheet's own examples") {
  auto plan = plan_with();
  CHECK(shown(eval(plan, row(number("93.0"), number("89.9")))) == "96.7 B");
  CHECK(shown(eval(plan, row(number("4200"), number("17500")))) == "416.7 A");
  CHECK(shown(eval(plan, row(number("130"), number("98")))) == "75.4 C");
  CHECK(shown(eval(plan, row(number("4"), number("0")))) == "0.0 D");
  auto r = eval(plan, row(number("93.0"), number("89.9")));
  CHECK(r.explanation.en.value() == "96.7% = 89.9 ÷ 93.0 × 100 (B: 80% or more and under 100%)");
}

TEST_CASE("grade boundaries follow the rounded rate by default, the exact one on request") {
  auto plan = plan_with();
  CHECK(shown(eval(plan, row(number("100"), number("80")))) == "80.0 B");
  CHECK(shown(eval(plan, row(number("1000"), number("799.6")))) == "80.0 B");  // 79.96 shows 80.0
  model::Evaluation exact;
  exact.rounding.grade_on_rounded = false;
  auto exact_plan = plan_with(exact);
  CHECK(shown(eval(exact_plan, row(number("1000"), number("799.6")))) == "80.0 C");
  CHECK(shown(eval(plan, row(number("100"), number("-5")))) == "-5.0 D");
}

TEST_CASE("rounding modes and decimals are data") {
  model::Evaluation evaluation;
  evaluation.rounding.decimals = 0;
  CHECK(shown(eval(plan_with(evaluation), row(number("3"), number("2")))) == "67 C");
  evaluation.rounding.decimals = 2;
  evaluation.rounding.mode = model::RoundingMode::down;
  CHECK(shown(eval(plan_with(evaluation), row(number("3"), number("2")))) == "66.66 C");
  evaluation.rounding.decimals = 0;
  evaluation.rounding.mode = model::RoundingMode::half_even;
  CHECK(shown(eval(plan_with(evaluation), row(number("8"), number("1")))) == "12 C");  // 12.5 → 12
  evaluation.rounding.mode = model::RoundingMode::half_up;
  CHECK(shown(eval(plan_with(evaluation), row(number("8"), number("1")))) == "13 C");
}

TEST_CASE("lower is better, including a target of zero waiting children") {
  auto plan = plan_with();
  CHECK(shown(eval(plan, row(number("430"), number("226"), "inverse_ratio"))) == "190.3 A");  // Setagaya 1-1-2
  CHECK(shown(eval(plan, row(number("0"), number("0"), "inverse_ratio"))) == "- A");
  auto missed = eval(plan, row(number("0"), number("12"), "inverse_ratio"));
  CHECK(shown(missed) == "- C");
  CHECK(missed.met == false);
  CHECK(missed.explanation.en.value() == "12 ≤ 0: not met (C)");
}

TEST_CASE("progress from the baseline, in either direction") {
  auto plan = plan_with();
  CHECK(shown(eval(plan, row(number("450"), number("429"), "progress", number("408")))) == "50.0 C");
  CHECK(shown(eval(plan, row(number("0"), number("100"), "progress", number("233")))) == "57.1 C");
  auto flat = eval(plan, row(number("100"), number("100"), "progress", number("100")));
  CHECK(flat.status == evaluate::Status::undefined);
  CHECK(flat.grade.empty());
  CHECK(eval(plan, row(number("100"), number("100"), "progress")).status == evaluate::Status::undefined);
}

TEST_CASE("thresholds: 95.0以上 is met or not") {
  auto plan = plan_with();
  CHECK(shown(eval(plan, row(number("95.0", model::Bound::at_least), number("96.1")))) == "- A");
  CHECK(shown(eval(plan, row(number("95.0", model::Bound::at_least), number("94.9")))) == "- C");
  CHECK(shown(eval(plan, row(number("5", model::Bound::at_most), number("5")))) == "- A");
  CHECK(shown(eval(plan, row(number("95.0"), number("94.9"), "at_least"))) == "- C");
}

TEST_CASE("maintain-level targets fall back to the baseline") {
  auto plan = plan_with();
  CHECK(shown(eval(plan, row(number("100"), number("100"), "maintain"))) == "- A");
  CHECK(shown(eval(plan, row(text("維持"), number("29"), "maintain", number("20")))) == "- A");
  CHECK(shown(eval(plan, row(text("維持"), number("19"), "maintain", number("20")))) == "- C");
}

TEST_CASE("qualitative steps: planned 開設 vs actual") {
  model::Evaluation evaluation;
  model::Rule steps;
  steps.method = model::Method::steps;
  steps.order = {"検討", "設計", "工事", "開設"};
  steps.met_rate = Decimal{100, 0};
  evaluation.rules["nerima"] = steps;
  auto plan = plan_with(evaluation);
  CHECK(shown(eval(plan, row(text("開設"), text("開設"), "steps"))) == "- A");
  CHECK(shown(eval(plan, row(text("工事"), text("設計"), "nerima"))) == "- C");
  CHECK(shown(eval(plan, row(text("設計"), text("開設"), "nerima"))) == "100.0 A");
  auto unknown = eval(plan, row(text("設計"), text("一部運用"), "nerima"));
  CHECK(unknown.status == evaluate::Status::text_actual);
  CHECK(unknown.grade.empty());
}

TEST_CASE("custom scales and labels: ◎○△× and S/A/B/C") {
  model::Evaluation evaluation;
  evaluation.scale = {{"◎", Decimal{100, 0}, {}, {}}, {"○", Decimal{80, 0}, {}, {}}, {"△", Decimal{50, 0}, {}, {}}, {"×", {}, {}, {}}};
  auto plan = plan_with(evaluation);
  CHECK(shown(eval(plan, row(number("93.0"), number("89.9")))) == "96.7 ○");
  CHECK(shown(eval(plan, row(number("10"), number("1")))) == "10.0 ×");
  CHECK(shown(eval(plan, row(number("95.0", model::Bound::at_least), number("94")))) == "- △");  // not met → second-worst
  model::Evaluation sabc;
  sabc.scale = {{"S", Decimal{120, 0}, {}, {}}, {"A", Decimal{100, 0}, {}, {}}, {"B", Decimal{80, 0}, {}, {}}, {"C", {}, {}, {}}};
  CHECK(shown(eval(plan_with(sabc), row(number("4200"), number("17500")))) == "416.7 S");
}

TEST_CASE("no grade, with a reason, for every unusual input") {
  auto plan = plan_with();
  struct Case {
    Value target, actual;
    evaluate::Status status;
  } cases[] = {
      {number("9.0"), of_kind(Value::Kind::pending), evaluate::Status::pending},
      {number("9.0"), of_kind(Value::Kind::absent), evaluate::Status::no_actual},
      {of_kind(Value::Kind::none), number("3"), evaluate::Status::no_target},
      {of_kind(Value::Kind::absent), number("3"), evaluate::Status::no_target},
      {number("10"), text("一部運用"), evaluate::Status::text_actual},
      {number("0"), number("3"), evaluate::Status::undefined},
  };
  for (const auto& c : cases) {
    auto r = eval(plan, row(c.target, c.actual));
    CHECK(r.status == c.status);
    CHECK(r.grade.empty());
    CHECK(!r.rate);
    CHECK(!r.explanation.ja.empty());
    CHECK(r.explanation.en);
  }
  model::Indicator activity = row(number("5"), number("5"));
  activity.kind = model::IndicatorKind::activity;
  CHECK(eval(plan, activity).status == evaluate::Status::not_graded);
  CHECK(eval(plan, model::Indicator{}).status == evaluate::Status::no_actual);
}

TEST_CASE("rates are exact for printed decimals and never overflow") {
  model::Rounding one;
  CHECK(evaluate::percent(*Decimal::parse("89.9"), *Decimal::parse("93.0"), one)->to_string() == "96.7");
  CHECK(evaluate::percent(*Decimal::parse("0.35"), *Decimal::parse("0.7"), one)->to_string() == "50.0");
  CHECK(!evaluate::percent(*Decimal::parse("1"), *Decimal::parse("0"), one));
  CHECK(!evaluate::percent(*Decimal::parse("999999999999999999"), *Decimal::parse("0.000000000000000001"), one));
  model::Rounding two{2, model::RoundingMode::half_up, true};
  CHECK(evaluate::rounded(*Decimal::parse("0.125"), two)->to_string() == "0.13");
  CHECK(evaluate::rounded(*Decimal::parse("-0.125"), two)->to_string() == "-0.13");
}
