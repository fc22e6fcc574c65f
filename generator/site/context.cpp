#include "site/context.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "present/grades.hpp"
#include "present/marks.hpp"
#include "present/numbers.hpp"
#include "present/years.hpp"
#include "site/chart.hpp"
#include "site/editions.hpp"
#include "site/routes.hpp"

namespace hyoka::site {

using evaluate::GradeCounts;
using evaluate::Result;

PlanContext::PlanContext(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, Lang lang,
                         const Catalogues& i18n, ContextOptions options)
    : plan_(plan), evaluation_(evaluation), i18n_(i18n), options_(options), text_(plan, lang) {}

// Grades are coloured by their position in their scale, whatever their
// labels (A–D, ◎○△×, S–C): g0 is the best, g3 the worst. A label only a
// rule's own scale has takes its place in that scale.
std::string PlanContext::grade_class(const std::string& label) const {
  auto rank_in = [&](const std::vector<model::Grade>& scale) -> std::string {
    auto it = std::find_if(scale.begin(), scale.end(), [&](const model::Grade& g) { return g.label == label; });
    if (label.empty() || it == scale.end()) return {};
    const auto rank = static_cast<std::size_t>(it - scale.begin());
    const std::size_t last = scale.size() > 1 ? scale.size() - 1 : 1;
    return "g" + std::to_string((rank * 3 + last / 2) / last);
  };
  std::string cls = rank_in(plan_.evaluation.scale);
  for (auto rule = plan_.evaluation.rules.begin(); cls.empty() && rule != plan_.evaluation.rules.end(); ++rule)
    if (rule->second.scale) cls = rank_in(*rule->second.scale);
  return cls.empty() ? "none" : cls;
}

std::string PlanContext::meaning(const std::string& label) const {
  return present::grade_meaning(plan_.evaluation, label, lang());
}

json PlanContext::grade(const std::string& label) const {
  return Object()("label", label)("class", grade_class(label))("meaning", meaning(label))("on_track", on_track(label));
}

bool PlanContext::on_track(const std::string& label) const {
  const auto& labels = plan_.evaluation.on_track;
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

json PlanContext::counts(const GradeCounts& counts, const std::string& chart_id, const std::string& title, bool link_lists) {
  json grades = json::array();
  chart::Distribution bar{chart_id, title, "", {}};
  std::string described;
  for (const auto& [label, n] : counts.by_grade) {
    const std::string cls = grade_class(label), words = meaning(label);
    const bool listed = link_lists && n > 0;
    grades.push_back(Object()("label", label)("count", n)("count_text", ui(n == 1 ? "common.item_one" : "common.items", {{"n", n}}))(
        "class", cls)("meaning", words)("on_track", on_track(label))(
        "url", listed ? json(routes::grade_list(plan_.id, label)) : json(nullptr)));
    bar.segments.push_back({label, n, cls});
    described += (described.empty() ? "" : ui("chart.list_separator")) +
                 ui("chart.grade_count", {{"grade", words.empty() ? label : label + " " + words}, {"n", n}});
  }
  bar.description = counts.graded ? described : ui("chart.no_grades");
  return Object()("by_grade", std::move(grades))("graded", counts.graded)("on_track", counts.on_track)(
      "pending", counts.pending)("ungraded", counts.ungraded)("total", counts.total)(
      "on_track_share", counts.on_track_share ? json(present::percent(*counts.on_track_share)) : json(nullptr))(
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
    areas.push_back(Object()("id", area.id)("number", number(area.number))("name", text_.text(area.name))(
        "vision", text_.text(area.vision))("url", routes::area(id, area.id))("list_url", routes::area_list(id, area.id))(
        "policies", std::move(policies))(
        "counts", counts(it == evaluation_.by_area.end() ? GradeCounts{} : it->second, "area-" + area.id + "-grades",
                         ui("chart.area_title", {{"area", area.name.in(lang())}}))));
  }
  std::size_t project_count = 0;
  for (const auto& policy : plan_.policies) project_count += policy.projects.size();
  json links = Object()("home", routes::plan_home(id))("glossary", routes::glossary(id))("how_to_read", routes::how_to_read(id))(
      "search", routes::search(id))("downloads", routes::downloads(id))("council", routes::council(id))(
      "booklet", options_.pdf ? json(routes::booklet_pdf(id)) : json(nullptr));
  json licence = nullptr;
  if (plan_.licence)
    licence = Object()("name", text_.text(plan_.licence->name))("url", plan_.licence->url.empty() ? json(nullptr) : json(plan_.licence->url));
  return Object()("id", id)("city", text_.text(plan_.city))("name", text_.text(plan_.name))(
      "description", text_.text(plan_.description))("source", text_.text(plan_.source))(
      "period", Object()("start", year_json(plan_.period_start, lang()))("end", year_json(plan_.period_end, lang())))(
      "year", year_json(evaluation_.year, lang()))("report_date", plan_.report_date)(
      "report_date_text", present::date(plan_.report_date, lang()))("publisher", text_.text(plan_.publisher))(
      "licence", std::move(licence))("has_actuals", plan_.has_actuals(evaluation_.year))(
      "currency_unit", text_.text(plan_.currency_unit))("url", routes::plan_home(id))("links", std::move(links))(
      "counts", counts(evaluation_.counts, "plan-" + id + "-grades", ui("chart.plan_title", {{"plan", plan_.name.in(lang())}}), true))(
      "scale", scale())("policy_count", plan_.policies.size())("project_count", project_count)(
      "costs", Object()("total", present::grouped(evaluation_.costs.total)))(
      "edition", options_.editions ? edition_json(*options_.editions, evaluation_.year, lang()) : json(nullptr))(
      "areas", std::move(areas));
}

json PlanContext::scale() {
  json out = json::array();
  const auto& scale = plan_.evaluation.scale;
  for (std::size_t i = 0; i < scale.size(); ++i)
    out.push_back(Object()("label", scale[i].label)("class", grade_class(scale[i].label))("on_track", on_track(scale[i].label))(
        "condition", present::grade_condition(scale, i, lang()))("meaning", meaning(scale[i].label))(
        "description", text_.text(scale[i].description)));
  return out;
}

json PlanContext::area(const model::Area& area) {
  for (const auto& a : plan_summary()["areas"])
    if (a["id"] == area.id) return a;
  return nullptr;
}

json PlanContext::make_policy_summary(const model::Policy& policy) {
  json grades = json::array();
  const auto* pe = evaluation_.find(policy.id);
  if (pe)
    for (const auto& r : pe->indicators)
      if (!r.result.grade.empty()) grades.push_back(grade(r.result.grade));
  const model::Area* area = plan_.find_area(policy.area);
  return Object()("id", policy.id)("number", number(policy.number))("name", text_.text(policy.name))(
      "group", text_.text(policy.group))(
      "area", Object()("id", policy.area)("name", area ? text_.text(area->name) : json(nullptr))(
                  "url", routes::area(plan_.id, policy.area)))(
      "url", routes::policy(plan_.id, policy.id))(
      "sheet_pdf", options_.pdf ? json(routes::sheet_pdf(plan_.id, policy.id)) : json(nullptr))(
      "grades", std::move(grades))("indicator_count", policy.indicators.size())(
      "project_count", policy.projects.size())("changes", changes(policy));
}

json PlanContext::result(const Result& r, const std::string& rule) {
  return Object()("year", r.year)("status", evaluate::code(r.status))(
      "rate", r.rate ? json(present::grouped(*r.rate)) : json(nullptr))("rate_text", present::percent_or_dash(r.rate, lang()))(
      "met", r.met ? json(*r.met) : json(nullptr))(
      "grade", r.grade)("class", grade_class(r.grade))("meaning", meaning(r.grade))("on_track", on_track(r.grade))(
      "explanation", text_.text(r.explanation))("rule", rule);
}

json PlanContext::indicator_row(const evaluate::IndicatorResult& row) {
  const model::Policy& policy = *row.policy;
  const model::Indicator& ind = *row.indicator;
  const auto year_it = ind.years.find(evaluation_.year);
  const model::IndicatorYear empty;
  const model::IndicatorYear& y = year_it == ind.years.end() ? empty : year_it->second;
  json baseline = nullptr;
  if (ind.baseline)
    baseline = Object()("value", text_.value(ind.baseline->value, ind.unit))(
        "year", ind.baseline->year ? year_json(*ind.baseline->year, lang()) : json(nullptr))(
        "label", text_.text(ind.baseline->label));
  json project = nullptr;
  if (auto [owner, p] = plan_.find_project(ind.project); p)
    project = Object()("id", p->id)("number", p->number)("name", text_.text(p->name))(
        "url", routes::project(plan_.id, p->id));
  return Object()("id", ind.id)("number", number(ind.number))("kind", model::code(ind.kind))("name", text_.text(ind.name))(
      "description", text_.text(ind.description))("source", text_.text(ind.source))(
      "reference", text_.text(ind.reference))("note", text_.text(ind.note))("unit", text_.unit(ind.unit))(
      "url", routes::indicator(plan_.id, policy.id, ind.id))("project", project)("baseline", baseline)(
      "target", text_.value(y.target, ind.unit))("revised_target", text_.value(y.revised_target, ind.unit))(
      "actual", text_.value(y.actual, ind.unit))("year_note", text_.text(y.note))("reason", text_.text(y.reason))(
      "result", result(row.result, row.rule))("change", change(row.change));
}

const evaluate::IndicatorResult& PlanContext::evaluated(const model::Indicator& ind) const {
  const auto* row = evaluation_.find(ind);
  if (!row) throw std::logic_error("indicator " + ind.id + " was not evaluated with its plan");
  return *row;
}

const json& PlanContext::evaluated_row(const model::Indicator& ind) {
  auto it = rows_.find(&ind);
  if (it == rows_.end()) it = rows_.emplace(&ind, indicator_row(evaluated(ind))).first;
  return it->second;
}

json PlanContext::divisions(const std::vector<std::string>& ids) {
  json out = json::array();
  for (const auto& id : ids) {
    const model::Division* d = plan_.find_division(id);
    if (!d) continue;
    out.push_back(Object()("id", d->id)("name", text_.text(d->name))("department", text_.text(d->department))(
        "phone", d->phone));
  }
  return out;
}

namespace {

// "※１" and "※1" are the same mark: the sources print both widths.
std::string narrow_digits(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // U+FF10–U+FF19 (０–９) are EF BC 90–99 in UTF-8.
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBC &&
        static_cast<unsigned char>(text[i + 2]) >= 0x90 && static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + static_cast<unsigned char>(text[i + 2]) - 0x90);
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Whether `mark` (※2) stands in `text` as itself, not as the start of a longer one (※21).
bool mentions(const std::string& text, const std::string& mark) {
  for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at + 1)) {
    const std::size_t end = at + mark.size();
    if (end >= text.size() || text[end] < '0' || text[end] > '9') return true;
  }
  return false;
}

// The page's texts that can hold a footnote mark (※1, *1): what footnotes()
// searches, without serialising the whole page.
void collect_marked(const json& value, std::string& out) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text.find("※") != std::string::npos || text.find('*') != std::string::npos) out += text + "\n";
  } else if (value.is_structured()) {
    for (const auto& item : value) collect_marked(item, out);
  }
}

}  // namespace

