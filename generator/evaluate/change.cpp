#include "evaluate/change.hpp"

#include <algorithm>

#include "evaluate/evaluate.hpp"

namespace hyoka::evaluate {
namespace {

const model::Value* actual_in(const model::Indicator& indicator, int year) {
  auto it = indicator.years.find(year);
  return it == indicator.years.end() ? nullptr : &it->second.actual;
}

bool lower_is_better(const model::Rule& rule, const model::Indicator& indicator, int year) {
  if (rule.method == model::Method::inverse_ratio || rule.method == model::Method::at_most) return true;
  auto it = indicator.years.find(year);
  return it != indicator.years.end() && it->second.effective_target().bound == model::Bound::at_most;
}

// -1, 0, 1: how `now` compares with `before`; nullopt when they cannot be compared.
std::optional<int> compared(const model::Value& now, const model::Value& before, const model::Rule& rule) {
  if (now.is_number() && before.is_number()) return model::compare(now.number, before.number);
  if (now.kind != model::Value::Kind::text || before.kind != model::Value::Kind::text) return std::nullopt;
  const auto& order = rule.order;
  auto a = std::find(order.begin(), order.end(), now.text.ja), b = std::find(order.begin(), order.end(), before.text.ja);
  if (a == order.end() || b == order.end()) return std::nullopt;
  return a < b ? -1 : a > b ? 1 : 0;
}

}  // namespace

const char* code(Change change) {
  switch (change) {
    case Change::improved: return "improved";
    case Change::worse: return "worse";
    case Change::same: return "same";
  }
  return "same";
}

std::optional<Change> change_since_last_year(const model::Plan& plan, const model::Indicator& indicator, int year) {
  const model::Value* now = actual_in(indicator, year);
  const model::Value* before = actual_in(indicator, year - 1);
  if (!now || !before) return std::nullopt;
  const model::Rule& rule = rule_for(plan, indicator.rule);
  auto order = compared(*now, *before, rule);
  if (!order) return std::nullopt;
  if (*order == 0) return Change::same;
  return (*order > 0) != lower_is_better(rule, indicator, year) ? Change::improved : Change::worse;
}

}  // namespace hyoka::evaluate
