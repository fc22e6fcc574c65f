#pragma once
// A plan's yearly editions. The year being reported is the plan's edition
// at its usual address (ja/setagaya/…); every earlier year that has actuals
// stays published as it was, under a year path (ja/setagaya/2024/…), built
// from the plan as it stood then: the later years' figures left out. Each
// edition says which year it is and links to the latest.
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "site/format.hpp"

namespace hyoka::site {

struct Edition {
  int year = 0;
  std::string route;  // where its pages go inside a language folder: "setagaya", "setagaya/2024"
};

struct PlanEditions {
  Edition latest;
  std::vector<Edition> earlier;  // oldest first
};

// The plan as it stood in `year`: later years' figures removed, and the id
// "<plan>/<year>", which puts its pages under the year path.
model::Plan as_of(const model::Plan& plan, int year);
PlanEditions editions_of(const model::Plan& plan, int year);

// {"year": Year, "latest": bool, "latest_year": Year, "latest_url", "earlier": [{"year": Year, "url"}]}
// for the edition of `year`; urls relative to the language folder.
json edition_json(const PlanEditions& editions, int year, Lang lang);

}  // namespace hyoka::site