json PlanContext::footnotes_on(const model::Policy& policy, const json& page, const std::string& project_id) {
  std::string text;
  collect_marked(page, text);
  return text.empty() ? json::array() : footnotes(policy, text, project_id);
}

std::string PlanContext::number(const std::string& printed) const {
  return lang() == Lang::en ? present::english_punctuation(printed) : printed;
}

json PlanContext::footnotes(const model::Policy& policy, const std::string& page_text, const std::string& project_id) {
  json out = json::array();
  const std::string text = narrow_digits(page_text);
  auto add = [&](const model::Footnote& note, const model::Project* project) {
    const model::Term* term = plan_.find_term(note.term);
    if (!term || (!page_text.empty() && !mentions(text, narrow_digits(note.mark)))) return;
    out.push_back(Object()("mark", note.mark)("project", project && !project->number.empty() ? json(number(project->number)) : json(nullptr))(
        "term", text_.text(term->term))("definition", text_.text(term->definition))(
        "url", routes::glossary(plan_.id) + "#" + routes::term_anchor(term->id)));
  };
  for (const auto& note : policy.footnotes) add(note, nullptr);
  // A project numbers its own notes: on the policy page every project's, each
  // with the project's number; on a project's or indicator's page its project's.
  for (const auto& project : policy.projects)
    if (page_text.empty() || project.id == project_id)
      for (const auto& note : project.footnotes) add(note, page_text.empty() ? &project : nullptr);
  return out;
}

