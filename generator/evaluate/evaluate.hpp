#pragma once
// Achievement rates and grades, computed by the rules the plan states as data.
// Every result carries its explanation so a page or sheet can show how it was
// computed, and every unusual input gets a defined result instead of NaN.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace hyoka::evaluate {

using model::Decimal;
using model::Text;

enum class Status {
  graded,        // a rate and/or a grade
  not_graded,    // this kind of row is not graded by the plan (activity rows at Setagaya)
  pending,       // 集計中: the actual is being tallied
  no_actual,     // no actual for the year (yet)
  no_target,     // no target for the year, or ― (none set)
  text_actual,   // the actual is a text the rule cannot compare (一部運用)
  undefined,     // the formula has no value (target 0 for a ratio, target = baseline)
};
const char* code(Status status);

struct Result {
  int year = 0;
  Status status = Status::no_actual;
  std::optional<Decimal> rate;  // percentage, rounded as shown (96.7)
  std::optional<bool> met;      // for yes/no rules
  std::string grade;            // label, empty when none
  Text explanation;             // "96.7% = 89.9 ÷ 93.0 × 100" / why there is no grade
};

struct IndicatorResult {
  const model::Policy* policy = nullptr;
  const model::Indicator* indicator = nullptr;
  std::string rule;  // name of the rule applied
  Result result;
};

struct StepResult {  // a project's planned step vs actual for one year
  const model::Policy* policy = nullptr;
  const model::Project* project = nullptr;
  Result result;
};

struct GradeCounts {
  std::vector<std::pair<std::string, int>> by_grade;  // in scale order, zeros included
  int graded = 0, on_track = 0, pending = 0, ungraded = 0, total = 0;
  std::optional<Decimal> on_track_share;  // percent of graded, one decimal
};

struct CostSummary {
  std::map<int, Decimal> by_year;  // sum of numeric yearly costs
  Decimal total;
};

struct PolicyEvaluation {
  const model::Policy* policy = nullptr;
  std::vector<IndicatorResult> indicators;  // one per indicator row, for the evaluated year
  std::vector<StepResult> steps;            // one per project with a plan for the year
  GradeCounts counts;
  CostSummary costs;
};

struct PlanEvaluation {
  const model::Plan* plan = nullptr;
  int year = 0;
  std::vector<PolicyEvaluation> policies;      // in plan order
  std::map<std::string, GradeCounts> by_area;  // area id -> counts
  GradeCounts counts;
  CostSummary costs;

  const PolicyEvaluation* find(const std::string& policy_id) const;
};

// The rule an indicator is judged by (its own, or the plan's default).
const model::Rule& rule_for(const model::Plan& plan, const std::string& rule_name);

// The scale and rounding a rule grades with (its own, else the plan's), and
// the label a yes/no rule gives when met or not met.
const std::vector<model::Grade>& scale_of(const model::Plan& plan, const model::Rule& rule);
const model::Rounding& rounding_of(const model::Plan& plan, const model::Rule& rule);
std::string yes_no_label(const std::vector<model::Grade>& scale, const model::Rule& rule, bool met);

// One indicator in one year.
Result evaluate_indicator(const model::Plan& plan, const model::Indicator& indicator, int year);
// A project's step in one year (planned vs actual).
Result evaluate_step(const model::Plan& plan, const model::Project& project, int year);
// Everything, for the given year (the plan's evaluation_year when 0).
PlanEvaluation evaluate_plan(const model::Plan& plan, int year = 0);

}  // namespace hyoka::evaluate
