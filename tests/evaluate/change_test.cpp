// The change since last year, as evaluate_plan stores it in each row
// (IndicatorResult::change) for the pages to read. The sample plans have one
// year of actuals each, so these plans are synthetic: two years of figures per
// row, judged by the row's rule.
#include <doctest/doctest.h>

#include "evaluate/evaluate.hpp"
#include "model/rules.hpp"
#include "values.hpp"

using namespace hyoka;
using evaluate::Change;
using model::Value;
using test::number;
using test::text;

namespace {

// A row with actuals in 2023 and 2024 (either may be absent) and its 2024 target.
model::Indicator row(std::optional<Value> before, std::optional<Value> now, Value target, const std::string& rule = "") {
  model::Indicator indicator;
  indicator.id = "x";
  indicator.rule = rule;
  if (before) indicator.years[2023].actual = *before;
  indicator.years[2024].target = std::move(target);
  if (now) indicator.years[2024].actual = *now;
  return indicator;
}

// A plan of one policy holding `indicator`, with a steps rule "build".
model::Plan plan_of(model::Indicator indicator) {
  model::Plan plan;
  plan.evaluation_year = 2024;
  model::add_builtin_rules(plan.evaluation);
  model::Rule build;
  build.method = model::Method::steps;
  build.order = {"検討", "設計", "工事", "開設"};
  plan.evaluation.rules["build"] = build;
  model::Policy policy;
  policy.id = "1-1";
  policy.indicators.push_back(std::move(indicator));
  plan.policies.push_back(std::move(policy));
  return plan;
}

// The change evaluate_plan stored for the plan's one row.
std::optional<Change> evaluated_change(const model::Plan& plan, int year = 0) {
  const auto evaluation = evaluate::evaluate_plan(plan, year);
  const auto* result = evaluation.find(plan.policies.front().indicators.front());
  REQUIRE(result != nullptr);
  return result->change;
}

}  // namespace

TEST_CASE("change: a higher actual is an improvement when the rule counts higher as better") {
  const auto plan = plan_of(row(number("41.2"), number("45.0"), number("50.0")));
  CHECK(evaluated_change(plan) == Change::improved);
  CHECK(evaluated_change(plan_of(row(number("45.0"), number("41.2"), number("50.0")))) == Change::worse);
  CHECK(evaluated_change(plan_of(row(number("45.0"), number("45.00"), number("50.0")))) == Change::same);
}

TEST_CASE("change: lower is better for inverse_ratio, at_most and a 以下 target") {
  CHECK(evaluated_change(plan_of(row(number("12"), number("9"), number("10"), "inverse_ratio"))) == Change::improved);
  CHECK(evaluated_change(plan_of(row(number("12"), number("9"), number("10"), "at_most"))) == Change::improved);
  CHECK(evaluated_change(plan_of(row(number("9"), number("12"), number("10", model::Bound::at_most)))) == Change::worse);
  CHECK(evaluated_change(plan_of(row(number("9"), number("12"), number("10", model::Bound::at_least)))) == Change::improved);
}

TEST_CASE("change: a later step of the rule's order is better; steps outside the order do not compare") {
  CHECK(evaluated_change(plan_of(row(text("設計"), text("工事"), text("開設"), "build"))) == Change::improved);
  CHECK(evaluated_change(plan_of(row(text("工事"), text("設計"), text("開設"), "build"))) == Change::worse);
  CHECK(evaluated_change(plan_of(row(text("工事"), text("工事"), text("開設"), "build"))) == Change::same);
  CHECK_FALSE(evaluated_change(plan_of(row(text("検討中"), text("工事"), text("開設"), "build"))).has_value());
  CHECK_FALSE(evaluated_change(plan_of(row(number("3"), text("工事"), text("開設"), "build"))).has_value());
}

TEST_CASE("change: none without an actual in both years") {
  CHECK_FALSE(evaluated_change(plan_of(row(std::nullopt, number("45.0"), number("50.0")))).has_value());
  CHECK_FALSE(evaluated_change(plan_of(row(number("41.2"), std::nullopt, number("50.0")))).has_value());
  const Value pending = test::of_kind(Value::Kind::pending);
  CHECK_FALSE(evaluated_change(plan_of(row(number("41.2"), pending, number("50.0")))).has_value());
}

TEST_CASE("change: measured against the year evaluated, not the plan's evaluation_year") {
  auto indicator = row(number("41.2"), number("45.0"), number("50.0"));
  indicator.years[2025].actual = number("43.0");
  const auto plan = plan_of(indicator);
  CHECK(evaluated_change(plan, 2024) == Change::improved);
  CHECK(evaluated_change(plan, 2025) == Change::worse);
  CHECK_FALSE(evaluated_change(plan, 2023).has_value());
}
