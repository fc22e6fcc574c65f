#pragma once
// Checks across files that a JSON Schema cannot express: references that
// dangle, ids used twice, rules that do not exist, totals that do not add up.
#include <map>
#include <optional>
#include <string>

#include "model/diagnostics.hpp"
#include "model/plan.hpp"

namespace hyoka::model {

void check_references(const Plan& plan, Diagnostics& diagnostics);

// Problems that are not errors: texts without English, listed per plan.
void check_translations(const Plan& plan, Diagnostics& diagnostics);

// Ids become file names, and Windows and macOS do not tell "A1" from "a1":
// ids that differ only in case are duplicates too.
class UniqueIds {
 public:
  // Empty when the id is new; otherwise why it is a duplicate.
  std::optional<std::string> add(const std::string& id);

 private:
  std::map<std::string, std::string> seen_;  // folded → as first written
};

}  // namespace hyoka::model