json PlanContext::policy(const model::Policy& policy) {
  Object out(policy_summary(policy));
  json rows = json::array(), reasons = json::array(), projects = json::array();
  for (const auto& ind : policy.indicators) {
    json row = evaluated_row(ind);
    if (!row["reason"].is_null())
      reasons.push_back(Object()("number", row["number"])("name", row["name"])("grade", row["result"]["grade"])(
          "class", row["result"]["class"])("meaning", row["result"]["meaning"])("reason", row["reason"])("url", row["url"]));
    rows.push_back(std::move(row));
  }
  for (const auto& project : policy.projects) {
    const auto year = project.years.find(evaluation_.year);
    projects.push_back(Object(project_summary(project))(
        "step", year == project.years.end() ? json(nullptr) : project_year(project, year->first, year->second)));
  }
  const auto* pe = evaluation_.find(policy.id);
  return std::move(out)("target_state", text_.text(policy.target_state))("page_ref", policy.page_ref)(
      "divisions", divisions(policy.divisions))("indicators", std::move(rows))("reasons", std::move(reasons))(
      "projects", std::move(projects))("footnotes", footnotes(policy))("commentary", text_.commentary(policy.commentary, "c-"))(
      "counts", counts(pe ? pe->counts : GradeCounts{}, "policy-grades", ui("chart.policy_title", {{"policy", policy.name.in(lang())}})))(
      "costs", pe ? json(Object()("total", present::grouped(pe->costs.total))) : json(nullptr));
}

