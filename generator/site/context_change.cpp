// The change since last year, for the policy pages and dashboards (issue 14).
#include "site/context.hpp"

namespace hyoka::site {

// {"code": "improved" | "worse" | "same", "text": "改善"} or null when there is no earlier actual to compare.
json PlanContext::change(const std::optional<evaluate::Change>& change) {
  if (!change) return nullptr;
  const std::string code = evaluate::code(*change);
  return Object()("code", code)("text", ui("change." + code));
}

// {"improved": n, "worse": n, "same": n, "text": "改善2・悪化1・横ばい0"}, or null when no row compares.
json PlanContext::changes(const model::Policy& policy) {
  int counts[3] = {0, 0, 0};
  bool any = false;
  for (const auto& indicator : policy.indicators) {
    if (const auto& change = evaluated(indicator).change) {
      ++counts[static_cast<int>(*change)];
      any = true;
    }
  }
  if (!any) return nullptr;
  // Counted in the order of evaluate::Change: improved, worse, same.
  return Object()("improved", counts[0])("worse", counts[1])("same", counts[2])(
      "text", ui("change.counts", {{"improved", counts[0]}, {"worse", counts[1]}, {"same", counts[2]}}));
}

}  // namespace hyoka::site
