#pragma once
// The evaluation as data other tools read: `hyoka evaluate --format json|csv`
// and the site's downloads. The JSON shape is a stable interface (README).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "evaluate/evaluate.hpp"

namespace hyoka::evaluate {

// An exact decimal as a JSON number, printed as written (96.7 stays 96.7, integers stay integers).
nlohmann::ordered_json number_json(const model::Decimal& number);
// A figure as JSON: numbers as numbers, text as its Japanese text, 集計中 / ― as printed, absent as null.
nlohmann::ordered_json value_json(const model::Value& value);
// One item per indicator row and year: id, policy, kind, name, unit, baseline, target, actual, rate, grade, explanation…
nlohmann::ordered_json indicator_json(const model::Plan& plan, const model::Policy& policy, const model::Indicator& indicator,
                                      const std::string& rule, const Result& result);
// {"plan", "year", "indicators": [...], "summary": {...}} for the given years (the evaluated year when
// empty); a row has an item for each of those years it has figures for, and always for the evaluated one.
nlohmann::ordered_json evaluation_json(const PlanEvaluation& evaluation, const std::vector<int>& years = {});
// The same rows as CSV (RFC 4180; cells starting with = + - @ are prefixed with ' so spreadsheets do not run them).
std::string evaluation_csv(const PlanEvaluation& evaluation, const std::vector<int>& years = {}, bool with_bom = false);

}  // namespace hyoka::evaluate
