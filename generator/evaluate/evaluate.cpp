#include "evaluate/evaluate.hpp"

#include <algorithm>
#include <set>

#include "evaluate/rate.hpp"
#include "present/grades.hpp"
#include "present/numbers.hpp"

namespace hyoka::evaluate {

using model::Bound;
using model::Method;
using model::Value;
using present::grouped;

namespace {

Text both(std::string ja, std::string en) { return Text{std::move(ja), std::move(en)}; }

Result no_grade(int year, Status status, Text why) {
  Result result;
  result.year = year;
  result.status = status;
  result.explanation = std::move(why);
  return result;
}

const model::Grade* grade_for(const std::vector<model::Grade>& scale, const Decimal& rate) {
  for (const auto& grade : scale) {
    if (grade.min && model::compare(rate, *grade.min) >= 0) return &grade;
    if (grade.above && model::compare(rate, *grade.above) > 0) return &grade;
    if (!grade.min && !grade.above) return &grade;
  }
  return nullptr;
}

// "B: 80％以上100％未満": the range computed from the scale, the words every
// page and legend use, the same in both languages (the sheet's own wording of
// its legend, in `description`, is for the printed legend only).
std::string describe(const std::vector<model::Grade>& scale, const model::Grade& grade, model::Lang lang) {
  return grade.label + ": " + present::grade_condition(scale, static_cast<std::size_t>(&grade - scale.data()), lang);
}

std::string shown(const Value& value) {
  if (value.is_number()) return grouped(value.number);
  return value.text.ja;
}

struct Inputs {
  const model::Plan& plan;
  const model::Rule& rule;
  int year;
  const Value& target;
  const Value& actual;
  const Value* baseline;
};

Result graded_rate(const Inputs& in, const Decimal& rate, const std::optional<Decimal>& exact, const std::string& formula) {
  const auto& scale = scale_of(in.plan, in.rule);
  bool on_rounded = rounding_of(in.plan, in.rule).grade_on_rounded;
  const model::Grade* grade = grade_for(scale, on_rounded || !exact ? rate : *exact);
  Result result;
  result.year = in.year;
  result.status = Status::graded;
  result.rate = rate;
  std::string head = grouped(rate) + "% = " + formula;
  result.explanation = both(head, head);
  if (grade) {
    result.grade = grade->label;
    result.explanation.ja += "（" + describe(scale, *grade, model::Lang::ja) + "）";
    *result.explanation.en += " (" + describe(scale, *grade, model::Lang::en) + ")";
  }
  return result;
}

Result yes_no(const Inputs& in, bool met, const Text& comparison) {
  const auto& scale = scale_of(in.plan, in.rule);
  Result result;
  result.year = in.year;
  result.status = Status::graded;
  result.met = met;
  result.grade = yes_no_label(scale, in.rule, met);
  if (const auto& shown_rate = met ? in.rule.met_rate : in.rule.not_met_rate) {
    auto rate = rounded(*shown_rate, rounding_of(in.plan, in.rule));
    if (rate) result.rate = *rate;
  }
  result.explanation = both(comparison.ja + (met ? "：達成" : "：未達成") + "（" + result.grade + "）",
                            comparison.in(model::Lang::en) + (met ? ": met" : ": not met") + " (" + result.grade + ")");
  return result;
}

Result ratio(const Inputs& in, const Decimal& numerator, const Decimal& denominator, const std::string& formula) {
  auto rate = percent(numerator, denominator, rounding_of(in.plan, in.rule));
  if (!rate)
    return no_grade(in.year, Status::undefined, both("数値が大きすぎて達成率を計算できません", "the figures are too large to compute a rate"));
  return graded_rate(in, *rate, exact_percent(numerator, denominator), formula);
}

Result threshold(const Inputs& in, Bound bound, const Decimal& reference) {
  int order = model::compare(in.actual.number, reference);
  bool met = bound == Bound::at_most ? order <= 0 : order >= 0;
  std::string comparison = grouped(in.actual.number) + (bound == Bound::at_most ? " ≤ " : " ≥ ") + grouped(reference);
  return yes_no(in, met, both(comparison, comparison));
}

Result by_ratio(const Inputs& in) {
  if (in.target.number.is_zero())
    return no_grade(in.year, Status::undefined,
                    both("目標値が0のため達成率（実績÷目標）は計算できません", "the target is 0, so actual ÷ target is undefined"));
  return ratio(in, in.actual.number, in.target.number, shown(in.actual) + " ÷ " + shown(in.target) + " × 100");
}

Result by_inverse_ratio(const Inputs& in) {
  // Lower is better: a target of 0 (待機児童ゼロ) can only be met, not exceeded.
  if (in.target.number.is_zero() || in.actual.number.is_zero() || in.actual.number.is_negative())
    return threshold(in, Bound::at_most, in.target.number);
  return ratio(in, in.target.number, in.actual.number, shown(in.target) + " ÷ " + shown(in.actual) + " × 100");
}

Result by_progress(const Inputs& in) {
  if (!in.baseline || !in.baseline->is_number())
    return no_grade(in.year, Status::undefined,
                    both("現状値がないため進捗率を計算できません", "there is no baseline, so progress from it cannot be computed"));
  const Decimal& base = in.baseline->number;
  Decimal span = in.target.number - base;
  if (span.is_zero())
    return no_grade(in.year, Status::undefined,
                    both("目標値が現状値と同じため進捗率は計算できません", "the target equals the baseline, so progress is undefined"));
  return ratio(in, in.actual.number - base, span,
               "(" + shown(in.actual) + " − " + grouped(base) + ") ÷ (" + shown(in.target) + " − " + grouped(base) + ") × 100");
}

Result by_maintain(const Inputs& in) { return threshold(in, Bound::at_least, in.target.number); }

int step_index(const std::vector<std::string>& order, const std::string& step) {
  auto it = std::find(order.begin(), order.end(), step);
  return it == order.end() ? -1 : static_cast<int>(it - order.begin());
}

Result by_steps(const Inputs& in) {
  if (in.target.is_number() && in.actual.is_number()) return threshold(in, Bound::at_least, in.target.number);
  const std::string planned = shown(in.target), actual = shown(in.actual);
  Text comparison = both("計画「" + planned + "」・実績「" + actual + "」",
                         "planned \"" + in.target.text.in(model::Lang::en) + "\", actual \"" + in.actual.text.in(model::Lang::en) + "\"");
  if (planned == actual) return yes_no(in, true, comparison);
  int want = step_index(in.rule.order, planned), got = step_index(in.rule.order, actual);
  if (want < 0 || got < 0)
    return no_grade(in.year, Status::text_actual,
                    both(comparison.ja + "：段階の順序が定められていないため判定できません",
                         *comparison.en + ": the steps are not in the rule's order, so they cannot be compared"));
  return yes_no(in, got >= want, comparison);
}

Result apply(const Inputs& in) {
  Method method = in.rule.method;
  bool numbers = in.target.is_number() && in.actual.is_number();
  if (method != Method::steps && !numbers) {
    if (in.actual.kind == Value::Kind::text)
      return no_grade(in.year, Status::text_actual,
                      both("実績「" + in.actual.text.ja + "」は数値ではないため評価しません",
                           "the actual \"" + in.actual.text.in(model::Lang::en) + "\" is not a number, so it is not graded"));
    return no_grade(in.year, Status::no_target, both("目標値が数値ではないため評価しません", "the target is not a number, so it is not graded"));
  }
  if (method != Method::steps && in.target.bound != Bound::none) return threshold(in, in.target.bound, in.target.number);
  switch (method) {
    case Method::ratio: return by_ratio(in);
    case Method::inverse_ratio: return by_inverse_ratio(in);
    case Method::progress: return by_progress(in);
    case Method::at_least: return threshold(in, Bound::at_least, in.target.number);
    case Method::at_most: return threshold(in, Bound::at_most, in.target.number);
    case Method::maintain: return by_maintain(in);
    case Method::steps: return by_steps(in);
  }
  return by_ratio(in);
}

// Why there is nothing to compute, or nullopt when both figures are there.
std::optional<Result> missing_inputs(int year, const Value& target, const Value& actual) {
  switch (actual.kind) {
    case Value::Kind::pending:
      return no_grade(year, Status::pending, both("実績は集計中のため評価はありません", "the actual is still being tallied, so there is no grade yet"));
    case Value::Kind::absent:
    case Value::Kind::none:
      return no_grade(year, Status::no_actual, both("実績がないため評価はありません", "there is no actual for this year, so there is no grade"));
    default: break;
  }
  if (target.kind == Value::Kind::absent || target.kind == Value::Kind::none || target.kind == Value::Kind::pending)
    return no_grade(year, Status::no_target, both("この年度の目標値がないため評価はありません", "there is no target for this year, so there is no grade"));
  return std::nullopt;
}

// Maintain-level rows may name no yearly target: the baseline is the level to keep.
const Value& target_for(const model::Rule& rule, const model::IndicatorYear& values, const model::Indicator& indicator) {
  const Value& target = values.effective_target();
  if (rule.method == Method::maintain && !target.is_number() && indicator.baseline) return indicator.baseline->value;
  return target;
}

bool graded_kind(const model::Plan& plan, model::IndicatorKind kind) {
  const auto& kinds = plan.evaluation.graded_kinds;
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

Text kind_words(model::IndicatorKind kind) {
  return kind == model::IndicatorKind::outcome ? both("成果指標", "outcome indicators") : both("行動量", "activity volumes");
}

// Why a row of this kind has no grade, naming what the plan does grade.
Text not_graded_because(const model::Plan& plan, model::IndicatorKind kind) {
  const Text row = kind_words(kind);
  std::string graded;
  for (auto each : plan.evaluation.graded_kinds) graded += (graded.empty() ? "" : " and ") + *kind_words(each).en;
  return both("この計画では" + row.ja + "は評価の対象ではありません",
              graded.empty() ? "this plan grades no indicators" : "this plan grades only " + graded + ", not " + *row.en);
}

void count(GradeCounts& counts, const Result& result, const model::Evaluation& evaluation) {
  if (result.status == Status::not_graded) return;
  ++counts.total;
  if (!result.grade.empty()) {
    ++counts.graded;
    for (auto& [label, n] : counts.by_grade)
      if (label == result.grade) ++n;
    if (std::find(evaluation.on_track.begin(), evaluation.on_track.end(), result.grade) != evaluation.on_track.end()) ++counts.on_track;
  } else if (result.status == Status::pending) {
    ++counts.pending;
  } else {
    ++counts.ungraded;
  }
}

// Every label a row of the plan can get: the plan's scale, then the labels
// only a rule's own scale (or its met / not-met labels) has, in rule order.
GradeCounts empty_counts(const model::Plan& plan) {
  GradeCounts counts;
  auto add_label = [&](const std::string& label) {
    if (label.empty()) return;
    for (const auto& [known, n] : counts.by_grade)
      if (known == label) return;
    counts.by_grade.emplace_back(label, 0);
  };
  for (const auto& grade : plan.evaluation.scale) add_label(grade.label);
  for (const auto& [name, rule] : plan.evaluation.rules) {
    if (rule.scale)
      for (const auto& grade : *rule.scale) add_label(grade.label);
    add_label(rule.met);
    add_label(rule.not_met);
  }
  return counts;
}

void add(GradeCounts& into, const GradeCounts& from) {
  for (std::size_t i = 0; i < into.by_grade.size() && i < from.by_grade.size(); ++i) into.by_grade[i].second += from.by_grade[i].second;
  into.graded += from.graded;
  into.on_track += from.on_track;
  into.pending += from.pending;
  into.ungraded += from.ungraded;
  into.total += from.total;
}

void finish(GradeCounts& counts) {
  if (counts.graded > 0)
    counts.on_track_share = percent(Decimal{counts.on_track, 0}, Decimal{counts.graded, 0}, model::Rounding{});
}

void add(CostSummary& into, const CostSummary& from) {
  for (const auto& [year, cost] : from.by_year) into.by_year[year] = into.by_year[year] + cost;
  into.total = into.total + from.total;
}

CostSummary costs_of(const model::Policy& policy) {
  CostSummary costs;
  for (const auto& project : policy.projects) {
    if (project.cross_listed) continue;  // counted where it is owned
    for (const auto& [year, values] : project.years)
      if (values.cost.is_number()) {
        costs.by_year[year] = costs.by_year[year] + values.cost.number;
        costs.total = costs.total + values.cost.number;
      }
  }
  return costs;
}

// The row in every year any row of the plan has figures for, so that every
// page, sheet and report reads one result per row and year, computed here.
IndicatorResult evaluate_row(const model::Plan& plan, const model::Policy& policy, const model::Indicator& indicator,
                             const std::set<int>& years, int year) {
  IndicatorResult row{&policy, &indicator, indicator.rule.empty() ? plan.evaluation.default_rule : indicator.rule, {}, {}, {}};
  for (int each : years) row.years.emplace(each, evaluate_indicator(plan, indicator, each));
  row.result = row.years.at(year);
  row.change = change_since_last_year(plan, indicator, year);
  return row;
}

StepResult evaluate_steps(const model::Plan& plan, const model::Policy& policy, const model::Project& project) {
  StepResult steps{&policy, &project, {}};
  for (const auto& [year, values] : project.years)
    if (values.plan.present()) steps.years.emplace(year, evaluate_step(plan, project, year));
  return steps;
}

PolicyEvaluation evaluate_policy(const model::Plan& plan, const model::Policy& policy, const std::set<int>& years, int year) {
  PolicyEvaluation evaluation;
  evaluation.policy = &policy;
  evaluation.counts = empty_counts(plan);
  for (const auto& indicator : policy.indicators) {
    IndicatorResult row = evaluate_row(plan, policy, indicator, years, year);
    count(evaluation.counts, row.result, plan.evaluation);
    evaluation.indicators.push_back(std::move(row));
  }
  for (const auto& project : policy.projects) evaluation.steps.push_back(evaluate_steps(plan, policy, project));
  finish(evaluation.counts);
  evaluation.costs = costs_of(policy);
  return evaluation;
}

}  // namespace

const std::vector<model::Grade>& scale_of(const model::Plan& plan, const model::Rule& rule) {
  return rule.scale ? *rule.scale : plan.evaluation.scale;
}

const model::Rounding& rounding_of(const model::Plan& plan, const model::Rule& rule) {
  return rule.rounding ? *rule.rounding : plan.evaluation.rounding;
}

std::string yes_no_label(const std::vector<model::Grade>& scale, const model::Rule& rule, bool met) {
  if (met) return !rule.met.empty() ? rule.met : scale.front().label;
  if (!rule.not_met.empty()) return rule.not_met;
  return scale.size() >= 2 ? scale[scale.size() - 2].label : scale.back().label;
}

const char* code(Status status) {
  switch (status) {
    case Status::graded: return "graded";
    case Status::not_graded: return "not_graded";
    case Status::pending: return "pending";
    case Status::no_actual: return "no_actual";
    case Status::no_target: return "no_target";
    case Status::text_actual: return "text_actual";
    case Status::undefined: return "undefined";
  }
  return "graded";
}

const model::Rule& rule_for(const model::Plan& plan, const std::string& rule_name) {
  const auto& rules = plan.evaluation.rules;
  auto it = rules.find(rule_name.empty() ? plan.evaluation.default_rule : rule_name);
  if (it == rules.end()) it = rules.find("ratio");
  static const model::Rule fallback{};
  return it == rules.end() ? fallback : it->second;
}

Result evaluate_indicator(const model::Plan& plan, const model::Indicator& indicator, int year) {
  if (!graded_kind(plan, indicator.kind)) return no_grade(year, Status::not_graded, not_graded_because(plan, indicator.kind));
  auto it = indicator.years.find(year);
  if (it == indicator.years.end())
    return no_grade(year, Status::no_actual, both("この年度の数値がありません", "there are no figures for this year"));
  const model::Rule& rule = rule_for(plan, indicator.rule);
  const Value& target = target_for(rule, it->second, indicator);
  if (auto missing = missing_inputs(year, target, it->second.actual)) return *missing;
  const Value* baseline = indicator.baseline ? &indicator.baseline->value : nullptr;
  return apply(Inputs{plan, rule, year, target, it->second.actual, baseline});
}

Result evaluate_step(const model::Plan& plan, const model::Project& project, int year) {
  auto it = project.years.find(year);
  if (it == project.years.end())
    return no_grade(year, Status::no_target, both("この年度の計画がありません", "there is no plan for this year"));
  const model::Rule& rule = rule_for(plan, project.rule.empty() ? "steps" : project.rule);
  if (auto missing = missing_inputs(year, it->second.plan, it->second.actual)) return *missing;
  return apply(Inputs{plan, rule, year, it->second.plan, it->second.actual, nullptr});
}

PlanEvaluation evaluate_plan(const model::Plan& plan, int year) {
  PlanEvaluation evaluation;
  evaluation.plan = &plan;
  evaluation.year = year ? year : plan.evaluation_year;
  evaluation.counts = empty_counts(plan);
  for (const auto& area : plan.areas) evaluation.by_area.emplace(area.id, empty_counts(plan));
  std::set<int> years;
  for (const auto& policy : plan.policies)
    for (const auto& indicator : policy.indicators)
      for (const auto& [each, values] : indicator.years) years.insert(each);
  evaluation.years.assign(years.begin(), years.end());
  years.insert(evaluation.year);
  for (const auto& policy : plan.policies) {
    auto result = evaluate_policy(plan, policy, years, evaluation.year);
    add(evaluation.counts, result.counts);
    add(evaluation.by_area[policy.area], result.counts);
    add(evaluation.costs, result.costs);
    const std::size_t at = evaluation.policies.size();
    for (std::size_t row = 0; row < result.indicators.size(); ++row) evaluation.places_[result.indicators[row].indicator] = {at, row};
    for (std::size_t row = 0; row < result.steps.size(); ++row) evaluation.places_[result.steps[row].project] = {at, row};
    evaluation.policies.push_back(std::move(result));
  }
  finish(evaluation.counts);
  for (auto& [area, counts] : evaluation.by_area) finish(counts);
  return evaluation;
}

const PolicyEvaluation* PlanEvaluation::find(const std::string& policy_id) const {
  for (const auto& policy : policies)
    if (policy.policy->id == policy_id) return &policy;
  return nullptr;
}

const IndicatorResult* PlanEvaluation::find(const model::Indicator& indicator) const {
  auto it = places_.find(&indicator);
  return it == places_.end() ? nullptr : &policies[it->second.policy].indicators[it->second.row];
}

const StepResult* PlanEvaluation::find(const model::Project& project) const {
  auto it = places_.find(&project);
  return it == places_.end() ? nullptr : &policies[it->second.policy].steps[it->second.row];
}

const Result* IndicatorResult::in(int year) const {
  auto it = years.find(year);
  return it == years.end() ? nullptr : &it->second;
}

const Result* StepResult::in(int year) const {
  auto it = years.find(year);
  return it == years.end() ? nullptr : &it->second;
}

}  // namespace hyoka::evaluate
