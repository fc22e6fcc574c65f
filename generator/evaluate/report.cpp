#include "evaluate/report.hpp"

#include "present/escape.hpp"
#include "present/figures.hpp"

namespace hyoka::evaluate {

using Json = nlohmann::ordered_json;

Json number_json(const Decimal& number) {
  if (number.scale == 0) return number.units;
  return number.to_double();  // nlohmann prints the shortest form, so 96.7 stays 96.7
}

namespace {

Json text_json(const model::Text& text) {
  Json json{{"ja", text.ja}};
  json["en"] = text.en ? Json(*text.en) : Json(nullptr);
  return json;
}

Json optional_text(const std::optional<model::Text>& text) { return text ? text_json(*text) : Json(nullptr); }

std::vector<int> years_or_evaluated(const PlanEvaluation& evaluation, const std::vector<int>& years) {
  return years.empty() ? std::vector<int>{evaluation.year} : years;
}

Json counts_json(const GradeCounts& counts) {
  Json by_grade = Json::object();
  for (const auto& [label, n] : counts.by_grade) by_grade[label] = n;
  return Json{{"by_grade", by_grade},   {"graded", counts.graded},   {"on_track", counts.on_track},
              {"pending", counts.pending}, {"ungraded", counts.ungraded}, {"total", counts.total},
              {"on_track_share", counts.on_track_share ? number_json(*counts.on_track_share) : Json(nullptr)}};
}

std::string cell_of(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

}  // namespace

Json value_json(const model::Value& value) {
  switch (value.kind) {
    case model::Value::Kind::number: return number_json(value.number);
    case model::Value::Kind::text: return value.text.ja;
    case model::Value::Kind::pending: return present::pending(model::Lang::ja);
    case model::Value::Kind::none: return present::not_set();
    case model::Value::Kind::absent: break;
  }
  return nullptr;
}

Json indicator_json(const model::Plan& plan, const model::Policy& policy, const model::Indicator& indicator, const std::string& rule,
                    const Result& result) {
  auto year = indicator.years.find(result.year);
  const model::IndicatorYear* values = year == indicator.years.end() ? nullptr : &year->second;
  Json json;
  json["id"] = indicator.id;
  json["policy"] = policy.id;
  json["year"] = result.year;
  json["kind"] = model::code(indicator.kind);
  json["number"] = indicator.number;
  json["name"] = text_json(indicator.name);
  json["unit"] = indicator.unit;
  json["unit_en"] = present::unit_name(plan, indicator.unit, model::Lang::en);
  json["baseline"] = indicator.baseline ? value_json(indicator.baseline->value) : Json(nullptr);
  json["baseline_year"] = indicator.baseline && indicator.baseline->year ? Json(*indicator.baseline->year) : Json(nullptr);
  json["target"] = values ? value_json(values->target) : Json(nullptr);
  json["revised_target"] = values ? value_json(values->revised_target) : Json(nullptr);
  json["actual"] = values ? value_json(values->actual) : Json(nullptr);
  json["rule"] = rule;
  json["status"] = code(result.status);
  json["rate"] = result.rate ? number_json(*result.rate) : Json(nullptr);
  json["met"] = result.met ? Json(*result.met) : Json(nullptr);
  json["grade"] = result.grade.empty() ? Json(nullptr) : Json(result.grade);
  json["explanation"] = text_json(result.explanation);
  json["reason"] = values ? optional_text(values->reason) : Json(nullptr);
  return json;
}

Json evaluation_json(const PlanEvaluation& evaluation, const std::vector<int>& years) {
  const auto& plan = *evaluation.plan;
  Json items = Json::array();
  for (int year : years_or_evaluated(evaluation, years))
    for (const auto& policy : evaluation.policies)
      for (const auto& row : policy.indicators)
        if (const Result* result = row.in(year)) items.push_back(indicator_json(plan, *row.policy, *row.indicator, row.rule, *result));
  Json areas = Json::object();
  for (const auto& [area, counts] : evaluation.by_area) areas[area] = counts_json(counts);
  return Json{{"plan", plan.id}, {"year", evaluation.year}, {"indicators", items},
              {"summary", Json{{"plan", counts_json(evaluation.counts)}, {"areas", areas}}}};
}

std::string evaluation_csv(const PlanEvaluation& evaluation, const std::vector<int>& years, bool with_bom) {
  static const char* columns[] = {"policy", "id", "year", "kind", "number", "name_ja", "name_en", "unit", "baseline", "target",
                                  "revised_target", "actual", "rule", "status", "rate", "grade", "explanation_ja", "explanation_en"};
  std::string csv = with_bom ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < std::size(columns); ++i) {
    if (i) csv += ',';
    csv += columns[i];
  }
  csv += "\r\n";
  const Json document = evaluation_json(evaluation, years);
  for (const auto& item : document["indicators"]) {
    const Json cells[] = {item["policy"],   item["id"],     item["year"],           item["kind"],   item["number"],
                          item["name"]["ja"], item["name"]["en"], item["unit"],      item["baseline"], item["target"],
                          item["revised_target"], item["actual"], item["rule"],      item["status"], item["rate"],
                          item["grade"],    item["explanation"]["ja"], item["explanation"]["en"]};
    for (std::size_t i = 0; i < std::size(cells); ++i) {
      if (i) csv += ',';
      csv += present::csv_cell(cell_of(cells[i]));
    }
    csv += "\r\n";
  }
  return csv;
}

}  // namespace hyoka::evaluate
