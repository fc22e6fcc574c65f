#include "site/editions.hpp"

#include "site/routes.hpp"

namespace hyoka::site {
namespace {

template <typename Years>
void drop_after(Years& years, int year) {
  years.erase(years.upper_bound(year), years.end());
}

std::string route_of(const model::Plan& plan, int year) { return plan.id + "/" + std::to_string(year); }

}  // namespace

model::Plan as_of(const model::Plan& plan, int year) {
  model::Plan copy = plan;
  copy.id = route_of(plan, year);
  copy.evaluation_year = year;
  for (auto& policy : copy.policies) {
    for (auto& indicator : policy.indicators) drop_after(indicator.years, year);
    for (auto& project : policy.projects) drop_after(project.years, year);
  }
  return copy;
}

PlanEditions editions_of(const model::Plan& plan, int year) {
  PlanEditions editions{{year, plan.id}, {}};
  for (int y : plan.years_with_actuals_before(year)) editions.earlier.push_back({y, route_of(plan, y)});
  return editions;
}

json edition_json(const PlanEditions& editions, int year, Lang lang) {
  json earlier = json::array();
  for (const auto& e : editions.earlier)
    earlier.push_back(Object()("year", year_json(e.year, lang))("url", routes::plan_home(e.route)));
  return Object()("year", year_json(year, lang))("latest", year == editions.latest.year)(
      "latest_year", year_json(editions.latest.year, lang))("latest_url", routes::plan_home(editions.latest.route))(
      "earlier", std::move(earlier));
}

}  // namespace hyoka::site
