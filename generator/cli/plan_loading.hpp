#pragma once
// Loading plans for a command: prints every diagnostic to stderr and says
// whether the command may go on.
#include <filesystem>
#include <optional>
#include <vector>

#include "model/loader.hpp"

namespace hyoka::cli {

struct LoadOptions {
  bool warn_translations = false;  // list texts without English
  int year = 0;                    // --year override (0: the plan's)
};

// Prints diagnostics; returns the plan, or nullopt if it had errors.
std::optional<model::Plan> load_and_report(const std::filesystem::path& plan_dir, const LoadOptions& options);
// Checks --year against the plan; prints and returns false if it is outside the period.
bool year_in_period(const model::Plan& plan, int year);

}  // namespace hyoka::cli
