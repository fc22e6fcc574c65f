#include "model/plan.hpp"

#include <algorithm>

namespace hyoka::model {
namespace {

template <typename Rows>
bool any_actual(const Rows& rows, int year) {
  return std::any_of(rows.begin(), rows.end(), [year](const auto& row) {
    auto it = row.years.find(year);
    return it != row.years.end() && it->second.actual.present();
  });
}

template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const char* code(Lang lang) { return lang == Lang::ja ? "ja" : "en"; }

const char* code(IndicatorKind kind) { return kind == IndicatorKind::outcome ? "outcome" : "activity"; }

const char* code(Method method) {
  switch (method) {
    case Method::ratio: return "ratio";
    case Method::inverse_ratio: return "inverse_ratio";
    case Method::progress: return "progress";
    case Method::at_least: return "at_least";
    case Method::at_most: return "at_most";
    case Method::maintain: return "maintain";
    case Method::steps: return "steps";
  }
  return "ratio";
}

const Area* Plan::find_area(const std::string& id) const { return find_by_id(areas, id); }
const Policy* Plan::find_policy(const std::string& id) const { return find_by_id(policies, id); }
const Division* Plan::find_division(const std::string& id) const { return find_by_id(divisions, id); }
const Term* Plan::find_term(const std::string& id) const { return find_by_id(glossary, id); }

std::pair<const Policy*, const Project*> Plan::find_project(const std::string& id) const {
  for (const auto& policy : policies)
    if (const Project* project = find_by_id(policy.projects, id)) return {&policy, project};
  return {nullptr, nullptr};
}

bool Plan::has_actuals(int year) const {
  return std::any_of(policies.begin(), policies.end(), [year](const Policy& policy) {
    return any_actual(policy.indicators, year) || any_actual(policy.projects, year);
  });
}

std::vector<int> Plan::years_with_actuals_before(int year) const {
  std::vector<int> years;
  for (int y = period_start; y < year; ++y)
    if (has_actuals(y)) years.push_back(y);
  return years;
}

}  // namespace hyoka::model
