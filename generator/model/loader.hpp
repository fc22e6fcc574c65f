#pragma once
// Reading a plan folder: JSON syntax, the shape of every file (the same rules
// as content/schema/), and the cross-file checks a schema cannot express
// (dangling references, duplicate ids, years outside the period, units).
#include <filesystem>
#include <optional>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/plan.hpp"

namespace hyoka::model {

struct LoadResult {
  std::optional<Plan> plan;  // empty when an error made the plan unusable
  Diagnostics diagnostics;
};

// Loads and validates one plan folder (the one holding plan.json).
LoadResult load_plan(const std::filesystem::path& plan_dir);

// The plan folders under a content folder (sub-folders holding plan.json), sorted.
std::vector<std::filesystem::path> find_plans(const std::filesystem::path& content_dir);

// Problems that are not errors: texts without English, listed per plan.
void check_translations(const Plan& plan, Diagnostics& diagnostics);

}  // namespace hyoka::model
