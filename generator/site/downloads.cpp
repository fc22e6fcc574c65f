#include "site/downloads.hpp"

#include <nlohmann/json.hpp>

#include "evaluate/report.hpp"
#include "present/figures.hpp"
#include "present/grades.hpp"
#include "present/csv.hpp"
#include "site/format.hpp"

namespace hyoka::site {
namespace {

using model::Lang;
using model::Value;

// A figure for spreadsheets: the words a page shows, with plain digits (no
// separators, no unit: it has its own column) so that a number stays a number.
std::string cell(const model::Plan& plan, const Value& v, Lang lang) { return present::figure(plan, v, "", lang).plain; }

std::string division_names(const model::Plan& plan, const std::vector<std::string>& ids, Lang lang) {
  std::string out;
  for (const auto& id : ids)
    if (const auto* d = plan.find_division(id)) out += (out.empty() ? "" : " / ") + d->name.in(lang);
  return out;
}

std::string h(const Catalogues& i18n, Lang lang, const std::string& key, int year = 0) {
  return i18n.get(lang, "csv." + key, {{"year", std::to_string(year)}});
}

const evaluate::Result* result_of(const evaluate::PlanEvaluation& ev, const model::Indicator& ind) {
  const auto* row = ev.find(ind);
  return row ? &row->result : nullptr;
}

// 達成状況評価の理由 of the evaluated year: what the council reads next to a C or D.
std::string reason_of(const model::Indicator& ind, int year, Lang lang) {
  const auto it = ind.years.find(year);
  return it != ind.years.end() && it->second.reason ? it->second.reason->in(lang) : std::string();
}

json value_json(const Value& v, Lang lang) {
  switch (v.kind) {
    case Value::Kind::absent: return nullptr;
    case Value::Kind::number:
      if (v.bound == model::Bound::none) return Object()("value", evaluate::number_json(v.number));
      return Object()("value", evaluate::number_json(v.number))(
          "bound", v.bound == model::Bound::at_least ? "at_least" : "at_most");
    case Value::Kind::text: return Object()("text", v.text.in(lang));
    case Value::Kind::pending: return Object()("pending", true);
    case Value::Kind::none: return Object()("none", true);
  }
  return nullptr;
}

}  // namespace

std::string indicators_csv(const model::Plan& plan, const evaluate::PlanEvaluation& ev, Lang lang, const Catalogues& i18n) {
  present::csv::Row header{h(i18n, lang, "policy_number"), h(i18n, lang, "policy_name"), h(i18n, lang, "indicator_id"),
                  h(i18n, lang, "kind"), h(i18n, lang, "number"), h(i18n, lang, "indicator_name"), h(i18n, lang, "unit"),
                  h(i18n, lang, "baseline"), h(i18n, lang, "baseline_year")};
  for (int y = plan.period_start; y <= plan.period_end; ++y)
    for (const char* key : {"target", "revised_target", "actual"}) header.push_back(h(i18n, lang, key, y));
  for (const char* key : {"rate", "grade", "meaning", "explanation", "reason"}) header.push_back(h(i18n, lang, key, ev.year));
  header.push_back(h(i18n, lang, "divisions"));
  std::vector<present::csv::Row> rows;
  for (const auto& policy : plan.policies)
    for (const auto& ind : policy.indicators) {
      present::csv::Row r{policy.number, policy.name.in(lang), ind.id, i18n.get(lang, std::string("kind.") + model::code(ind.kind)),
                 ind.number, ind.name.in(lang), present::unit_name(plan, ind.unit, lang),
                 ind.baseline ? cell(plan, ind.baseline->value, lang) : "",
                 ind.baseline && ind.baseline->year ? std::to_string(*ind.baseline->year) : ""};
      for (int y = plan.period_start; y <= plan.period_end; ++y) {
        const auto it = ind.years.find(y);
        const model::IndicatorYear none;
        const auto& iy = it == ind.years.end() ? none : it->second;
        for (const Value* v : {&iy.target, &iy.revised_target, &iy.actual}) r.push_back(cell(plan, *v, lang));
      }
      const evaluate::Result* res = result_of(ev, ind);
      r.push_back(res && res->rate ? res->rate->to_string() : "");
      r.push_back(res ? res->grade : "");
      r.push_back(res ? present::grade_meaning(plan.evaluation, res->grade, lang) : "");
      r.push_back(res ? res->explanation.in(lang) : "");
      r.push_back(reason_of(ind, ev.year, lang));
      r.push_back(division_names(plan, policy.divisions, lang));
      rows.push_back(std::move(r));
    }
  return present::csv::document(header, rows);
}

std::string projects_csv(const model::Plan& plan, const evaluate::PlanEvaluation&, Lang lang, const Catalogues& i18n) {
  const std::string currency = plan.currency_unit ? plan.currency_unit->in(lang) : "";
  present::csv::Row header{h(i18n, lang, "policy_number"), h(i18n, lang, "policy_name"), h(i18n, lang, "project_id"),
                  h(i18n, lang, "number"), h(i18n, lang, "project_name"), h(i18n, lang, "priority"),
                  h(i18n, lang, "cross_listed"), h(i18n, lang, "divisions"), h(i18n, lang, "unit")};
  for (int y = plan.period_start; y <= plan.period_end; ++y)
    for (const char* key : {"plan", "step_actual", "cost"}) header.push_back(h(i18n, lang, key, y));
  header.push_back(h(i18n, lang, "cost_total"));
  header.push_back(h(i18n, lang, "cost_unit"));
  std::vector<present::csv::Row> rows;
  for (const auto& policy : plan.policies)
    for (const auto& p : policy.projects) {
      std::string listed;
      if (p.cross_listed) {
        const auto [owner, target] = plan.find_project(p.cross_listed->project);
        listed = target ? target->id : (p.cross_listed->external ? p.cross_listed->external->in(lang) : "");
      }
      present::csv::Row r{policy.number, policy.name.in(lang), p.id, p.number, p.name.in(lang), p.priority ? "1" : "0",
                 listed, division_names(plan, p.divisions, lang), present::unit_name(plan, p.unit, lang)};
      for (int y = plan.period_start; y <= plan.period_end; ++y) {
        const auto it = p.years.find(y);
        const model::ProjectYear none;
        const auto& py = it == p.years.end() ? none : it->second;
        for (const Value* v : {&py.plan, &py.actual, &py.cost}) r.push_back(cell(plan, *v, lang));
      }
      r.push_back(p.cost_total ? p.cost_total->to_string() : "");
      r.push_back(currency);
      rows.push_back(std::move(r));
    }
  return present::csv::document(header, rows);
}

std::string data_json(const model::Plan& plan, const evaluate::PlanEvaluation& ev, Lang lang) {
  json indicators = json::array(), projects = json::array();
  for (const auto& policy : plan.policies) {
    for (const auto& ind : policy.indicators) {
      Object years;
      for (const auto& [y, iy] : ind.years)
        years.add(std::to_string(y), Object()("target", value_json(iy.target, lang))(
                                         "revised_target", value_json(iy.revised_target, lang))(
                                         "actual", value_json(iy.actual, lang))(
                                         "reason", iy.reason ? json(iy.reason->in(lang)) : json(nullptr)));
      const evaluate::Result* res = result_of(ev, ind);
      indicators.push_back(Object()("policy", policy.id)("id", ind.id)("kind", model::code(ind.kind))(
          "number", ind.number)("name", ind.name.in(lang))("unit", present::unit_name(plan, ind.unit, lang))(
          "baseline", ind.baseline ? value_json(ind.baseline->value, lang) : json(nullptr))(
          "baseline_year", ind.baseline && ind.baseline->year ? json(*ind.baseline->year) : json(nullptr))(
          "years", std::move(years))(
          "result", res ? json(Object()("year", res->year)("status", evaluate::code(res->status))(
                              "rate", res->rate ? evaluate::number_json(*res->rate) : json(nullptr))(
                              "grade", res->grade)("meaning", present::grade_meaning(plan.evaluation, res->grade, lang))(
                              "explanation", res->explanation.in(lang))("reason", reason_of(ind, res->year, lang).empty() ? json(nullptr) : json(reason_of(ind, res->year, lang))))
                        : json(nullptr))("divisions", policy.divisions));
    }
    for (const auto& p : policy.projects) {
      Object years;
      for (const auto& [y, py] : p.years)
        years.add(std::to_string(y), Object()("plan", value_json(py.plan, lang))("actual", value_json(py.actual, lang))(
                                         "cost", value_json(py.cost, lang)));
      projects.push_back(Object()("policy", policy.id)("id", p.id)("number", p.number)("name", p.name.in(lang))(
          "priority", p.priority)("divisions", p.divisions)("unit", present::unit_name(plan, p.unit, lang))("years", std::move(years))(
          "cost_total", p.cost_total ? evaluate::number_json(*p.cost_total) : json(nullptr)));
    }
  }
  const json out = Object()(
      "plan", Object()("id", plan.id)("city", plan.city.in(lang))("name", plan.name.in(lang))(
                  "period", json::array({plan.period_start, plan.period_end}))("evaluation_year", ev.year)(
                  "currency_unit", plan.currency_unit ? json(plan.currency_unit->in(lang)) : json(nullptr)))(
      "indicators", std::move(indicators))("projects", std::move(projects));
  return out.dump() + "\n";
}

}  // namespace hyoka::site