json PlanContext::year_row(const evaluate::IndicatorResult& row, int year) {
  const model::Indicator& ind = *row.indicator;
  const model::IndicatorYear& y = ind.years.at(year);
  return Object()("year", year_json(year, lang()))("target", text_.value(y.target, ind.unit))(
      "revised_target", text_.value(y.revised_target, ind.unit))("actual", text_.value(y.actual, ind.unit))(
      "note", text_.text(y.note))("reason", text_.text(y.reason))("evaluated", year == evaluation_.year)(
      "result", result(*row.in(year), row.rule));
}

json PlanContext::chart_for(const model::Indicator& ind) {
  chart::Trend trend;
  trend.id = "trend-" + ind.id;
  trend.actual_name = ui("chart.actual");
  trend.target_name = ui("chart.target");
  trend.baseline_name = ui("chart.baseline");
  const std::string unit = text_.unit(ind.unit);
  std::string described;
  auto point = [&](int year, const model::Value& v, std::vector<chart::Point>& into, const std::string& series) {
    if (!v.is_number()) return;
    into.push_back({year, v.number.to_double(), present::grouped(v.number)});
    described += ui("chart.point", {{"series", series}, {"year", present::fiscal_year_short(year, lang())},
                                    {"value", present::grouped(v.number)}, {"unit", unit}});
  };
  if (ind.baseline && ind.baseline->value.is_number()) {
    trend.baseline = ind.baseline->value.number.to_double();
    described += ui("chart.baseline_point", {{"value", present::grouped(ind.baseline->value.number)}, {"unit", unit}});
  }
  for (const auto& [year, y] : ind.years) {
    trend.years.push_back(year);
    trend.year_labels.push_back(present::fiscal_year_short(year, lang()));
    point(year, y.effective_target(), trend.target, trend.target_name);
    point(year, y.actual, trend.actual, trend.actual_name);
  }
  trend.title = ui("chart.trend_title", {{"indicator", ind.name.in(lang())}, {"unit", unit}});
  trend.description = described.empty() ? ui("chart.no_numbers") : described;
  if (!unit.empty()) trend.unit_label = ui("chart.unit", {{"unit", unit}});
  // A line needs two years: one year's figures are shown as figures (the
  // indicator page's key figures), not as a chart of one point.
  std::set<int> years_with_numbers;
  for (const auto* series : {&trend.actual, &trend.target})
    for (const auto& p : *series) years_with_numbers.insert(p.year);
  return years_with_numbers.size() >= 2 ? json(chart::trend(trend)) : json(nullptr);
}

json PlanContext::indicator(const model::Policy& policy, const model::Indicator& ind) {
  const evaluate::IndicatorResult& row = evaluated(ind);
  json years = json::array();
  for (const auto& [year, values] : ind.years) years.push_back(year_row(row, year));
  json out = Object(evaluated_row(ind))("years", std::move(years))("chart_svg", chart_for(ind))("policy", policy_summary(policy));
  out["footnotes"] = footnotes_on(policy, out, ind.project);
  return out;
}

}  // namespace hyoka::site
