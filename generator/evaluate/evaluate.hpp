#pragma once
// Achievement rates and grades, computed by the rules the plan states as data.
// Every result carries its explanation so a page or sheet can show how it was
// computed, and every unusual input gets a defined result instead of NaN.
#include <map>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

#include "evaluate/change.hpp"
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

// One indicator row: its result in the evaluated year and in every year it has figures.
struct IndicatorResult {
  const model::Policy* policy = nullptr;
  const model::Indicator* indicator = nullptr;
  std::string rule;            // name of the rule applied
  Result result;               // the evaluated year
  std::map<int, Result> years;  // every year of PlanEvaluation::years, and the evaluated one
  std::optional<Change> change;  // since the year before the evaluated one (change.hpp); nullopt when not comparable

  const Result* in(int year) const;  // nullptr for a year the plan has no figures for
};

// A project's planned steps against its actuals, for every year with a plan.
struct StepResult {
  const model::Policy* policy = nullptr;
  const model::Project* project = nullptr;
  std::map<int, Result> years;

  const Result* in(int year) const;  // nullptr when the year has no plan
};

struct GradeCounts {
  // Every label a row can get, zeros included: the plan's scale, then labels
  // only a rule's own scale has (so the counts always add up to `graded`).
  std::vector<std::pair<std::string, int>> by_grade;
  int graded = 0, on_track = 0, pending = 0, ungraded = 0, total = 0;
  std::optional<Decimal> on_track_share;  // percent of graded, one decimal
};

struct CostSummary {
  std::map<int, Decimal> by_year;  // sum of numeric yearly costs
  Decimal total;
};

struct PolicyEvaluation {
  const model::Policy* policy = nullptr;
  std::vector<IndicatorResult> indicators;  // one per indicator row, in policy order
  std::vector<StepResult> steps;            // one per project, in policy order
  GradeCounts counts;                       // of the evaluated year
  CostSummary costs;
};

// The evaluation of a plan, made once by evaluate_plan and then only read:
// every page, sheet and download looks its results up here.
struct PlanEvaluation {
  const model::Plan* plan = nullptr;
  int year = 0;
  std::vector<PolicyEvaluation> policies;      // in plan order
  std::map<std::string, GradeCounts> by_area;  // area id -> counts
  GradeCounts counts;
  CostSummary costs;
  std::vector<int> years;  // every year any indicator of the plan has figures for, ascending

  const PolicyEvaluation* find(const std::string& policy_id) const;
  const IndicatorResult* find(const model::Indicator& indicator) const;
  const StepResult* find(const model::Project& project) const;

 private:
  friend PlanEvaluation evaluate_plan(const model::Plan& plan, int year);
  struct Place {
    std::size_t policy, row;
  };
  std::unordered_map<const void*, Place> places_;  // an indicator or project -> where its result is
};

// The rule an indicator is judged by (its own, or the plan's default).
const model::Rule& rule_for(const model::Plan& plan, const std::string& rule_name);

// The scale and rounding a rule grades with (its own, else the plan's), and
// the label a yes/no rule gives when met or not met.
const std::vector<model::Grade>& scale_of(const model::Plan& plan, const model::Rule& rule);
const model::Rounding& rounding_of(const model::Plan& plan, const model::Rule& rule);
std::string yes_no_label(const std::vector<model::Grade>& scale, const model::Rule& rule, bool met);

// One indicator in one year (evaluate_plan calls it for every row and year).
Result evaluate_indicator(const model::Plan& plan, const model::Indicator& indicator, int year);
// A project's step in one year (planned vs actual).
Result evaluate_step(const model::Plan& plan, const model::Project& project, int year);
// Everything, for the given year (the plan's evaluation_year when 0).
PlanEvaluation evaluate_plan(const model::Plan& plan, int year = 0);

}  // namespace hyoka::evaluate
