#pragma once
// Checks across files that a JSON Schema cannot express: references that
// dangle, ids used twice, rules that do not exist, totals that do not add up.
#include "model/diagnostics.hpp"
#include "model/plan.hpp"

namespace hyoka::model {

void check_references(const Plan& plan, Diagnostics& diagnostics);

}  // namespace hyoka::model
