// What a plan says about its years, read off the sample plans: which years
// have results (the site's editions and the workbooks' prior-year columns
// both ask this).
#include <doctest/doctest.h>

#include <filesystem>

#include "model/loader.hpp"

namespace fs = std::filesystem;

namespace {

hyoka::model::Plan sample(const std::string& name) {
  auto loaded = hyoka::model::load_plan(fs::path(HYOKA_SOURCE_DIR) / "content" / name);
  REQUIRE(loaded.plan);
  return *loaded.plan;
}

}  // namespace

TEST_CASE("plan: a year has actuals when any indicator or project step has one") {
  const auto setagaya = sample("setagaya");  // the FY2024 sheet: actuals of 2024 only
  CHECK(setagaya.has_actuals(2024));
  CHECK_FALSE(setagaya.has_actuals(2023));
  CHECK_FALSE(setagaya.has_actuals(2025));
  CHECK_FALSE(sample("suginami").has_actuals(2024));  // targets only, no actuals yet
}

TEST_CASE("plan: the earlier years with actuals lie in the period, before the year, oldest first") {
  const auto setagaya = sample("setagaya");
  CHECK(setagaya.years_with_actuals_before(2024).empty());
  CHECK(setagaya.years_with_actuals_before(2026) == std::vector<int>{2024});
  auto copy = setagaya;
  copy.period_start = 2025;  // 2024 now lies before the period
  CHECK(copy.years_with_actuals_before(2026).empty());
  CHECK(sample("suginami").years_with_actuals_before(2030).empty());
}
