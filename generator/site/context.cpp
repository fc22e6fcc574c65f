#include "site/context.hpp"

#include <algorithm>

#include "site/chart.hpp"
#include "site/editions.hpp"
#include "site/routes.hpp"

namespace hyoka::site {

using evaluate::GradeCounts;
using evaluate::Result;

PlanContext::PlanContext(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, Lang lang,
                         const Catalogues& i18n, ContextOptions options)
    : plan_(plan), evaluation_(evaluation), i18n_(i18n), options_(options), text_(plan, lang) {}

// Grades are coloured by their position in the plan's scale, whatever their
// labels (A–D, ◎○△×, S–C): g0 is the best, g3 the worst.
std::string PlanContext::grade_class(const std::string& label) const {
  const auto& scale = plan_.evaluation.scale;
  auto it = std::find_if(scale.begin(), scale.end(), [&](const model::Grade& g) { return g.label == label; });
  if (label.empty() || it == scale.end()) return "none";
  const auto rank = static_cast<std::size_t>(it - scale.begin());
  const std::size_t last = scale.size() > 1 ? scale.size() - 1 : 1;
  return "g" + std::to_string((rank * 3 + last / 2) / last);
}

bool PlanContext::on_track(const std::string& label) const {
  const auto& labels = plan_.evaluation.on_track;
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

json PlanContext::counts(const GradeCounts& counts, const std::string& chart_id, const std::string& title) {
  json grades = json::array();
  chart::Distribution bar{chart_id, title, "", {}};
  std::string described;
  for (const auto& [label, n] : counts.by_grade) {
    const std::string cls = grade_class(label);
    grades.push_back(Object(4)("label", label)("count", n)("class", cls)("on_track", on_track(label)));
    bar.segments.push_back({label, n, cls});
    described += (described.empty() ? "" : ui("chart.list_separator")) + ui("chart.grade_count", {{"grade", label}, {"n", n}});
  }
  bar.description = counts.graded ? described : ui("chart.no_grades");
  return Object(8)("by_grade", std::move(grades))("graded", counts.graded)("on_track", counts.on_track)(
      "pending", counts.pending)("ungraded", counts.ungraded)("total", counts.total)(
      "on_track_share", counts.on_track_share ? json(format_decimal(*counts.on_track_share)) : json(nullptr))(
      "chart_svg", chart::distribution(bar));
}

const json& PlanContext::plan_summary() {
  if (!plan_summary_) plan_summary_ = make_plan_summary();
  return *plan_summary_;
}

const json& PlanContext::policy_summary(const model::Policy& policy) {
  auto it = policy_summaries_.find(&policy);
  if (it == policy_summaries_.end()) it = policy_summaries_.emplace(&policy, make_policy_summary(policy)).first;
  return it->second;
}

json PlanContext::make_plan_summary() {
  const std::string& id = plan_.id;
  json areas = json::array();
  for (const auto& area : plan_.areas) {
    json policies = json::array();
    for (const auto& policy : plan_.policies)
      if (policy.area == area.id) policies.push_back(policy_summary(policy));
    const auto it = evaluation_.by_area.find(area.id);
    areas.push_back(Object(7)("id", area.id)("number", area.number)("name", text_.text(area.name))(
        "vision", text_.text(area.vision))("url", routes::area(id, area.id))("policies", std::move(policies))(
        "counts", counts(it == evaluation_.by_area.end() ? GradeCounts{} : it->second, "area-" + area.id + "-grades",
                         ui("chart.area_title", {{"area", area.name.in(lang())}}))));
  }
  std::size_t project_count = 0;
  for (const auto& policy : plan_.policies) project_count += policy.projects.size();
  json links{{"home", routes::plan_home(id)},         {"glossary", routes::glossary(id)},
             {"how_to_read", routes::how_to_read(id)}, {"search", routes::search(id)},
             {"downloads", routes::downloads(id)},     {"booklet", options_.pdf ? json(routes::booklet_pdf(id)) : json(nullptr)}};
  return {{"id", id},
          {"city", text_.text(plan_.city)},
          {"name", text_.text(plan_.name)},
          {"description", text_.text(plan_.description)},
          {"source", text_.text(plan_.source)},
          {"period", {{"start", year_json(plan_.period_start, lang())}, {"end", year_json(plan_.period_end, lang())}}},
          {"year", year_json(evaluation_.year, lang())},
          {"report_date", plan_.report_date},
          {"currency_unit", text_.text(plan_.currency_unit)},
          {"url", routes::plan_home(id)},
          {"links", links},
          {"counts", counts(evaluation_.counts, "plan-" + id + "-grades", ui("chart.plan_title", {{"plan", plan_.name.in(lang())}}))},
          {"scale", scale()},
          {"policy_count", plan_.policies.size()},
          {"project_count", project_count},
          {"costs", {{"total", format_decimal(evaluation_.costs.total)}}},
          {"edition", options_.editions ? edition_json(*options_.editions, evaluation_.year, lang()) : json(nullptr)},
          {"areas", std::move(areas)}};
}

json PlanContext::scale() {
  json out = json::array();
  for (const auto& grade : plan_.evaluation.scale) {
    std::string condition = grade.min     ? ui("howto.condition_min", {{"n", format_decimal(*grade.min)}})
                            : grade.above ? ui("howto.condition_above", {{"n", format_decimal(*grade.above)}})
                                          : ui("howto.condition_rest");
    out.push_back(Object(5)("label", grade.label)("class", grade_class(grade.label))("on_track", on_track(grade.label))(
        "condition", condition)("description", text_.text(grade.description)));
  }
  return out;
}

json PlanContext::area(const model::Area& area) {
  for (const auto& a : plan_summary()["areas"])
    if (a["id"] == area.id) return a;
  return nullptr;
}

const evaluate::IndicatorResult* PlanContext::result_of(const model::Policy& policy,
                                                         const model::Indicator& indicator) const {
  const auto* pe = evaluation_.find(policy.id);
  if (!pe) return nullptr;
  for (const auto& r : pe->indicators)
    if (r.indicator == &indicator) return &r;
  return nullptr;
}

json PlanContext::make_policy_summary(const model::Policy& policy) {
  json grades = json::array();
  const auto* pe = evaluation_.find(policy.id);
  if (pe)
    for (const auto& r : pe->indicators)
      if (!r.result.grade.empty())
        grades.push_back(Object(2)("label", r.result.grade)("class", grade_class(r.result.grade)));
  const model::Area* area = plan_.find_area(policy.area);
  return Object(11)("id", policy.id)("number", policy.number)("name", text_.text(policy.name))(
      "group", text_.text(policy.group))(
      "area", Object(3)("id", policy.area)("name", area ? text_.text(area->name) : json(nullptr))(
                  "url", routes::area(plan_.id, policy.area)))(
      "url", routes::policy(plan_.id, policy.id))(
      "sheet_pdf", options_.pdf ? json(routes::sheet_pdf(plan_.id, policy.id)) : json(nullptr))(
      "grades", std::move(grades))("indicator_count", policy.indicators.size())(
      "project_count", policy.projects.size())("changes", changes(policy));
}

json PlanContext::result(const Result& r, const std::string& rule) {
  return Object(9)("year", r.year)("status", evaluate::code(r.status))(
      "rate", r.rate ? json(format_decimal(*r.rate)) : json(nullptr))("met", r.met ? json(*r.met) : json(nullptr))(
      "grade", r.grade)("class", grade_class(r.grade))("on_track", on_track(r.grade))(
      "explanation", text_.text(r.explanation))("rule", rule);
}

json PlanContext::indicator_row(const model::Policy& policy, const model::Indicator& ind, const Result& r) {
  const auto year_it = ind.years.find(evaluation_.year);
  const model::IndicatorYear empty;
  const model::IndicatorYear& y = year_it == ind.years.end() ? empty : year_it->second;
  json baseline = nullptr;
  if (ind.baseline)
    baseline = Object(3)("value", text_.value(ind.baseline->value))(
        "year", ind.baseline->year ? year_json(*ind.baseline->year, lang()) : json(nullptr))(
        "label", text_.text(ind.baseline->label));
  json project = nullptr;
  if (auto [owner, p] = plan_.find_project(ind.project); p)
    project = Object(4)("id", p->id)("number", p->number)("name", text_.text(p->name))(
        "url", routes::project(plan_.id, p->id));
  const auto* ir = result_of(policy, ind);
  return Object(19)("id", ind.id)("number", ind.number)("kind", model::code(ind.kind))("name", text_.text(ind.name))(
      "description", text_.text(ind.description))("source", text_.text(ind.source))(
      "reference", text_.text(ind.reference))("note", text_.text(ind.note))("unit", text_.unit(ind.unit))(
      "url", routes::indicator(plan_.id, policy.id, ind.id))("project", project)("baseline", baseline)(
      "target", text_.value(y.target))("revised_target", text_.value(y.revised_target))(
      "actual", text_.value(y.actual))("year_note", text_.text(y.note))("reason", text_.text(y.reason))(
      "result", result(r, ir ? ir->rule : ind.rule))("change", change(ind));
}

const json& PlanContext::evaluated_row(const model::Policy& policy, const model::Indicator& ind) {
  auto it = rows_.find(&ind);
  if (it == rows_.end()) {
    const auto* ir = result_of(policy, ind);
    it = rows_.emplace(&ind, indicator_row(policy, ind, ir ? ir->result : evaluate::evaluate_indicator(plan_, ind, evaluation_.year))).first;
  }
  return it->second;
}

json PlanContext::divisions(const std::vector<std::string>& ids) {
  json out = json::array();
  for (const auto& id : ids) {
    const model::Division* d = plan_.find_division(id);
    if (!d) continue;
    out.push_back(Object(4)("id", d->id)("name", text_.text(d->name))("department", text_.text(d->department))(
        "phone", d->phone));
  }
  return out;
}

json PlanContext::footnotes(const model::Policy& policy) {
  json out = json::array();
  for (const auto& note : policy.footnotes) {
    const model::Term* term = plan_.find_term(note.term);
    if (!term) continue;
    out.push_back(
        Object(4)("mark", note.mark)("term", text_.text(term->term))("definition", text_.text(term->definition))(
            "url", routes::glossary(plan_.id) + "#" + routes::term_anchor(term->id)));
  }
  return out;
}

json PlanContext::policy(const model::Policy& policy) {
  json out = Object(policy_summary(policy), 10);
  json rows = json::array(), reasons = json::array(), projects = json::array();
  for (const auto& ind : policy.indicators) {
    json row = evaluated_row(policy, ind);
    if (!row["reason"].is_null())
      reasons.push_back(Object(6)("number", row["number"])("name", row["name"])("grade", row["result"]["grade"])(
          "class", row["result"]["class"])("reason", row["reason"])("url", row["url"]));
    rows.push_back(std::move(row));
  }
  for (const auto& project : policy.projects) {
    json summary = project_summary(policy, project, 1);
    const auto year = project.years.find(evaluation_.year);
    summary["step"] = year == project.years.end() ? json(nullptr) : project_year(project, year->first, year->second);
    projects.push_back(std::move(summary));
  }
  const auto* pe = evaluation_.find(policy.id);
  out["target_state"] = text_.text(policy.target_state);
  out["page_ref"] = policy.page_ref;
  out["divisions"] = divisions(policy.divisions);
  out["indicators"] = std::move(rows);
  out["reasons"] = std::move(reasons);
  out["projects"] = std::move(projects);
  out["footnotes"] = footnotes(policy);
  out["commentary"] = text_.commentary(policy.commentary, "c-");
  out["counts"] = counts(pe ? pe->counts : GradeCounts{}, "policy-grades", ui("chart.policy_title", {{"policy", policy.name.in(lang())}}));
  out["costs"] = pe ? json(Object(1)("total", format_decimal(pe->costs.total))) : json(nullptr);
  return out;
}

json PlanContext::year_row(const model::Policy& policy, const model::Indicator& ind, int year) {
  const model::IndicatorYear& y = ind.years.at(year);
  const auto* ir = result_of(policy, ind);
  return Object(8)("year", year_json(year, lang()))("target", text_.value(y.target))(
      "revised_target", text_.value(y.revised_target))("actual", text_.value(y.actual))("note", text_.text(y.note))(
      "reason", text_.text(y.reason))("evaluated", year == evaluation_.year)(
      "result", result(evaluate::evaluate_indicator(plan_, ind, year), ir ? ir->rule : ind.rule));
}

json PlanContext::chart_for(const model::Policy& policy, const model::Indicator& ind) {
  chart::Trend trend;
  trend.id = "trend-" + ind.id;
  trend.actual_name = ui("chart.actual");
  trend.target_name = ui("chart.target");
  trend.baseline_name = ui("chart.baseline");
  const std::string unit = text_.unit(ind.unit);
  std::string described;
  auto point = [&](int year, const model::Value& v, std::vector<chart::Point>& into, const std::string& series) {
    if (!v.is_number()) return;
    into.push_back({year, v.number.to_double(), format_decimal(v.number)});
    described += ui("chart.point", {{"series", series}, {"year", fiscal_year_short(year, lang())},
                                    {"value", format_decimal(v.number)}, {"unit", unit}});
  };
  if (ind.baseline && ind.baseline->value.is_number()) {
    trend.baseline = ind.baseline->value.number.to_double();
    described += ui("chart.baseline_point", {{"value", format_decimal(ind.baseline->value.number)}, {"unit", unit}});
  }
  for (const auto& [year, y] : ind.years) {
    trend.years.push_back(year);
    trend.year_labels.push_back(fiscal_year_short(year, lang()));
    point(year, y.effective_target(), trend.target, trend.target_name);
    point(year, y.actual, trend.actual, trend.actual_name);
  }
  trend.title = ui("chart.trend_title", {{"indicator", ind.name.in(lang())}, {"unit", unit}});
  trend.description = described.empty() ? ui("chart.no_numbers") : described;
  (void)policy;
  const bool drawable = !trend.actual.empty() || !trend.target.empty();
  return drawable ? json(chart::trend(trend)) : json(nullptr);
}

json PlanContext::indicator(const model::Policy& policy, const model::Indicator& ind) {
  json out = Object(evaluated_row(policy, ind), 3);
  json years = json::array();
  for (const auto& [year, values] : ind.years) years.push_back(year_row(policy, ind, year));
  out["years"] = std::move(years);
  out["chart_svg"] = chart_for(policy, ind);
  out["policy"] = policy_summary(policy);
  return out;
}

}  // namespace hyoka::site
