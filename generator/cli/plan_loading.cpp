#include "cli/plan_loading.hpp"

#include <algorithm>
#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include "model/checks.hpp"

namespace hyoka::cli {

void for_each_on_cores(std::size_t count, const std::function<void(std::size_t)>& task) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    for (std::size_t i; (i = next++) < count;) {
      try {
        task(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        next = count;
      }
    }
  };
  {
    std::vector<std::jthread> threads;
    for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) threads.emplace_back(work);
    work();
  }
  if (error) std::rethrow_exception(error);
}

std::optional<model::Plan> load_and_report(const std::filesystem::path& plan_dir, const LoadOptions& options) {
  auto result = options.parallel ? model::load_plan(plan_dir, for_each_on_cores) : model::load_plan(plan_dir);
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
