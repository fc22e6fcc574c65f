#pragma once
// Reading a plan folder: JSON syntax, the shape of every file (the same rules
// as content/schema/), and the cross-file checks a schema cannot express
// (dangling references, duplicate ids, years outside the period, units).
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/plan.hpp"

namespace hyoka::model {

struct LoadResult {
  std::optional<Plan> plan;  // empty when an error made the plan unusable
  Diagnostics diagnostics;
};

// Calls task(0) … task(count - 1), in any order and perhaps at once, and
// returns when all are done (the caller's thread pool; none: one by one).
using ForEach = std::function<void(std::size_t count, const std::function<void(std::size_t)>& task)>;

// Loads and validates one plan folder (the one holding plan.json). Policy
// files are read through for_each; the result does not depend on the order.
LoadResult load_plan(const std::filesystem::path& plan_dir, const ForEach& for_each = {});

// The plan folders under a content folder (sub-folders holding plan.json), sorted.
std::vector<std::filesystem::path> find_plans(const std::filesystem::path& content_dir);

}  // namespace hyoka::model
