#include "cli/plan_loading.hpp"

#include <iostream>

#include "model/checks.hpp"

namespace hyoka::cli {

std::optional<model::Plan> load_and_report(const std::filesystem::path& plan_dir, const LoadOptions& options) {
  auto result = model::load_plan(plan_dir);
  if (result.plan && options.warn_translations) model::check_translations(*result.plan, result.diagnostics);
  for (const auto& diagnostic : result.diagnostics.items()) std::cerr << model::format(diagnostic) << "\n";
  if (!result.plan) return std::nullopt;
  if (options.year && !year_in_period(*result.plan, options.year)) return std::nullopt;
  return std::move(result.plan);
}

bool year_in_period(const model::Plan& plan, int year) {
  if (year >= plan.period_start && year <= plan.period_end) return true;
  std::cerr << (plan.root / "plan.json").string() << ": error: --year " << year << " is outside the plan period "
            << plan.period_start << "–" << plan.period_end << " (fix: choose a year inside the period)\n";
  return false;
}

}  // namespace hyoka::cli
