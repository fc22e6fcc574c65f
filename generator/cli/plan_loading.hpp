#pragma once
// Loading plans for a command: prints every diagnostic to stderr and says
// whether the command may go on.
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "model/loader.hpp"

namespace hyoka::cli {

struct LoadOptions {
  bool warn_translations = false;  // list texts without English
  int year = 0;                    // --year override (0: the plan's)
  bool parallel = false;           // read the policy files on every core (large plans)
};

// Runs task(0) … task(count - 1) on every core; the first exception is rethrown.
void for_each_on_cores(std::size_t count, const std::function<void(std::size_t)>& task);

// Prints diagnostics; returns the plan, or nullopt if it had errors.
std::optional<model::Plan> load_and_report(const std::filesystem::path& plan_dir, const LoadOptions& options);
// Checks --year against the plan; prints and returns false if it is outside the period.
bool year_in_period(const model::Plan& plan, int year);

}  // namespace hyoka::cli
